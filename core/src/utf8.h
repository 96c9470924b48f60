// UTF-8 validation, repair, decoding and byte -> UTF-16 offset mapping.
#ifndef LOUPE_CORE_SRC_UTF8_H_
#define LOUPE_CORE_SRC_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace loupe {

// U+FFFD, the replacement character.
inline constexpr absl::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Byte offset of the first byte of `text` that does not begin a well-formed
// UTF-8 sequence (RFC 3629: no overlongs, surrogates, or code points above
// U+10FFFF; no truncated sequences), or nullopt if `text` is valid.
std::optional<size_t> FindInvalidUtf8(absl::string_view text);

// Byte offset of the first NUL byte, or nullopt. NUL is valid UTF-8 but
// never occurs in text files: it marks binary input.
std::optional<size_t> FindNul(absl::string_view text);

struct Utf8Repair {
  size_t input_offset;   // where the replaced bytes were in the input
  size_t input_length;   // how many bytes were replaced
  size_t output_offset;  // where the U+FFFD is in the repaired text
};

// Returns `text` with each ill-formed subsequence (per the Unicode
// "maximal subpart" practice) and each NUL byte replaced by U+FFFD, and
// appends one Utf8Repair per replacement to `repairs`.
std::string RepairUtf8(absl::string_view text, std::vector<Utf8Repair>* repairs);

// Decodes the code point at `*pos` of valid UTF-8 `text` and advances `*pos`
// past it. Requires *pos < text.size().
char32_t DecodeUtf8(absl::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

// True if `offset` is 0, text.size(), or the start of a UTF-8 sequence.
inline bool IsCharBoundary(absl::string_view text, size_t offset) {
  if (offset == 0 || offset == text.size()) return true;
  if (offset > text.size()) return false;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Maps byte offsets of a valid UTF-8 text to UTF-16 code unit offsets in
// O(1) space per 256 bytes and O(256) time per lookup. The text must outlive
// the index.
class Utf16Index {
 public:
  explicit Utf16Index(absl::string_view text);
  // Requires byte_offset <= text.size().
  uint32_t Utf16Offset(size_t byte_offset) const;

 private:
  static constexpr size_t kStride = 256;
  absl::string_view text_;
  // checkpoints_[i] = UTF-16 length of text_[0, i * kStride).
  std::vector<uint32_t> checkpoints_;
};

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_UTF8_H_
