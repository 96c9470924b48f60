// loupe_eval_seeds: scores Loupe's output on the seed articles against the
// hand annotations in seeds-gold (see README.md in this folder).
//
// Exit codes: 0 scored (or the gold folder is absent: skipped), 1 unreadable
// or malformed data, 2 usage.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "loupe/v1/document.pb.h"
#include "plugins/builtin_plugins.h"
#include "tests/eval/seeds_scorer.h"

namespace loupe::eval {
namespace {

namespace fs = std::filesystem;

constexpr absl::string_view kUsage =
    "usage: loupe_eval_seeds [--gold DIR] [--corpus DIR] "
    "[--predictions FILE.jsonl] [--json] [--show-errors]\n"
    "  --gold DIR          *.gold.json files (default: " LOUPE_EVAL_DIR
    "/seeds-gold)\n"
    "  --corpus DIR        the annotated texts (default: " LOUPE_CORPUS_DIR
    "/seeds)\n"
    "  --predictions FILE  one proto3-JSON loupe.v1.Document per line, matched\n"
    "                      to gold by the base name of Document.id; default:\n"
    "                      run the built-in default pipeline in-process\n"
    "  --json              print a machine-readable summary instead of tables\n"
    "  --show-errors       list misses (body scope) under each file's table\n";

struct Flags {
  std::string gold_dir = LOUPE_EVAL_DIR "/seeds-gold";
  std::string corpus_dir = LOUPE_CORPUS_DIR "/seeds";
  std::string predictions;
  bool json = false;
  bool show_errors = false;
};

// Returns false on a usage error.
bool ParseFlags(int argc, char** argv, Flags* flags) {
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        std::cerr << arg << " needs a value\n";
        return false;
      }
      *out = argv[++i];
      return true;
    };
    if (arg == "--gold") {
      if (!value(&flags->gold_dir)) return false;
    } else if (arg == "--corpus") {
      if (!value(&flags->corpus_dir)) return false;
    } else if (arg == "--predictions") {
      if (!value(&flags->predictions)) return false;
    } else if (arg == "--json") {
      flags->json = true;
    } else if (arg == "--show-errors") {
      flags->show_errors = true;
    } else {
      std::cerr << "unknown flag or missing value: " << arg << "\n";
      return false;
    }
  }
  return true;
}

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return !in.bad();
}

// "dir/000_x.txt" -> "000_x"; also accepts a bare stem.
std::string IdStem(absl::string_view id) {
  if (size_t slash = id.find_last_of('/'); slash != absl::string_view::npos) {
    id.remove_prefix(slash + 1);
  }
  absl::ConsumeSuffix(&id, ".txt");
  return std::string(id);
}

// Reads --predictions: Document by id stem.
bool ReadPredictions(const std::string& path,
                     std::map<std::string, v1::Document>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read predictions " << path << "\n";
    return false;
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    v1::Document doc;
    if (auto status =
            google::protobuf::util::JsonStringToMessage(line, &doc, options);
        !status.ok()) {
      std::cerr << path << ":" << number
                << ": not a loupe.v1.Document: " << status.ToString() << "\n";
      return false;
    }
    const std::string stem = IdStem(doc.id());
    out->emplace(stem, std::move(doc));
  }
  return true;
}

// ---------------------------------------------------------------- output

std::string Ratio(const Accuracy& a) {
  return absl::StrFormat("%d/%d = %.3f", a.correct, a.total, a.Ratio());
}

std::string PrfCells(const Prf& p) {
  return absl::StrFormat("%6.3f %6.3f %6.3f %5d %5d %5d", p.Precision(),
                         p.Recall(), p.F1(), p.tp, p.fp, p.fn);
}

void PrintPrfRows(const SectionScores& body, const SectionScores& all) {
  std::cout << absl::StrFormat("  %-20s | %-37s | %s\n", "",
                               "body (boilerplate excluded)", "all");
  std::cout << absl::StrFormat(
      "  %-20s | %6s %6s %6s %5s %5s %5s | %6s %6s %6s %5s %5s %5s\n",
      "metric", "P", "R", "F1", "tp", "fp", "fn", "P", "R", "F1", "tp", "fp",
      "fn");
  auto row = [&](absl::string_view name, Prf SectionScores::*field) {
    std::cout << absl::StrFormat("  %-20s | %s | %s\n", name,
                                 PrfCells(body.*field), PrfCells(all.*field));
  };
  row("numbers detection", &SectionScores::number_detection);
  row("numbers exact span", &SectionScores::number_exact_span);
  row("numbers value", &SectionScores::number_value);
  row("entities span+type", &SectionScores::entity_typed);
  row("entities span only", &SectionScores::entity_span);
  row("sentences span", &SectionScores::sentence_span);
  std::cout << "  number kind (of detected):      body " << Ratio(body.number_kind)
            << ", all " << Ratio(all.number_kind) << "\n";
  std::cout << "  entity canonical (of matched):  body "
            << Ratio(body.entity_canonical) << ", all "
            << Ratio(all.entity_canonical) << "\n";
}

std::string ScoreText(bool present, double score,
                      v1::Sentiment::Label label) {
  if (!present) return "none";
  return absl::StrFormat("%+.2f (%s)", score, v1::Sentiment::Label_Name(label));
}

void PrintFile(const FileScores& f, const std::string& text,
               bool show_errors) {
  std::cout << "== " << f.file << "\n";
  PrintPrfRows(f.body, f.all);
  std::cout << "  sentence polarity (of matched): " << Ratio(f.sentence_polarity)
            << " (" << f.sentence_polarity.total << " of "
            << f.gold_body_sentences << " gold body sentences matched)\n";
  std::cout << "  entity sentiment:               " << Ratio(f.entity_sentiment)
            << "\n";
  std::cout << absl::StrFormat(
      "  document sentiment: gold %+.2f (%s), predicted %s: sign %s\n",
      f.gold_document_score, f.gold_document_polarity,
      ScoreText(f.has_predicted_document, f.predicted_document_score,
                f.predicted_document_label),
      f.document_sign_ok ? "ok" : "WRONG");
  if (!show_errors) return;
  const OffsetMap map(text);
  for (const ScoreError& e : f.errors) {
    std::string surface = map.Slice(text, e.span);
    std::replace(surface.begin(), surface.end(), '\n', ' ');
    if (surface.size() > 120) {
      size_t cut = 117;
      while (cut > 0 && (static_cast<unsigned char>(surface[cut]) & 0xC0) ==
                            0x80) {
        --cut;
      }
      surface = surface.substr(0, cut) + "...";
    }
    std::cout << "    " << e.what;
    if (e.span.end > e.span.begin) {
      std::cout << " [" << e.span.begin << "," << e.span.end << ") \""
                << surface << "\"";
    }
    if (!e.detail.empty()) std::cout << " " << e.detail;
    std::cout << "\n";
  }
}

struct Totals {
  SectionScores body;
  SectionScores all;
  Accuracy sentence_polarity;
  int gold_body_sentences = 0;
  Accuracy entity_sentiment;
  Accuracy document_sign;

  void Add(const FileScores& f) {
    body += f.body;
    all += f.all;
    sentence_polarity += f.sentence_polarity;
    gold_body_sentences += f.gold_body_sentences;
    entity_sentiment += f.entity_sentiment;
    ++document_sign.total;
    if (f.document_sign_ok) ++document_sign.correct;
  }
};

void PrintTotals(const Totals& t) {
  std::cout << "== TOTAL over " << t.document_sign.total << " files\n";
  PrintPrfRows(t.body, t.all);
  std::cout << "  sentence polarity (of matched): " << Ratio(t.sentence_polarity)
            << " (" << t.sentence_polarity.total << " of "
            << t.gold_body_sentences << " gold body sentences matched)\n";
  std::cout << "  entity sentiment:               " << Ratio(t.entity_sentiment)
            << "\n";
  std::cout << "  number kind confusion (body, detected pairs; gold -> "
               "predicted):\n";
  for (const auto& [kinds, count] : t.body.kind_confusion) {
    std::cout << absl::StrFormat("    %-12s -> %-20s %d\n", kinds.first,
                                 kinds.second, count);
  }
  std::cout << absl::StrFormat(
      "TOTAL body F1: numbers %.3f (value %.3f), entities %.3f, "
      "sentences %.3f; polarity %.3f, entity sentiment %.3f; "
      "document sign: %d/%d\n",
      t.body.number_detection.F1(), t.body.number_value.F1(),
      t.body.entity_typed.F1(), t.body.sentence_span.F1(),
      t.sentence_polarity.Ratio(), t.entity_sentiment.Ratio(),
      t.document_sign.correct, t.document_sign.total);
}

// --------------------------------------------------------- JSON summary

using ::google::protobuf::Struct;
using ::google::protobuf::Value;

void Set(Struct* s, const std::string& key, double number) {
  (*s->mutable_fields())[key].set_number_value(number);
}
void Set(Struct* s, const std::string& key, const std::string& text) {
  (*s->mutable_fields())[key].set_string_value(text);
}
void Set(Struct* s, const std::string& key, bool flag) {
  (*s->mutable_fields())[key].set_bool_value(flag);
}
Struct* Child(Struct* s, const std::string& key) {
  return (*s->mutable_fields())[key].mutable_struct_value();
}

void PrfJson(const Prf& p, Struct* out) {
  Set(out, "precision", p.Precision());
  Set(out, "recall", p.Recall());
  Set(out, "f1", p.F1());
  Set(out, "tp", static_cast<double>(p.tp));
  Set(out, "fp", static_cast<double>(p.fp));
  Set(out, "fn", static_cast<double>(p.fn));
}

void AccuracyJson(const Accuracy& a, Struct* out) {
  Set(out, "correct", static_cast<double>(a.correct));
  Set(out, "total", static_cast<double>(a.total));
  Set(out, "accuracy", a.Ratio());
}

void SectionJson(const SectionScores& s, Struct* out) {
  PrfJson(s.number_detection, Child(out, "number_detection"));
  PrfJson(s.number_exact_span, Child(out, "number_exact_span"));
  PrfJson(s.number_value, Child(out, "number_value"));
  AccuracyJson(s.number_kind, Child(out, "number_kind"));
  PrfJson(s.entity_typed, Child(out, "entity_span_type"));
  PrfJson(s.entity_span, Child(out, "entity_span"));
  AccuracyJson(s.entity_canonical, Child(out, "entity_canonical"));
  PrfJson(s.sentence_span, Child(out, "sentence_span"));
  Struct* confusion = Child(out, "number_kind_confusion");
  for (const auto& [kinds, count] : s.kind_confusion) {
    Set(Child(confusion, kinds.first), kinds.second,
        static_cast<double>(count));
  }
}

void PrintJson(const std::vector<FileScores>& files, const Totals& t) {
  Struct root;
  auto* list = (*root.mutable_fields())["files"].mutable_list_value();
  for (const FileScores& f : files) {
    Struct* s = list->add_values()->mutable_struct_value();
    Set(s, "file", f.file);
    SectionJson(f.body, Child(s, "body"));
    SectionJson(f.all, Child(s, "all"));
    AccuracyJson(f.sentence_polarity, Child(s, "sentence_polarity"));
    Set(s, "gold_body_sentences", static_cast<double>(f.gold_body_sentences));
    AccuracyJson(f.entity_sentiment, Child(s, "entity_sentiment"));
    Struct* doc = Child(s, "document_sentiment");
    Set(doc, "gold_score", f.gold_document_score);
    Set(doc, "gold_polarity", f.gold_document_polarity);
    Set(doc, "predicted", f.has_predicted_document);
    Set(doc, "predicted_score", f.predicted_document_score);
    Set(doc, "predicted_label",
        v1::Sentiment::Label_Name(f.predicted_document_label));
    Set(doc, "sign_ok", f.document_sign_ok);
  }
  Struct* total = Child(&root, "total");
  SectionJson(t.body, Child(total, "body"));
  SectionJson(t.all, Child(total, "all"));
  AccuracyJson(t.sentence_polarity, Child(total, "sentence_polarity"));
  Set(total, "gold_body_sentences", static_cast<double>(t.gold_body_sentences));
  AccuracyJson(t.entity_sentiment, Child(total, "entity_sentiment"));
  AccuracyJson(t.document_sign, Child(total, "document_sign"));

  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  (void)google::protobuf::util::MessageToJsonString(root, &json, options);
  std::cout << json;
}

// ------------------------------------------------------------------ main

int Run(const Flags& flags) {
  std::error_code error;
  if (!fs::exists(flags.gold_dir, error)) {
    std::cout << "seeds-gold not found at " << flags.gold_dir
              << "; skipping\n";
    return 0;
  }
  std::vector<fs::path> gold_files;
  for (fs::directory_iterator it(flags.gold_dir, error), end;
       !error && it != end; it.increment(error)) {
    if (absl::EndsWith(it->path().filename().string(), ".gold.json")) {
      gold_files.push_back(it->path());
    }
  }
  if (error || gold_files.empty()) {
    std::cerr << "cannot read gold files in " << flags.gold_dir
              << (error ? ": " + error.message() : ": no *.gold.json") << "\n";
    return 1;
  }
  std::sort(gold_files.begin(), gold_files.end());

  std::map<std::string, v1::Document> predicted;
  if (!flags.predictions.empty() &&
      !ReadPredictions(flags.predictions, &predicted)) {
    return 1;
  }

  std::vector<FileScores> scores;
  std::vector<std::string> texts;
  Totals totals;
  for (const fs::path& path : gold_files) {
    std::string json;
    if (!ReadFile(path, &json)) {
      std::cerr << "cannot read " << path.string() << "\n";
      return 1;
    }
    absl::StatusOr<GoldDocument> gold = ParseGoldDocument(json);
    if (!gold.ok()) {
      std::cerr << path.string() << ": " << gold.status() << "\n";
      return 1;
    }
    if (gold->file.empty()) {
      gold->file = path.filename().string();
      gold->file.resize(gold->file.size() - std::string(".gold.json").size());
      gold->file += ".txt";
    }
    const fs::path text_path = fs::path(flags.corpus_dir) / gold->file;
    std::string text;
    const bool have_text = ReadFile(text_path, &text);

    v1::Document doc;
    if (flags.predictions.empty()) {
      if (!have_text) {
        std::cerr << "cannot read " << text_path.string() << "\n";
        return 1;
      }
      absl::StatusOr<v1::Document> analyzed = AnalyzeWithBuiltins(text);
      if (analyzed.ok()) {
        doc = *std::move(analyzed);
      } else {
        // Scored as an empty prediction, so that the table still shows the
        // state of the tree while plugins are being written.
        std::cerr << "warning: " << gold->file
                  << ": pipeline failed: " << analyzed.status() << "\n";
        doc.set_text(text);
      }
    } else {
      auto it = predicted.find(IdStem(gold->file));
      if (it != predicted.end()) {
        doc = it->second;
      } else {
        std::cerr << "warning: no prediction for " << gold->file << "\n";
        doc.set_text(text);
      }
      if (!have_text) text = doc.text();
    }
    if (doc.text() != text) {
      std::cerr << "warning: " << gold->file
                << ": predicted text differs from " << text_path.string()
                << "; spans may be shifted\n";
    }
    std::vector<std::string> mismatches;
    if (CountGoldTextMismatches(*gold, text, &mismatches) > 0) {
      std::cerr << "warning: " << gold->file << ": " << mismatches.size()
                << " gold items do not match the text, first: "
                << mismatches.front() << "\n";
    }
    const Predictions predictions = PredictionsFromDocument(doc);
    if (predictions.invalid_spans > 0) {
      std::cerr << "warning: " << gold->file << ": "
                << predictions.invalid_spans
                << " predicted spans off character boundaries were dropped\n";
    }
    scores.push_back(ScoreFile(*gold, predictions));
    texts.push_back(std::move(text));
    totals.Add(scores.back());
  }

  if (flags.json) {
    PrintJson(scores, totals);
    return 0;
  }
  std::cout << "seeds-gold: " << flags.gold_dir << " (" << scores.size()
            << " files); predictions: "
            << (flags.predictions.empty() ? "built-in default pipeline"
                                          : flags.predictions)
            << "\n";
  for (size_t i = 0; i < scores.size(); ++i) {
    PrintFile(scores[i], texts[i], flags.show_errors);
  }
  PrintTotals(totals);
  return 0;
}

}  // namespace
}  // namespace loupe::eval

int main(int argc, char** argv) {
  loupe::eval::Flags flags;
  for (int i = 1; i < argc; ++i) {
    if (absl::string_view(argv[i]) == "--help") {
      std::cout << loupe::eval::kUsage;
      return 0;
    }
  }
  if (!loupe::eval::ParseFlags(argc, argv, &flags)) {
    std::cerr << loupe::eval::kUsage;
    return 2;
  }
  return loupe::eval::Run(flags);
}
