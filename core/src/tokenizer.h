// Splits news text into tokens, robust to scraper damage.
//
// Contract (other plugins rely on it):
//   * Byte offsets, end exclusive. Whitespace (ASCII and Unicode spaces such
//     as U+00A0 and U+3000, plus the invisible U+200B and U+FEFF) belongs to
//     no token; every other byte belongs to exactly one token.
//   * WORD: letters, possibly with digits, hyphens ("GPT-4", "U.S.-produced"),
//     inner periods ("U.S", "Node.js"), inner apostrophes ("O'Brien"), and
//     "/", ":" or "&" between alphanumerics ("24/7", "NASDAQ:NVDA", "AT&T").
//     Known abbreviations and dotted initials keep their final period
//     ("Inc.", "U.S.", "J."). Possessive and contraction suffixes are WORDs of
//     their own, PTB style: "NVIDIA" "'s", "is" "n’t", "companies" "'".
//     Han and kana characters are one WORD each.
//   * NUMBER: starts with a digit and keeps inner separators and suffixes
//     ("4,118,122", "142.62", "21st", "600B", "2500-fold", "24-32", "10:30").
//     A final period is punctuation ("2021" ".").
//   * PUNCTUATION: . , ; : ! ? quotes brackets dashes; runs of periods
//     ("..."), of "!"/"?" and of hyphens are one token.
//   * SYMBOL: currency signs, %, &, +, #, @, math, emoji (with their
//     modifiers and ZWJ sequences), flags. Currency signs always stand alone:
//     "$600B" -> "$" "600B"; "US$5" -> "US" "$" "5"; "C$" -> "C" "$".
//   * URL: scheme or "www." URLs, e-mail addresses, and bare domains with a
//     known top-level domain ("TechCrunch.com"); trailing punctuation is not
//     part of the URL.
//   * Scraper glue is split and the right-hand token gets `glued`:
//     "success|The", "plummeting|NVIDIA" (an all-lowercase word of >= 2
//     letters before a Capitalized or >= 3-letter ALL-CAPS word),
//     "Street|The" (a Capitalized word before a sentence-opening function
//     word such as "The", "This", "However"), "U.S|tech" (dotted capitals
//     before lowercase letters), and "published" "." "|Required" (a period
//     between a word and a Capitalized word: the period is its own token and
//     the word after it is the glued one). Camel-case names stay whole:
//     "DeepSeek", "iPhone", "macOS", "YouTube", "McDonald".
//   * Linear time; any byte sequence is accepted (invalid UTF-8 bytes become
//     one-byte SYMBOL tokens).
#ifndef LOUPE_CORE_SRC_TOKENIZER_H_
#define LOUPE_CORE_SRC_TOKENIZER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"

namespace loupe {

struct TokenSpan {
  uint32_t begin = 0;  // byte offsets into the text, end exclusive
  uint32_t end = 0;
  v1::Token::Kind kind = v1::Token::KIND_UNSPECIFIED;
  // The token was split off the previous one at a point where a scraper
  // glued two sentences or words together ("success|The",
  // "plummeting|NVIDIA", "U.S|tech", "published.|Required").
  bool glued = false;
};

// Tokenizes valid UTF-8 `text`. Whitespace separates tokens and belongs to
// none; every other byte belongs to exactly one token. Linear in the input.
std::vector<TokenSpan> Tokenize(absl::string_view text);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_TOKENIZER_H_
