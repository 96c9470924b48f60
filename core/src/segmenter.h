// The built-in "segmenter" plugin: tokens and sentences for every pipeline.
#ifndef LOUPE_CORE_SRC_SEGMENTER_H_
#define LOUPE_CORE_SRC_SEGMENTER_H_

#include <memory>

#include "absl/status/statusor.h"
#include "google/protobuf/empty.pb.h"
#include "loupe/plugin.h"

namespace loupe {

class Segmenter : public Plugin {
 public:
  using Options = google::protobuf::Empty;
  static v1::PluginSpec Spec();
  static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options&);
  absl::Status Process(const v1::Document& doc, v1::Annotations* out) override;
};

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_SEGMENTER_H_
