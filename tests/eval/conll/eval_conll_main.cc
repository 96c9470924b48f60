// loupe_eval_conll: runs the entities plugin over a CoNLL-2003 file and
// prints entity-level precision, recall and F1 (conlleval rules) overall
// and per type. Loupe types map back to CoNLL's: PERSON->PER, ORG->ORG,
// GPE/LOC->LOC, everything else->MISC.
//
// Each -DOCSTART- document becomes one Document (text: the sentences one per
// line, words joined by spaces; tokens: exactly the words), so the plugin's
// document-level features work; the segmenter is not run.
//
// Exit codes: 0 scored (or the data is absent: skipped), 1 bad data, 2 usage.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "plugins/entities/conll.h"
#include "plugins/entities/entities.h"
#include "plugins/entities/ner_trainer.h"

namespace loupe {
namespace {

constexpr absl::string_view kUsage =
    "usage: loupe_eval_conll [--data FILE] [--rules-only] [--tagger-only]\n"
    "  --data FILE    CoNLL file (default: " LOUPE_EVAL_DIR "/conll2003/valid.txt)\n"
    "  --rules-only   score the 0.1 gazetteer-and-rules finder instead\n"
    "  --tagger-only  score the tagger alone, before gazetteer refinement\n";

const char* ConllType(v1::Entity::Type type) {
  switch (type) {
    case v1::Entity::PERSON:
      return "PER";
    case v1::Entity::ORG:
      return "ORG";
    case v1::Entity::GPE:
    case v1::Entity::LOC:
      return "LOC";
    default:
      return "MISC";
  }
}

int Run(int argc, char** argv) {
  std::string path = LOUPE_EVAL_DIR "/conll2003/valid.txt";
  bool rules_only = false;
  bool tagger_only = false;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--data" && i + 1 < argc) {
      path = argv[++i];
    } else if (arg == "--rules-only") {
      rules_only = true;
    } else if (arg == "--tagger-only") {
      tagger_only = true;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (!std::filesystem::exists(path)) {
    std::cout << "CoNLL data not found at " << path << "; skipped\n";
    return 0;
  }
  absl::StatusOr<std::vector<conll::Document>> docs = conll::ReadFile(path);
  if (!docs.ok()) {
    std::cerr << docs.status() << "\n";
    return 1;
  }
  if (tagger_only) {
    absl::StatusOr<const entities_internal::NerWeights*> model =
        entities_internal::BuiltinNerModel();
    if (!model.ok()) {
      std::cerr << model.status() << "\n";
      return 1;
    }
    absl::StatusOr<conll::Scorer> scores = EvaluateNerWeights(**model, *docs);
    if (!scores.ok()) {
      std::cerr << scores.status() << "\n";
      return 1;
    }
    std::cout << "tagger alone on " << path << "\n" << scores->Format();
    return 0;
  }
  EntitiesPlugin::Options options;
  options.set_rules_only(rules_only);
  absl::StatusOr<std::unique_ptr<Plugin>> plugin = EntitiesPlugin::Create(options);
  if (!plugin.ok()) {
    std::cerr << plugin.status() << "\n";
    return 1;
  }
  conll::Scorer scorer;
  for (const conll::Document& doc : *docs) {
    const v1::Document document = conll::ToDocument(doc);
    v1::Annotations out;
    if (absl::Status s = (*plugin)->Process(document, &out); !s.ok()) {
      std::cerr << s << "\n";
      return 1;
    }
    // Token index of every byte offset that starts or ends a token.
    std::vector<std::string> tags(document.tokens_size(), "O");
    size_t t = 0;
    for (const v1::Entity& entity : out.entities()) {
      const uint32_t begin = entity.span().byte_begin();
      const uint32_t end = entity.span().byte_end();
      while (t < tags.size() && document.tokens(t).span().byte_end() <= begin) ++t;
      const char* type = ConllType(entity.type());
      for (size_t k = t; k < tags.size() && document.tokens(k).span().byte_begin() < end;
           ++k) {
        tags[k] = absl::StrFormat("%s-%s", k == t ? "B" : "I", type);
      }
    }
    size_t offset = 0;
    for (const conll::Sentence& sentence : doc.sentences) {
      const std::vector<std::string> predicted(
          tags.begin() + offset, tags.begin() + offset + sentence.words.size());
      scorer.Add(conll::ChunksFromTags(sentence.tags),
                 conll::ChunksFromTags(predicted));
      offset += sentence.words.size();
    }
  }
  std::cout << (rules_only ? "rules (0.1)" : "entities plugin") << " on " << path
            << "\n"
            << scorer.Format();
  return 0;
}

}  // namespace
}  // namespace loupe

int main(int argc, char** argv) { return loupe::Run(argc, argv); }
