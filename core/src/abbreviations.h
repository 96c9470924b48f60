// Abbreviations that keep their final period, shared by the tokenizer (which
// attaches the period) and the sentence splitter (which decides whether the
// period also ends a sentence).
#ifndef LOUPE_CORE_SRC_ABBREVIATIONS_H_
#define LOUPE_CORE_SRC_ABBREVIATIONS_H_

#include "absl/strings/string_view.h"

namespace loupe {

enum class AbbreviationKind {
  kNone,
  // Never ends a sentence: titles before names ("Mr.", "Dr.", "Sen."),
  // "e.g.", "i.e.", "vs.", "No." before a number, "Fig.".
  kNonFinal,
  // Ends a sentence only before a clear sentence start: "U.S.", "Inc.",
  // "Corp.", "Ltd.", "Jr.", "etc.", month names, single initials "J.".
  kMayEnd,
};

// Kind of `word`, a token WITHOUT its final period ("Mr", "U.S", "e.g").
// Dotted single letters ("U.S", "U.S.A", "e.g", "a.m") and single capital
// letters (initials) are abbreviations by shape; other words come from a
// fixed table and match case-sensitively.
AbbreviationKind LookupAbbreviation(absl::string_view word);

// True if `word` is a capitalized function word that typically opens a
// sentence ("The", "This", "It", "But", "In"): after a kMayEnd abbreviation
// such a word confirms a sentence boundary.
bool IsSentenceOpeningWord(absl::string_view word);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_ABBREVIATIONS_H_
