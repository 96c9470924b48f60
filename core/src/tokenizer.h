// Splits news text into tokens, robust to scraper damage.
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
