// Reads a loupe.v1.PipelineConfig from a text proto file.
#ifndef LOUPE_CORE_CLI_PIPELINE_CONFIG_READER_H_
#define LOUPE_CORE_CLI_PIPELINE_CONFIG_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/registry.h"
#include "loupe/v1/pipeline.pb.h"

namespace loupe {

// Parses `text`; errors name `source` with line and column. Options given in
// expanded Any syntax ("[type.googleapis.com/my.Options] { ... }") may be of
// any options type `registry` knows, also of plugins loaded from libraries.
absl::StatusOr<v1::PipelineConfig> ParsePipelineConfig(
    absl::string_view text, const std::string& source,
    const PluginRegistry& registry);

// Reads and parses the file at `path`.
absl::StatusOr<v1::PipelineConfig> ReadPipelineConfig(
    const std::string& path, const PluginRegistry& registry);

}  // namespace loupe

#endif  // LOUPE_CORE_CLI_PIPELINE_CONFIG_READER_H_
