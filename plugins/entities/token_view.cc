#include "plugins/entities/token_view.h"

#include "absl/strings/ascii.h"
#include "core/src/utf8.h"

namespace loupe {
namespace entities_internal {
namespace {

bool IsUpper(char32_t c) {
  if (c < 0x80) return absl::ascii_isupper(static_cast<unsigned char>(c));
  // Latin-1, Latin Extended-A (capitals at even code points), Greek, Cyrillic.
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool IsLower(char32_t c) {
  if (c < 0x80) return absl::ascii_islower(static_cast<unsigned char>(c));
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

// A possessive the tokenizer left attached: "'s", "’s", or a final "’"/"'"
// after an s ("Reuters’"). Returns its length in bytes, or 0.
size_t PossessiveSuffix(absl::string_view word) {
  constexpr absl::string_view kCurly = "\xE2\x80\x99";
  if (word.size() > 2 && (word.substr(word.size() - 2) == "'s" ||
                          word.substr(word.size() - 2) == "'S")) {
    return 2;
  }
  if (word.size() > 4 && word.substr(word.size() - 4, 3) == kCurly &&
      (word.back() == 's' || word.back() == 'S')) {
    return 4;
  }
  if (word.size() > 4 && word.substr(word.size() - 3) == kCurly &&
      (word[word.size() - 4] == 's')) {
    return 3;
  }
  return 0;
}

bool EndsSentence(absl::string_view token) {
  return token == "." || token == "!" || token == "?" || token == ":" ||
         token == "\xE2\x80\xA6" || token == "..." || token == "|" ||
         token == "\xE2\x80\x94" || token == "\xE2\x80\xA2";
}

bool OpensQuote(absl::string_view token) {
  return token == "\"" || token == "'" || token == "(" || token == "[" ||
         token == "\xE2\x80\x9C" || token == "\xE2\x80\x98" || token == "-" ||
         token == "*";
}

}  // namespace

void TokenView::Reset(const v1::Document& doc, const WordSet& not_names) {
  text_ = doc.text();
  tokens_.clear();
  lower_.clear();
  tokens_.reserve(doc.tokens_size());
  lower_.reserve(text_.size());
  uint32_t previous_end = 0;
  for (const v1::Token& token : doc.tokens()) {
    const uint32_t begin = token.span().byte_begin();
    const uint32_t end = token.span().byte_end();
    if (begin >= end || end > text_.size() || begin < previous_end ||
        !IsCharBoundary(text_, begin) || !IsCharBoundary(text_, end)) {
      continue;
    }
    previous_end = end;
    TokenInfo info;
    info.begin = begin;
    info.raw_end = end;
    info.kind = token.kind();
    absl::string_view surface = text_.substr(begin, end - begin);
    if (info.kind == v1::Token::WORD) {
      surface.remove_suffix(PossessiveSuffix(surface));
    }
    info.end = begin + static_cast<uint32_t>(surface.size());
    bool first_letter = true;
    for (size_t pos = 0; pos < surface.size();) {
      const char32_t c = DecodeUtf8(surface, &pos);
      const bool upper = IsUpper(c);
      const bool lower = IsLower(c);
      if (upper || lower) {
        info.has_alpha = true;
        if (first_letter) info.upper_initial = upper;
        if (upper && !first_letter) info.inner_upper = true;
        first_letter = false;
      } else if (c >= '0' && c <= '9') {
        info.has_digit = true;
      } else if (c >= 0x80) {
        info.has_alpha = true;  // CJK and other scripts without case
      }
      info.has_upper |= upper;
      info.has_lower |= lower;
    }
    if (!info.has_lower) info.inner_upper = false;
    info.lower_begin = static_cast<uint32_t>(lower_.size());
    AppendLower(surface, &lower_);
    info.lower_end = static_cast<uint32_t>(lower_.size());
    tokens_.push_back(info);
  }

  // Sentence and line starts.
  for (size_t i = 0; i < tokens_.size(); ++i) {
    TokenInfo& info = tokens_[i];
    if (i == 0) {
      info.sentence_start = info.newline_before = true;
      continue;
    }
    info.newline_before = GapBefore(i).find('\n') != absl::string_view::npos;
    const absl::string_view previous = text_.substr(
        tokens_[i - 1].begin, tokens_[i - 1].raw_end - tokens_[i - 1].begin);
    info.sentence_start =
        info.newline_before || EndsSentence(previous) ||
        (OpensQuote(previous) && tokens_[i - 1].sentence_start);
  }
  for (const v1::Sentence& sentence : doc.sentences()) {
    // Sentence token indices refer to doc.tokens(); they match ours unless
    // some token was skipped above, in which case this is only a hint.
    if (sentence.token_begin() < tokens_.size()) {
      tokens_[sentence.token_begin()].sentence_start = true;
    }
  }

  // Lines in Title Case or CAPS: headlines, where capitals say little.
  for (size_t line_begin = 0; line_begin < tokens_.size();) {
    size_t line_end = line_begin + 1;
    while (line_end < tokens_.size() && !tokens_[line_end].newline_before) {
      ++line_end;
    }
    int content = 0;
    int capitalized = 0;
    int caps = 0;
    for (size_t i = line_begin; i < line_end; ++i) {
      const TokenInfo& info = tokens_[i];
      if (info.kind != v1::Token::WORD || !info.has_alpha ||
          info.end - info.begin < 4 || not_names.Contains(Lower(i))) {
        continue;
      }
      ++content;
      if (info.upper_initial) ++capitalized;
      if (info.all_caps()) ++caps;
    }
    // A line that ends like a sentence and has a lower-case content word is
    // prose, however many names it holds.
    const bool prose =
        capitalized < content &&
        EndsSentence(text_.substr(tokens_[line_end - 1].begin,
                                  tokens_[line_end - 1].raw_end -
                                      tokens_[line_end - 1].begin));
    const bool title =
        !prose && content >= 3 && capitalized * 4 >= content * 3;
    const bool all_caps = content >= 2 && caps * 4 >= content * 3;
    for (size_t i = line_begin; i < line_end; ++i) {
      tokens_[i].title_line = title || all_caps;
      tokens_[i].caps_line = all_caps;
    }
    line_begin = line_end;
  }
}

}  // namespace entities_internal
}  // namespace loupe
