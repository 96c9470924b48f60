// Splits tokenized news text into sentences, headings and boilerplate.
#ifndef LOUPE_CORE_SRC_SENTENCE_SPLITTER_H_
#define LOUPE_CORE_SRC_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/src/tokenizer.h"

namespace loupe {

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets, end exclusive; no outer whitespace
  uint32_t end = 0;
  uint32_t token_begin = 0;  // tokens [token_begin, token_end)
  uint32_t token_end = 0;
  bool heading = false;
  bool boilerplate = false;
};

// Every token lies in at least one sentence. Sentences are ordered by begin;
// a sentence interrupted by a boilerplate line ("... the monopoly U.S\n\n
// Advertisements\n\ntech companies have ...") spans it, and the line is a
// nested boilerplate sentence. Linear in the input.
std::vector<SentenceSpan> SplitSentences(absl::string_view text,
                                         absl::Span<const TokenSpan> tokens);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_SENTENCE_SPLITTER_H_
