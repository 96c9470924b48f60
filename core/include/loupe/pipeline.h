// A configured sequence of plugins that turns text into a Document.
#ifndef LOUPE_PIPELINE_H_
#define LOUPE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/plugin.h"
#include "loupe/registry.h"
#include "loupe/v1/document.pb.h"
#include "loupe/v1/pipeline.pb.h"

namespace loupe {

class Pipeline {
 public:
  // Creates every plugin of `config` from `registry`. Fails, naming the
  // plugin, if an id is unknown or repeated, a plugin requires a field no
  // earlier plugin assigns, two plugins assign the same single-valued field,
  // or a plugin's options are rejected.
  static absl::StatusOr<std::unique_ptr<Pipeline>> Create(
      const v1::PipelineConfig& config, const PluginRegistry& registry);

  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline();

  // Runs every plugin over `text`, which must be valid UTF-8 (InvalidArgument
  // with the byte offset otherwise). A plugin that fails or returns broken
  // annotations does not stop the others: the failure is an ERROR or
  // WARNING diagnostic in the returned Document (see HasErrors).
  //
  // Not thread-safe: use one Pipeline per thread.
  absl::StatusOr<v1::Document> Analyze(std::string id, std::string text);

  // Same, starting from `doc` (id, text and any diagnostics already set).
  // A document allocated on a protobuf Arena takes much less memory and
  // time for large texts: the plugins' annotations go on the same arena.
  absl::Status Annotate(v1::Document* doc);

  // The specs of the plugins, in run order.
  const std::vector<const PluginRegistration*>& plugins() const {
    return registrations_;
  }

 private:
  struct Stage;
  Pipeline();

  std::vector<const PluginRegistration*> registrations_;
  std::vector<Stage> stages_;
};

// True if `doc` has a diagnostic of severity ERROR.
bool HasErrors(const v1::Document& doc);

}  // namespace loupe

#endif  // LOUPE_PIPELINE_H_
