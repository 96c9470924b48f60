// PLACEHOLDER: replaced by the real plugin in this same change.
#include "plugins/sentiment/sentiment.h"

namespace loupe {

v1::PluginSpec SentimentPlugin::Spec() {
  v1::PluginSpec spec;
  spec.set_id("sentiment");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::SENTIMENT);
  spec.add_requires_fields("sentences");
  spec.add_assigns_fields("sentiment");
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> SentimentPlugin::Create(const Options&) {
  return std::make_unique<SentimentPlugin>();
}

absl::Status SentimentPlugin::Process(const v1::Document&, v1::Annotations*) {
  return absl::OkStatus();
}

}  // namespace loupe
