#include "plugins/numbers/numbers.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "plugins/numbers/number_scanner.h"

namespace loupe {

v1::PluginSpec NumbersPlugin::Spec() {
  v1::PluginSpec spec;
  spec.set_id("numbers");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::NUMBERS);
  spec.add_assigns_fields("numbers");
  spec.set_description(
      "Amounts, percentages, counts, dates, durations and ranges, "
      "normalised (English)");
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> NumbersPlugin::Create(
    const Options& options) {
  return std::unique_ptr<Plugin>(new NumbersPlugin());
}

absl::Status NumbersPlugin::Process(const v1::Document& doc,
                                    v1::Annotations* out) {
  if (doc.text().size() > std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat("plugin 'numbers': text of ", doc.text().size(),
                     " bytes exceeds the 4 GiB span limit"));
  }
  numbers_internal::ScanNumbers(doc.text(), out->mutable_numbers());
  return absl::OkStatus();
}

}  // namespace loupe
