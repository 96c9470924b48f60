// Reads a loupe.v1.PipelineConfig from a text proto file.
#ifndef LOUPE_CORE_CLI_PIPELINE_CONFIG_READER_H_
#define LOUPE_CORE_CLI_PIPELINE_CONFIG_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/v1/pipeline.pb.h"

namespace loupe {

// Parses `text`; errors name `source` with line and column. Options given in
// expanded Any syntax must be of a type linked into this binary.
absl::StatusOr<v1::PipelineConfig> ParsePipelineConfig(absl::string_view text,
                                                       const std::string& source);

// Reads and parses the file at `path`.
absl::StatusOr<v1::PipelineConfig> ReadPipelineConfig(const std::string& path);

}  // namespace loupe

#endif  // LOUPE_CORE_CLI_PIPELINE_CONFIG_READER_H_
