// The built-in "numbers" plugin.
#ifndef LOUPE_PLUGINS_NUMBERS_NUMBERS_H_
#define LOUPE_PLUGINS_NUMBERS_NUMBERS_H_

#include <memory>

#include "absl/status/statusor.h"
#include "loupe/plugin.h"
#include "plugins/numbers/numbers_options.pb.h"

namespace loupe {

class NumbersPlugin : public Plugin {
 public:
  using Options = plugins::NumbersOptions;
  static v1::PluginSpec Spec();
  static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options& options);
  absl::Status Process(const v1::Document& doc, v1::Annotations* out) override;
};

}  // namespace loupe

#endif  // LOUPE_PLUGINS_NUMBERS_NUMBERS_H_
