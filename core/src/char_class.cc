#include "core/src/char_class.h"

#include <array>

namespace loupe {
namespace {

constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = CharClass::kSymbol;  // controls
  for (int c = '0'; c <= '9'; ++c) table[c] = CharClass::kDigit;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = CharClass::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = CharClass::kLetter;
  for (char c : {'\t', '\n', '\v', '\f', '\r', ' '}) {
    table[static_cast<int>(c)] = CharClass::kSpace;
  }
  for (char c : {'!', '"', '\'', '(', ')', ',', '-', '.', '/', ':', ';', '?',
                 '[', '\\', ']', '_', '{', '}', '*'}) {
    table[static_cast<int>(c)] = CharClass::kPunctuation;
  }
  return table;
}

constexpr std::array<CharClass, 128> kAsciiTable = MakeAsciiTable();

bool InRange(char32_t cp, char32_t lo, char32_t hi) {
  return cp >= lo && cp <= hi;
}

CharClass ClassOfNonAscii(char32_t cp) {
  // Spaces.
  if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || InRange(cp, 0x2000, 0x200B) ||
      cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000 || cp == 0xFEFF) {
    return CharClass::kSpace;
  }
  if (cp < 0xA0) return CharClass::kSymbol;  // C1 controls
  if (cp < 0x100) {
    switch (cp) {
      case 0xA1: case 0xA7: case 0xAB: case 0xB6: case 0xB7: case 0xBB:
      case 0xBF:
        return CharClass::kPunctuation;
      case 0xAA: case 0xB5: case 0xBA:
        return CharClass::kLetter;
      case 0xD7: case 0xF7:
        return CharClass::kSymbol;
      default:
        return cp < 0xC0 ? CharClass::kSymbol : CharClass::kLetter;
    }
  }
  // Combining marks and joiners.
  if (InRange(cp, 0x0300, 0x036F) || InRange(cp, 0x0483, 0x0489) ||
      InRange(cp, 0x0591, 0x05BD) || InRange(cp, 0x064B, 0x065F) ||
      cp == 0x0670 || InRange(cp, 0x1AB0, 0x1AFF) || cp == 0x200E ||
      cp == 0x200F || InRange(cp, 0x2060, 0x206F) ||
      InRange(cp, 0x1DC0, 0x1DFF) || cp == 0x200C || cp == 0x200D ||
      InRange(cp, 0x20D0, 0x20FF) || InRange(cp, 0x3099, 0x309A) ||
      InRange(cp, 0xFE00, 0xFE0F) || InRange(cp, 0xFE20, 0xFE2F) ||
      InRange(cp, 0x1F3FB, 0x1F3FF) || InRange(cp, 0xE0020, 0xE007F) ||
      InRange(cp, 0xE0100, 0xE01EF)) {
    return CharClass::kMark;
  }
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 ||
      cp == 0x0964 || cp == 0x0965 || cp == 0x037E || cp == 0x0387 ||
      cp == 0x055D || cp == 0x0589) {
    return CharClass::kPunctuation;
  }
  if (cp < 0x2010) return CharClass::kLetter;
  if (cp <= 0x205E) {
    if (cp == 0x2030 || cp == 0x2031 || cp == 0x2044 || cp == 0x2052) {
      return CharClass::kSymbol;
    }
    return CharClass::kPunctuation;
  }
  if (cp < 0x20A0) return CharClass::kSymbol;  // super/subscripts, controls
  if (cp <= 0x20CF) return CharClass::kSymbol;  // currency
  if (InRange(cp, 0x2100, 0x2BFF)) return CharClass::kSymbol;
  if (InRange(cp, 0x2E00, 0x2E7F)) return CharClass::kPunctuation;
  if (InRange(cp, 0x3001, 0x303F)) {
    if (InRange(cp, 0x3005, 0x3007)) return CharClass::kIdeograph;
    if (cp == 0x3004 || cp == 0x3012 || cp == 0x3013 || cp == 0x3020 ||
        InRange(cp, 0x3036, 0x303F)) {
      return CharClass::kSymbol;
    }
    return CharClass::kPunctuation;
  }
  if (cp == 0x30FB) return CharClass::kPunctuation;
  if (InRange(cp, 0x3040, 0x30FF) || InRange(cp, 0x31F0, 0x31FF) ||
      InRange(cp, 0x3400, 0x4DBF) || InRange(cp, 0x4E00, 0x9FFF) ||
      InRange(cp, 0xF900, 0xFAFF) || InRange(cp, 0xFF66, 0xFF9F) ||
      InRange(cp, 0x20000, 0x3FFFF)) {
    return CharClass::kIdeograph;
  }
  if (InRange(cp, 0xE000, 0xF8FF)) return CharClass::kSymbol;  // private use
  if (InRange(cp, 0xFE10, 0xFE1F) || InRange(cp, 0xFE30, 0xFE6B)) {
    return cp == 0xFE69 ? CharClass::kSymbol : CharClass::kPunctuation;
  }
  if (InRange(cp, 0xFF01, 0xFF5E)) {
    // Fullwidth forms of ASCII: classify like their ASCII counterparts, but
    // fullwidth digits stay letters (kDigit is ASCII only).
    const CharClass ascii = kAsciiTable[cp - 0xFEE0];
    return ascii == CharClass::kDigit ? CharClass::kLetter : ascii;
  }
  if (InRange(cp, 0xFF5F, 0xFF65)) return CharClass::kPunctuation;
  if (InRange(cp, 0xFFE0, 0xFFFF)) return CharClass::kSymbol;
  if (InRange(cp, 0x1F000, 0x1FBFF)) return CharClass::kSymbol;  // emoji
  if (InRange(cp, 0xF0000, 0x10FFFF)) return CharClass::kSymbol;
  return CharClass::kLetter;
}

}  // namespace

CharClass ClassOf(char32_t cp) {
  if (cp < 0x80) return kAsciiTable[cp];
  return ClassOfNonAscii(cp);
}

CharInfo CharAt(absl::string_view text, size_t pos) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  CharInfo info;
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    info.cp = b0;
    info.cls = kAsciiTable[b0];
    return info;
  }
  size_t length = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  }
  bool ok = length != 0 && text.size() - pos >= length;
  for (size_t i = 1; ok && i < length; ++i) {
    const unsigned char b = byte(pos + i);
    if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) ok = false;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (!ok) {
    info.cp = 0xFFFD;
    info.cls = CharClass::kSymbol;
    return info;
  }
  info.cp = cp;
  info.length = static_cast<unsigned char>(length);
  info.cls = ClassOfNonAscii(cp);
  return info;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return InRange(cp, 0xC0, 0xDE) && cp != 0xD7;
  if (cp < 0x180) {
    if (cp <= 0x137) return cp % 2 == 0;
    if (InRange(cp, 0x139, 0x148)) return cp % 2 == 1;
    if (InRange(cp, 0x14A, 0x177)) return cp % 2 == 0;
    if (cp == 0x178) return true;
    if (InRange(cp, 0x179, 0x17E)) return cp % 2 == 1;
    return false;
  }
  if (cp == 0x386 || InRange(cp, 0x388, 0x38F) || InRange(cp, 0x391, 0x3AB)) {
    return cp != 0x38B && cp != 0x38D && cp != 0x3A2;
  }
  if (InRange(cp, 0x400, 0x42F)) return true;
  if (InRange(cp, 0x460, 0x4FF)) return cp % 2 == 0;
  if (InRange(cp, 0x1E00, 0x1EFF)) return cp % 2 == 0;
  if (InRange(cp, 0xFF21, 0xFF3A)) return true;
  return false;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp < 0x100) {
    return (InRange(cp, 0xDF, 0xFF) && cp != 0xF7) || cp == 0xAA ||
           cp == 0xB5 || cp == 0xBA;
  }
  if (cp < 0x180) return !IsUpper(cp);
  if (InRange(cp, 0x3AC, 0x3CE)) return true;
  if (InRange(cp, 0x430, 0x45F)) return true;
  if (InRange(cp, 0x460, 0x4FF)) return cp % 2 == 1;
  if (InRange(cp, 0x1E00, 0x1EFF)) return cp % 2 == 1;
  if (InRange(cp, 0xFF41, 0xFF5A)) return true;
  return false;
}

}  // namespace loupe
