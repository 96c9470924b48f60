// loupe_eval_vader: scores Loupe's document sentiment against the human
// ratings of VADER's ground-truth sets (Hutto & Gilbert, ICWSM 2014): one
// document per snippet, the default built-in pipeline, and per file
//   * Pearson r between the document score and the human mean rating;
//   * 3-class accuracy and macro F1. Gold class: the mean rating rounded to
//     the nearest rating step, i.e. positive if mean > 0.5, negative if
//     mean < -0.5, neutral otherwise (the raters' scale is the integers
//     -4 .. 4 with 0 = neutral). Predicted class: the document label
//     (score >= the plugin's neutral threshold 0.1 -> positive, <= -0.1 ->
//     negative); MIXED counts by the sign of its score.
//
// Exit codes: 0 scored (or the data folder is absent: skipped), 1 unreadable
// or malformed data, 2 usage.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "loupe/pipeline.h"
#include "loupe/registry.h"
#include "plugins/builtin_plugins.h"
#include "plugins/sentiment/rated_snippets.h"
#include "plugins/sentiment/sentiment_options.pb.h"

namespace loupe::eval {
namespace {

namespace fs = std::filesystem;

constexpr absl::string_view kUsage =
    "usage: loupe_eval_vader [--data DIR] [--rules-only]\n"
    "                        [--split even|odd|all] [--show N]\n"
    "  --data DIR     the *_GroundTruth.txt files (default: " LOUPE_EVAL_DIR
    "/vader_groundtruth)\n"
    "  --rules-only   score without the learned sentence model\n"
    "  --neutral-threshold X  the plugin's neutral_threshold option\n"
    "  --split S      score only the snippets with an even (dev) or odd\n"
    "                 (test) 0-based index in each file; default all\n"
    "  --show N       print the N snippets with the largest errors per file\n";

constexpr const char* kFiles[] = {
    "nytEditorialSnippets_GroundTruth.txt",
    "tweets_GroundTruth.txt",
    "movieReviewSnippets_GroundTruth.txt",
    "amazonReviewSnippets_GroundTruth.txt",
};

int GoldClass(double mean) { return mean > 0.5 ? 2 : (mean < -0.5 ? 0 : 1); }

int PredictedClass(const v1::Sentiment& s) {
  switch (s.label()) {
    case v1::Sentiment::POSITIVE:
      return 2;
    case v1::Sentiment::NEGATIVE:
      return 0;
    case v1::Sentiment::MIXED:
      return s.score() > 0 ? 2 : (s.score() < 0 ? 0 : 1);
    default:
      return 1;
  }
}

int Run(int argc, char** argv) {
  std::string data_dir = LOUPE_EVAL_DIR "/vader_groundtruth";
  bool rules_only = false;
  float neutral_threshold = 0;  // the plugin's default
  int show = 0;
  // -1: all snippets; 0 or 1: only those whose index % 2 is this.
  int split = -1;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--data" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (arg == "--neutral-threshold" && i + 1 < argc &&
               absl::SimpleAtof(argv[i + 1], &neutral_threshold)) {
      ++i;
    } else if (arg == "--split" && i + 1 < argc) {
      const absl::string_view value = argv[++i];
      if (value == "even") {
        split = 0;
      } else if (value == "odd") {
        split = 1;
      } else if (value != "all") {
        std::cerr << kUsage;
        return 2;
      }
    } else if (arg == "--rules-only") {
      rules_only = true;
    } else if (arg == "--show" && i + 1 < argc &&
               absl::SimpleAtoi(argv[i + 1], &show)) {
      ++i;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (!fs::is_directory(data_dir)) {
    std::cout << "vader_groundtruth not found at " << data_dir
              << ": skipped\n";
    return 0;
  }

  PluginRegistry registry;
  if (absl::Status s = RegisterBuiltinPlugins(&registry); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }
  v1::PipelineConfig config = DefaultPipelineConfig();
  for (v1::PluginConfig& plugin : *config.mutable_plugin()) {
    if (plugin.id() != "sentiment") continue;
    plugins::SentimentOptions options;
    options.set_rules_only(rules_only);
    options.set_neutral_threshold(neutral_threshold);
    plugin.mutable_options()->PackFrom(options);
  }
  absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(config, registry);
  if (!pipeline.ok()) {
    std::cerr << pipeline.status() << "\n";
    return 1;
  }

  std::cout << absl::StrFormat(
      "%-38s %6s %7s %6s %8s %6s %6s %6s\n", "file", "n", "pearson",
      "acc", "macroF1", "F1neg", "F1neu", "F1pos");
  for (const char* name : kFiles) {
    const fs::path path = fs::path(data_dir) / name;
    if (!fs::exists(path)) {
      std::cout << name << ": absent, skipped\n";
      continue;
    }
    absl::StatusOr<std::vector<sentiment_internal::RatedSnippet>> read =
        sentiment_internal::ReadRatedSnippets(path.string());
    if (!read.ok()) {
      std::cerr << read.status().message() << "\n";
      return 1;
    }
    const std::vector<sentiment_internal::RatedSnippet>& snippets = *read;
    std::vector<double> gold, predicted;
    int confusion[3][3] = {};
    int failed = 0;
    struct Miss {
      double error;
      size_t index;
      double score;
    };
    std::vector<Miss> misses;
    for (size_t k = 0; k < snippets.size(); ++k) {
      if (split >= 0 && static_cast<int>(k % 2) != split) continue;
      const sentiment_internal::RatedSnippet& s = snippets[k];
      absl::StatusOr<v1::Document> doc = (*pipeline)->Analyze(s.id, s.text);
      if (!doc.ok()) {
        ++failed;
        continue;
      }
      gold.push_back(s.mean);
      predicted.push_back(doc->sentiment().score());
      ++confusion[GoldClass(s.mean)][PredictedClass(doc->sentiment())];
      if (show > 0) {
        misses.push_back(
            Miss{std::abs(s.mean / 4 - doc->sentiment().score()), k,
                 doc->sentiment().score()});
      }
    }
    double f1[3];
    int correct = 0, total = 0;
    for (int c = 0; c < 3; ++c) {
      int tp = confusion[c][c], gold_c = 0, pred_c = 0;
      for (int d = 0; d < 3; ++d) {
        gold_c += confusion[c][d];
        pred_c += confusion[d][c];
        total += confusion[c][d];
      }
      correct += tp;
      f1[c] = gold_c + pred_c > 0 ? 2.0 * tp / (gold_c + pred_c) : 0;
    }
    std::cout << absl::StrFormat(
        "%-38s %6d %7.3f %6.3f %8.3f %6.3f %6.3f %6.3f%s\n", name,
        static_cast<int>(gold.size()), sentiment_internal::Pearson(gold, predicted),
        total > 0 ? static_cast<double>(correct) / total : 0.0,
        (f1[0] + f1[1] + f1[2]) / 3, f1[0], f1[1], f1[2],
        failed > 0 ? absl::StrFormat("  (%d not analyzed)", failed) : "");
    if (show > 0) {
      std::partial_sort(
          misses.begin(),
          misses.begin() + std::min<size_t>(show, misses.size()),
          misses.end(),
          [](const Miss& a, const Miss& b) { return a.error > b.error; });
      for (size_t k = 0; k < std::min<size_t>(show, misses.size()); ++k) {
        const sentiment_internal::RatedSnippet& s = snippets[misses[k].index];
        std::cout << absl::StrFormat("    gold/4 %+.2f predicted %+.2f  %s\n",
                                     s.mean / 4, misses[k].score,
                                     s.text.substr(0, 140));
      }
    }
  }
  return 0;
}

}  // namespace
}  // namespace loupe::eval

int main(int argc, char** argv) { return loupe::eval::Run(argc, argv); }
