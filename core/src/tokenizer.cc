// PLACEHOLDER: replaced by the real tokenizer in this same change.
#include "core/src/tokenizer.h"

#include "absl/strings/ascii.h"

namespace loupe {

std::vector<TokenSpan> Tokenize(absl::string_view text) {
  std::vector<TokenSpan> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (absl::ascii_isspace(c)) { ++i; continue; }
    size_t j = i + 1;
    v1::Token::Kind kind = v1::Token::WORD;
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      kind = absl::ascii_isdigit(c) ? v1::Token::NUMBER : v1::Token::WORD;
      while (j < text.size() && (absl::ascii_isalnum(text[j]) || static_cast<unsigned char>(text[j]) >= 0x80 ||
                                 ((text[j] == '.' || text[j] == ',') && j + 1 < text.size() && absl::ascii_isdigit(text[j + 1])))) ++j;
    } else {
      kind = absl::ascii_ispunct(c) ? v1::Token::PUNCTUATION : v1::Token::SYMBOL;
    }
    tokens.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), kind, false});
    i = j;
  }
  return tokens;
}

}  // namespace loupe
