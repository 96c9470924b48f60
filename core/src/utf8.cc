#include "utf8.h"

#include <cstring>

namespace loupe {
namespace {

// What a byte allows when it starts a sequence (Unicode Table 3-7): the
// sequence length (0 if it cannot start one) and the range of the second
// byte; later bytes are always 80..BF.
struct LeadByte {
  size_t length;
  unsigned char second_lo;
  unsigned char second_hi;
};

LeadByte ClassifyLead(unsigned char b0) {
  if (b0 < 0x80) return {1, 0, 0};
  if (b0 >= 0xC2 && b0 <= 0xDF) return {2, 0x80, 0xBF};
  if (b0 == 0xE0) return {3, 0xA0, 0xBF};
  if (b0 == 0xED) return {3, 0x80, 0x9F};  // no surrogates
  if (b0 >= 0xE1 && b0 <= 0xEF) return {3, 0x80, 0xBF};
  if (b0 == 0xF0) return {4, 0x90, 0xBF};
  if (b0 == 0xF4) return {4, 0x80, 0x8F};  // <= U+10FFFF
  if (b0 >= 0xF1 && b0 <= 0xF3) return {4, 0x80, 0xBF};
  return {0, 0, 0};
}

// How many bytes from text[pos] (at least 1) follow the pattern of the lead
// byte there, up to the sequence's length.
size_t MatchingPrefix(absl::string_view text, size_t pos, const LeadByte& lead) {
  size_t n = 1;
  while (n < lead.length && pos + n < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos + n]);
    const bool ok = n == 1 ? (b >= lead.second_lo && b <= lead.second_hi)
                           : (b & 0xC0) == 0x80;
    if (!ok) break;
    ++n;
  }
  return n;
}

// Length of the well-formed sequence starting at text[pos], or 0.
size_t WellFormedLength(absl::string_view text, size_t pos) {
  const LeadByte lead = ClassifyLead(static_cast<unsigned char>(text[pos]));
  if (lead.length <= 1) return lead.length;
  return MatchingPrefix(text, pos, lead) == lead.length ? lead.length : 0;
}

// Length of the maximal subpart of an ill-formed sequence at text[pos]:
// the longest prefix of a well-formed sequence (at least one byte).
size_t MaximalSubpart(absl::string_view text, size_t pos) {
  const LeadByte lead = ClassifyLead(static_cast<unsigned char>(text[pos]));
  if (lead.length == 0) return 1;
  return MatchingPrefix(text, pos, lead);
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(absl::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Fast path over ASCII, 8 bytes at a time.
    while (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    const size_t length = WellFormedLength(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

std::optional<size_t> FindNul(absl::string_view text) {
  const void* nul = std::memchr(text.data(), '\0', text.size());
  if (nul == nullptr) return std::nullopt;
  return static_cast<const char*>(nul) - text.data();
}

std::string RepairUtf8(absl::string_view text,
                       std::vector<Utf8Repair>* repairs) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t length = text[pos] == '\0' ? 0 : WellFormedLength(text, pos);
    if (length > 0) {
      out.append(text.data() + pos, length);
      pos += length;
      continue;
    }
    const size_t bad = text[pos] == '\0' ? 1 : MaximalSubpart(text, pos);
    repairs->push_back(Utf8Repair{pos, bad, out.size()});
    out.append(kReplacementCharacter.data(), kReplacementCharacter.size());
    pos += bad;
  }
  return out;
}

char32_t DecodeUtf8(absl::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char b0 = byte(*pos);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  if (*pos + length > text.size()) length = text.size() - *pos;
  char32_t c = b0 & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) c = (c << 6) | (byte(*pos + i) & 0x3F);
  *pos += length;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

namespace {
// UTF-16 units contributed by text[begin, end): one per lead byte, plus one
// more per four-byte lead (a surrogate pair).
uint32_t Utf16Units(absl::string_view text, size_t begin, size_t end) {
  uint32_t units = 0;
  for (size_t i = begin; i < end; ++i) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    units += ((b & 0xC0) != 0x80) + (b >= 0xF0);
  }
  return units;
}
}  // namespace

Utf16Index::Utf16Index(absl::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  uint32_t units = 0;
  checkpoints_.push_back(0);
  for (size_t begin = 0; begin + kStride <= text.size(); begin += kStride) {
    units += Utf16Units(text, begin, begin + kStride);
    checkpoints_.push_back(units);
  }
}

uint32_t Utf16Index::Utf16Offset(size_t byte_offset) const {
  const size_t checkpoint = byte_offset / kStride;
  return checkpoints_[checkpoint] +
         Utf16Units(text_, checkpoint * kStride, byte_offset);
}

}  // namespace loupe
