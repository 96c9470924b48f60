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

// Every token lies in at least one sentence, except bullet markers ("- ",
// "* ", "• ") that open a line: those lie in none. Sentences are ordered by
// begin (an outer sentence before the sentences nested in it); a sentence
// interrupted by a boilerplate line ("... the monopoly U.S\n\n
// Advertisements\n\ntech companies have ...") spans it, and the line is a
// nested boilerplate sentence.
//
// Boundaries: a terminator (. ! ? … 。, with closing quotes and brackets
// after it) before a sentence start (not a lowercase letter); after "U.S.",
// "Inc." and other kMayEnd abbreviations only before a sentence-opening word;
// never after titles and "e.g."; before a glued token that is not lowercase;
// at a line break unless the next line starts lowercase (across an empty
// line or boilerplate only when the paragraph lacks final punctuation).
// Headings: a whole line without final punctuation of at most 20 tokens that
// is the first line, ends with ':', has at most 8 tokens or is title-cased.
// Boilerplate: lines listed in boilerplate.h, punctuation-only sentences,
// short watermark lines inside a sentence, and every line from a navigation
// heading in the second half of the text on. Linear in the input.
std::vector<SentenceSpan> SplitSentences(absl::string_view text,
                                         absl::Span<const TokenSpan> tokens);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_SENTENCE_SPLITTER_H_
