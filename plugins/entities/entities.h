// The built-in "entities" plugin: named entities found by a trained sequence
// tagger, typed more finely with a gazetteer of well-known names, with
// within-document canonical names and a confidence per entity.
//
// Steps:
//   TokenView      token shapes, sentence and headline positions
//   MentionFinder  gazetteer matches (and, with rules_only, the 0.1 rules)
//   NerFeatures + NerDecoder
//                  the tagger (model/ner_model.pb): PER/ORG/LOC/MISC spans
//   EntitiesPlugin merges the two and refines the tagger's classes into
//                  GPE/LOC, NORP/PRODUCT/EVENT/MISC
//   Canonicalizer  one canonical name per referent in the document
#ifndef LOUPE_PLUGINS_ENTITIES_ENTITIES_H_
#define LOUPE_PLUGINS_ENTITIES_ENTITIES_H_

#include <cmath>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "loupe/plugin.h"
#include "plugins/entities/canonicalizer.h"
#include "plugins/entities/entities_options.pb.h"
#include "plugins/entities/mention_finder.h"
#include "plugins/entities/ner_tagger.h"
#include "plugins/entities/token_view.h"

namespace loupe {

class EntitiesPlugin : public Plugin {
 public:
  using Options = plugins::EntitiesOptions;
  static v1::PluginSpec Spec();
  // Fails with InvalidArgument for a min_confidence outside [0, 1], or
  // Internal if the embedded data is malformed.
  static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options& options);
  absl::Status Process(const v1::Document& doc, v1::Annotations* out) override;

  EntitiesPlugin(const Options& options, const entities_internal::Lexicon& lexicon,
                 const entities_internal::NerWeights& model)
      : options_(options),
        lexicon_(lexicon),
        model_(model),
        finder_(lexicon),
        canonicalizer_(lexicon) {}

 private:
  // Appends the tagger's mentions that do not clash with gazetteer ones to
  // mentions_ (which holds the gazetteer mentions) and sorts them.
  void AddTaggedMentions();
  // False for tagger spans that only a gazetteer match could justify.
  bool PlausibleTaggedSpan(const entities_internal::Mention& span) const;
  // The calibrated probability that a tagger span whose smallest token
  // margin is `margin` is right (see model/MODEL_CARD.md).
  float Confidence(float margin) const {
    return 1.f / (1.f + std::exp(-(model_.confidence_a * margin + model_.confidence_b)));
  }
  // The Loupe type of a tagger span of CoNLL class `ner_class`.
  v1::Entity::Type RefineType(int ner_class, const entities_internal::Mention& span,
                              const entities_internal::GazetteerEntry* entry) const;

  const Options options_;
  const entities_internal::Lexicon& lexicon_;
  const entities_internal::NerWeights& model_;
  entities_internal::TokenView tokens_;
  entities_internal::MentionFinder finder_;
  entities_internal::Canonicalizer canonicalizer_;
  entities_internal::NerFeatures features_;
  entities_internal::NerDecoder decoder_;
  std::vector<uint8_t> labels_;
  std::vector<float> margins_;
  std::vector<entities_internal::Mention> mentions_;
  std::vector<entities_internal::Mention> merged_;
  std::vector<entities_internal::Mention> rule_products_;
};

namespace entities_internal {
// The tagger compiled into the plugin, loaded once. An error means the
// embedded model does not match the code.
absl::StatusOr<const NerWeights*> BuiltinNerModel();
}  // namespace entities_internal

}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_ENTITIES_H_
