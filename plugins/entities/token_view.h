// Per-token facts the entity finder needs, computed once per document.
#ifndef LOUPE_PLUGINS_ENTITIES_TOKEN_VIEW_H_
#define LOUPE_PLUGINS_ENTITIES_TOKEN_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"
#include "plugins/entities/gazetteer.h"

namespace loupe {
namespace entities_internal {

struct TokenInfo {
  uint32_t begin = 0;  // byte offsets into the text
  uint32_t end = 0;    // excludes a possessive "'s" left attached
  uint32_t raw_end = 0;
  uint32_t lower_begin = 0;  // [lower_begin, lower_end) of TokenView::lower_
  uint32_t lower_end = 0;
  v1::Token::Kind kind = v1::Token::KIND_UNSPECIFIED;
  bool upper_initial = false;  // first letter is a capital
  bool has_upper = false;
  bool has_lower = false;
  bool has_digit = false;
  bool has_alpha = false;
  bool sentence_start = false;  // first word of a sentence or line
  bool newline_before = false;  // a line break separates it from the previous
  bool title_line = false;      // on a line written in Title Case or CAPS
  bool caps_line = false;       // on a line written in CAPS

  // A capital after the first letter and some lower case, as in
  // "DeepSeek", "iPhone", "OpenAI".
  bool inner_upper = false;

  bool all_caps() const { return has_upper && !has_lower; }
};

// The tokens of a document with lower-cased text and shape flags. Reused
// across documents to avoid allocation; not thread-safe.
class TokenView {
 public:
  // Tokens of kind URL are kept but never take part in names. Token spans
  // outside the text, out of order, or not on character boundaries are
  // skipped. `not_names` are words that do not count when deciding whether a
  // line is written in Title Case.
  void Reset(const v1::Document& doc, const WordSet& not_names);

  size_t size() const { return tokens_.size(); }
  const TokenInfo& operator[](size_t i) const { return tokens_[i]; }
  absl::string_view text() const { return text_; }
  absl::string_view Surface(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  absl::string_view Lower(size_t i) const {
    return absl::string_view(lower_).substr(
        tokens_[i].lower_begin, tokens_[i].lower_end - tokens_[i].lower_begin);
  }
  // The whitespace between token i-1 and token i (empty for i == 0).
  absl::string_view GapBefore(size_t i) const {
    if (i == 0) return absl::string_view();
    return text_.substr(tokens_[i - 1].raw_end,
                        tokens_[i].begin - tokens_[i - 1].raw_end);
  }

 private:
  absl::string_view text_;
  std::vector<TokenInfo> tokens_;
  std::string lower_;
};

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_TOKEN_VIEW_H_
