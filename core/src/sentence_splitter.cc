// PLACEHOLDER: replaced by the real splitter in this same change.
#include "core/src/sentence_splitter.h"

namespace loupe {

std::vector<SentenceSpan> SplitSentences(absl::string_view text,
                                         absl::Span<const TokenSpan> tokens) {
  std::vector<SentenceSpan> sentences;
  size_t start = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const char c = text[tokens[i].begin];
    const bool last = i + 1 == tokens.size();
    const bool paragraph = !last && text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end).find("\n") != absl::string_view::npos;
    if (last || paragraph || c == '.' || c == '!' || c == '?') {
      SentenceSpan s;
      s.begin = tokens[start].begin; s.end = tokens[i].end;
      s.token_begin = start; s.token_end = i + 1;
      sentences.push_back(s);
      start = i + 1;
    }
  }
  return sentences;
}

}  // namespace loupe
