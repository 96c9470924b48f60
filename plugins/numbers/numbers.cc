// PLACEHOLDER: replaced by the real plugin in this same change.
#include "plugins/numbers/numbers.h"

namespace loupe {

v1::PluginSpec NumbersPlugin::Spec() {
  v1::PluginSpec spec;
  spec.set_id("numbers");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::NUMBERS);
  spec.add_requires_fields("tokens");
  spec.add_assigns_fields("numbers");
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> NumbersPlugin::Create(const Options&) {
  return std::make_unique<NumbersPlugin>();
}

absl::Status NumbersPlugin::Process(const v1::Document&, v1::Annotations*) {
  return absl::OkStatus();
}

}  // namespace loupe
