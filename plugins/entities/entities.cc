#include "plugins/entities/entities.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "plugins/entities/lexicon.h"

namespace loupe {

v1::PluginSpec EntitiesPlugin::Spec() {
  v1::PluginSpec spec;
  spec.set_id("entities");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::ENTITIES);
  spec.add_requires_fields("tokens");
  spec.add_assigns_fields("entities");
  spec.set_description(
      "Named entities from a gazetteer and capitalization rules, with "
      "canonical names per document");
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> EntitiesPlugin::Create(
    const Options& options) {
  if (!(options.min_confidence() >= 0 && options.min_confidence() <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("entities: min_confidence must be in [0, 1], got ",
                     options.min_confidence()));
  }
  absl::StatusOr<const entities_internal::Lexicon*> lexicon = entities_internal::BuiltinLexicon();
  if (!lexicon.ok()) return lexicon.status();
  return std::make_unique<EntitiesPlugin>(options, **lexicon);
}

absl::Status EntitiesPlugin::Process(const v1::Document& doc,
                                     v1::Annotations* out) {
  absl::StatusOr<const entities_internal::Lexicon*> lexicon = entities_internal::BuiltinLexicon();
  if (!lexicon.ok()) return lexicon.status();
  tokens_.Reset(doc, (*lexicon)->not_names);
  mentions_.clear();
  finder_.Find(tokens_, !options_.gazetteer_only(), &mentions_);
  canonicalizer_.Canonicalize(tokens_, &mentions_);
  for (entities_internal::Mention& mention : mentions_) {
    if (mention.confidence < options_.min_confidence()) continue;
    v1::Entity* entity = out->add_entities();
    entity->mutable_span()->set_byte_begin(mention.byte_begin);
    entity->mutable_span()->set_byte_end(mention.byte_end);
    entity->set_text(doc.text().substr(mention.byte_begin,
                                       mention.byte_end - mention.byte_begin));
    entity->set_type(mention.type);
    entity->set_canonical(std::move(mention.canonical));
    entity->set_confidence(mention.confidence);
  }
  return absl::OkStatus();
}

}  // namespace loupe
