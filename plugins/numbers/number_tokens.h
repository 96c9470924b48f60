// The numbers plugin's own lexer: a lazily filled window of coarse tokens
// (digit runs, ASCII letter runs, single symbols, other runs) over a text,
// with the whitespace between them folded into flags. Memory stays bounded
// on any input because consumed tokens are dropped.
#ifndef LOUPE_PLUGINS_NUMBERS_NUMBER_TOKENS_H_
#define LOUPE_PLUGINS_NUMBERS_NUMBER_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace loupe {
namespace numbers_internal {

enum class TokKind : uint8_t {
  kEnd,     // past either end of the text, or outside the retained window
  kDigits,  // [0-9]+
  kWord,    // [A-Za-z]+
  kSymbol,  // one punctuation or symbol character
  kOther,   // a run of other characters (non-Latin letters, CJK, emoji)
};

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokKind kind = TokKind::kEnd;
  // Whitespace separates this token from the previous one.
  bool space_before = false;
  // That whitespace contains a line break.
  bool newline_before = false;
  // That whitespace is exactly one space, no-break space or thin space
  // (the separators allowed inside "4 118 122").
  bool thin_space_before = false;
  // The code point of a kSymbol token.
  char32_t symbol = 0;
};

class TokenWindow {
 public:
  // `text` must outlive the window. Invalid UTF-8 bytes become kOther
  // tokens of one byte.
  explicit TokenWindow(absl::string_view text) : text_(text) {}
  TokenWindow(const TokenWindow&) = delete;
  TokenWindow& operator=(const TokenWindow&) = delete;

  // Token number `i` (0-based over the whole text). Past the end, or before
  // the retained window, a kEnd token is returned.
  Tok At(size_t i) {
    if (i >= base_ && i - base_ < toks_.size()) return toks_[i - base_];
    return AtSlow(i);
  }

  // Tokens before `i` will not be asked for again.
  void Forget(size_t i);

 private:
  Tok AtSlow(size_t i);
  bool LexOne();

  absl::string_view text_;
  size_t pos_ = 0;   // next byte to lex
  size_t base_ = 0;  // index of toks_[0]
  std::vector<Tok> toks_;
};

}  // namespace numbers_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_NUMBERS_NUMBER_TOKENS_H_
