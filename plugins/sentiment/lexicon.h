// The word lists the sentiment plugin scores with: valences of words and
// phrases, their tags, and the modifier words (negators, boosters, ...).
#ifndef LOUPE_PLUGINS_SENTIMENT_LEXICON_H_
#define LOUPE_PLUGINS_SENTIMENT_LEXICON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace loupe {
namespace sentiment_internal {

// Tags of a lexicon term (a bit set); see data/finance_lexicon.tsv.
enum LexiconTag : uint8_t {
  kTagUp = 1,           // direction word: goes up
  kTagDown = 2,         // direction word: goes down
  kTagBadQuantity = 4,  // a quantity whose rise is bad news
  kTagVersus = 8,       // competition verb: subject gets v, object gets -v
};

enum class ModifierKind : uint8_t {
  kNone,
  kNegate,   // value: factor applied to the negated valence
  kBoost,    // value: added to the strength of a nearby valence
  kDampen,   // value: taken from that strength
  kBut,      // value: the clause before weighs 1 - value, after 1 + value
  kConcede,  // value: factor for the clause the word opens
  kHedge,    // value: factor for the rest of the clause
  kClause,   // a clause boundary for entity targeting only
};

// A multi-word term; its first word is the key it is filed under.
struct Phrase {
  std::vector<std::string> rest;  // the words after the first
  float valence = 0;
  uint8_t tags = 0;
};

struct LexiconEntry {
  bool has_valence = false;
  float valence = 0;
  uint8_t tags = 0;
  ModifierKind modifier = ModifierKind::kNone;
  float modifier_value = 0;
  // Phrases starting with this word, longest first: [begin, begin + count)
  // of the lexicon's phrase list.
  uint32_t phrase_begin = 0;
  uint32_t phrase_count = 0;
};

// Immutable after construction; safe to share between threads.
class SentimentLexicon {
 public:
  // Builds a lexicon from tab-separated files (formats in data/*.tsv):
  // `base` ("word<TAB>valence", VADER's), then `overrides`
  // ("term<TAB>valence[<TAB>tags]", later entries win), then `modifiers`
  // ("word<TAB>kind<TAB>value"). Lines starting with '#' and empty lines are
  // ignored. Errors name the file and line.
  static absl::StatusOr<SentimentLexicon> Create(absl::string_view base,
                                                 absl::string_view overrides,
                                                 absl::string_view modifiers);

  // The lexicon compiled into the binary (data/), parsed on first use.
  static const absl::StatusOr<SentimentLexicon>& Embedded();

  // Looks up a word already normalized by NormalizeLexiconWord; nullptr if
  // unknown.
  const LexiconEntry* Find(absl::string_view word) const {
    auto it = entries_.find(word);
    return it == entries_.end() ? nullptr : &it->second;
  }

  absl::Span<const Phrase> PhrasesOf(const LexiconEntry& entry) const {
    return absl::MakeConstSpan(phrases_).subspan(entry.phrase_begin,
                                                 entry.phrase_count);
  }

  size_t size() const { return entries_.size(); }

 private:
  SentimentLexicon() = default;

  absl::flat_hash_map<std::string, LexiconEntry> entries_;
  std::vector<Phrase> phrases_;
};

// Writes `word` lower-cased (ASCII letters) into `out`, with typographic
// apostrophes (U+2018, U+2019) replaced by "'". Reuses `out`'s storage.
void NormalizeLexiconWord(absl::string_view word, std::string* out);

}  // namespace sentiment_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_SENTIMENT_LEXICON_H_
