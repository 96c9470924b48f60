// Character classes for tokenizing news text without a Unicode database.
//
// The classes are approximations tuned for Latin, Greek and Cyrillic news
// text plus CJK and emoji: letters and case are exact for ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic; other scripts' letters are caseless.
#ifndef LOUPE_CORE_SRC_CHAR_CLASS_H_
#define LOUPE_CORE_SRC_CHAR_CLASS_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace loupe {

enum class CharClass : unsigned char {
  kSpace,        // White_Space, plus U+200B and U+FEFF (invisible separators)
  kLetter,       // alphabetic letters of any script except the ones below
  kIdeograph,    // Han and kana: one token per character
  kDigit,        // ASCII 0-9
  kMark,         // combining marks, ZWJ, variation selectors, skin tones:
                 // extend the preceding character
  kPunctuation,  // . , ; : ! ? quotes brackets dashes and the like
  kSymbol,       // currency, math, %, &, emoji, other symbols
};

// One decoded character: code point, byte length, class.
struct CharInfo {
  char32_t cp = 0;
  unsigned char length = 1;
  CharClass cls = CharClass::kSymbol;
};

// Decodes the character at text[pos] (pos < text.size()). Bytes that do not
// start a well-formed UTF-8 sequence decode as U+FFFD of length 1, so any
// input makes progress.
CharInfo CharAt(absl::string_view text, size_t pos);

CharClass ClassOf(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

// A regional indicator symbol (two make a flag).
inline bool IsRegionalIndicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_CHAR_CLASS_H_
