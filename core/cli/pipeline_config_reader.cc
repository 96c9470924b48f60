#include "core/cli/pipeline_config_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"

namespace loupe {
namespace {

// Keeps the first parse error, with its position.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (message_.empty()) {
      message_ = absl::StrCat(line + 1, ":", column + 1, ": ", message);
    }
  }
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

// Resolves Any type URLs against the registry's options types.
class OptionsTypeFinder : public google::protobuf::TextFormat::Finder {
 public:
  explicit OptionsTypeFinder(const PluginRegistry& registry)
      : registry_(registry) {}
  const google::protobuf::Descriptor* FindAnyType(
      const google::protobuf::Message&, const std::string& prefix,
      const std::string& name) const override {
    if (prefix != "type.googleapis.com/") return nullptr;
    return registry_.FindOptionsType(name);
  }

 private:
  const PluginRegistry& registry_;
};

}  // namespace

absl::StatusOr<v1::PipelineConfig> ParsePipelineConfig(
    absl::string_view text, const std::string& source,
    const PluginRegistry& registry) {
  v1::PipelineConfig config;
  FirstError errors;
  OptionsTypeFinder finder(registry);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.SetFinder(&finder);
  if (!parser.ParseFromString(std::string(text), &config)) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ":", errors.message().empty()
                                      ? "not a loupe.v1.PipelineConfig"
                                      : errors.message()));
  }
  if (config.plugin().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": the pipeline names no plugin"));
  }
  return config;
}

absl::StatusOr<v1::PipelineConfig> ReadPipelineConfig(
    const std::string& path, const PluginRegistry& registry) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read pipeline '", path, "': ", std::strerror(errno)));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParsePipelineConfig(buffer.str(), path, registry);
}

}  // namespace loupe
