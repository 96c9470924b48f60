// The plugins compiled into Loupe, and the default pipeline over them.
#ifndef LOUPE_PLUGINS_BUILTIN_PLUGINS_H_
#define LOUPE_PLUGINS_BUILTIN_PLUGINS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/registry.h"
#include "loupe/v1/document.pb.h"
#include "loupe/v1/pipeline.pb.h"

namespace loupe {

// Registers every built-in plugin.
absl::Status RegisterBuiltinPlugins(PluginRegistry* registry);

// segmenter, numbers, entities, sentiment; all with default options.
v1::PipelineConfig DefaultPipelineConfig();

// The default pipeline, then every plugin of `registry` that is not built in
// (loaded from a library or linked into a custom build), in registration
// order, with default options.
v1::PipelineConfig DefaultPipelineConfig(const PluginRegistry& registry);

// Runs the built-in plugins `plugin_ids` (default: the default pipeline)
// over `text`. For tests and evaluation tools.
absl::StatusOr<v1::Document> AnalyzeWithBuiltins(
    absl::string_view text, const std::vector<std::string>& plugin_ids = {});

}  // namespace loupe

#endif  // LOUPE_PLUGINS_BUILTIN_PLUGINS_H_
