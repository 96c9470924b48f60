// PLACEHOLDER: replaced by the real plugin in this same change.
#include "plugins/entities/entities.h"

namespace loupe {

v1::PluginSpec EntitiesPlugin::Spec() {
  v1::PluginSpec spec;
  spec.set_id("entities");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::ENTITIES);
  spec.add_requires_fields("tokens");
  spec.add_assigns_fields("entities");
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> EntitiesPlugin::Create(const Options&) {
  return std::make_unique<EntitiesPlugin>();
}

absl::Status EntitiesPlugin::Process(const v1::Document&, v1::Annotations*) {
  return absl::OkStatus();
}

}  // namespace loupe
