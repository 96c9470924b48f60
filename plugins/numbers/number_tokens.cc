#include "plugins/numbers/number_tokens.h"

#include <algorithm>

namespace loupe {
namespace numbers_internal {
namespace {

// Decodes one code point at `pos`; on invalid UTF-8 returns 0xFFFFFFFF and
// a length of 1 so that the caller can step over the byte.
char32_t Decode(absl::string_view text, size_t pos, size_t* length) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const unsigned char b0 = byte(0);
  size_t n;
  char32_t c;
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    c = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    c = b0 & 0x07;
  } else {
    *length = 1;
    return 0xFFFFFFFF;
  }
  if (pos + n > text.size()) {
    *length = 1;
    return 0xFFFFFFFF;
  }
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) {
      *length = 1;
      return 0xFFFFFFFF;
    }
    c = (c << 6) | (byte(i) & 0x3F);
  }
  *length = n;
  return c;
}

bool IsSpace(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;
  }
}

bool IsThinSpace(char32_t c) {
  return c == ' ' || c == 0x00A0 || c == 0x2009 || c == 0x202F;
}

// Non-ASCII punctuation and symbols that number rules look at or that must
// separate tokens: Latin-1 signs, general punctuation (dashes, quotes),
// currency signs, the minus sign, CJK and full-width punctuation.
bool IsSymbol(char32_t c) {
  return (c >= 0x00A1 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
         (c >= 0x2010 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20CF) ||
         c == 0x0E3F || c == 0x2212 || (c >= 0x2150 && c <= 0x215E) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFFE0 && c <= 0xFFE6);
}

bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

bool TokenWindow::LexOne() {
  Tok tok;
  size_t spaces = 0;
  char32_t last_space = 0;
  while (pos_ < text_.size()) {
    size_t length;
    const char32_t c = Decode(text_, pos_, &length);
    if (!IsSpace(c)) break;
    if (c == '\n' || c == '\r') tok.newline_before = true;
    last_space = c;
    ++spaces;
    pos_ += length;
  }
  if (pos_ >= text_.size()) return false;
  tok.space_before = spaces > 0;
  tok.thin_space_before = spaces == 1 && IsThinSpace(last_space);
  tok.begin = static_cast<uint32_t>(pos_);
  const unsigned char b = static_cast<unsigned char>(text_[pos_]);
  if (IsAsciiDigit(b)) {
    tok.kind = TokKind::kDigits;
    while (pos_ < text_.size() &&
           IsAsciiDigit(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    }
  } else if (IsAsciiLetter(b)) {
    tok.kind = TokKind::kWord;
    while (pos_ < text_.size() &&
           IsAsciiLetter(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    }
  } else if (b < 0x80) {
    tok.kind = TokKind::kSymbol;
    tok.symbol = b;
    ++pos_;
  } else {
    size_t length;
    const char32_t c = Decode(text_, pos_, &length);
    if (IsSymbol(c)) {
      tok.kind = TokKind::kSymbol;
      tok.symbol = c;
      pos_ += length;
    } else {
      tok.kind = TokKind::kOther;
      pos_ += length;
      while (pos_ < text_.size() &&
             static_cast<unsigned char>(text_[pos_]) >= 0x80) {
        const char32_t next = Decode(text_, pos_, &length);
        if (IsSpace(next) || IsSymbol(next)) break;
        pos_ += length;
      }
    }
  }
  tok.end = static_cast<uint32_t>(pos_);
  toks_.push_back(tok);
  return true;
}

Tok TokenWindow::AtSlow(size_t i) {
  if (i < base_) return Tok();
  while (i - base_ >= toks_.size()) {
    if (!LexOne()) {
      Tok end;
      end.begin = end.end = static_cast<uint32_t>(text_.size());
      return end;
    }
  }
  return toks_[i - base_];
}

void TokenWindow::Forget(size_t i) {
  // Erase in large batches so that the cost per token stays O(1).
  if (i <= base_ || i - base_ < 4096) return;
  const size_t drop = std::min(i - base_, toks_.size());
  toks_.erase(toks_.begin(), toks_.begin() + drop);
  base_ += drop;
}

}  // namespace numbers_internal
}  // namespace loupe
