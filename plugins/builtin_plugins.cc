#include "plugins/builtin_plugins.h"

#include <memory>

#include "core/src/segmenter.h"
#include "loupe/pipeline.h"
#include "plugins/entities/entities.h"
#include "plugins/numbers/numbers.h"
#include "plugins/sentiment/sentiment.h"

namespace loupe {

absl::Status RegisterBuiltinPlugins(PluginRegistry* registry) {
  for (PluginRegistration registration : {
           MakeRegistration<Segmenter>(),
           MakeRegistration<NumbersPlugin>(),
           MakeRegistration<EntitiesPlugin>(),
           MakeRegistration<SentimentPlugin>(),
       }) {
    if (absl::Status status = registry->Register(std::move(registration));
        !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

v1::PipelineConfig DefaultPipelineConfig() {
  v1::PipelineConfig config;
  for (const char* id : {"segmenter", "numbers", "entities", "sentiment"}) {
    config.add_plugin()->set_id(id);
  }
  return config;
}

v1::PipelineConfig DefaultPipelineConfig(const PluginRegistry& registry) {
  v1::PipelineConfig config = DefaultPipelineConfig();
  for (const PluginRegistration* r : registry.List()) {
    if (r->source != kBuiltinSource) config.add_plugin()->set_id(r->spec.id());
  }
  return config;
}

absl::StatusOr<v1::Document> AnalyzeWithBuiltins(
    absl::string_view text, const std::vector<std::string>& plugin_ids) {
  PluginRegistry registry;
  if (absl::Status status = RegisterBuiltinPlugins(&registry); !status.ok()) {
    return status;
  }
  v1::PipelineConfig config;
  if (plugin_ids.empty()) {
    config = DefaultPipelineConfig();
  } else {
    for (const std::string& id : plugin_ids) config.add_plugin()->set_id(id);
  }
  absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(config, registry);
  if (!pipeline.ok()) return pipeline.status();
  return (*pipeline)->Analyze("test", std::string(text));
}

}  // namespace loupe
