// Finds number expressions (amounts, percentages, counts, dates, durations,
// ranges ...) in English text with a single left-to-right pass.
#ifndef LOUPE_PLUGINS_NUMBERS_NUMBER_SCANNER_H_
#define LOUPE_PLUGINS_NUMBERS_NUMBER_SCANNER_H_

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "loupe/v1/document.pb.h"

namespace loupe {
namespace numbers_internal {

// Appends the numbers of `text` to `out` in text order, with byte spans and
// `text` set; run_id and UTF-16 offsets are left to the core. Time and
// memory are linear in text.size(); any byte sequence is accepted.
void ScanNumbers(absl::string_view text,
                 google::protobuf::RepeatedPtrField<v1::Number>* out);

}  // namespace numbers_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_NUMBERS_NUMBER_SCANNER_H_
