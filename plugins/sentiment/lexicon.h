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
  // A quantity whose rise is good news (sales, profit, guidance): a
  // direction word acting on it is news in full, figure or not.
  kTagGoodQuantity = 16,
  // A superlative of size ("largest", "record"): like a figure, it makes a
  // nearby direction word news in full.
  kTagDegree = 32,
  // A company's own figure (sales, profit, orders): after a reporting word
  // it makes the speaker the topic, like "its" ("X said sales rose").
  kTagOwn = 64,
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
  kShift,    // value: factor for sentiment words it acts on ("reduce risk")
  // Entity targeting only (no effect on valences):
  kCause,    // a causal verb: what follows is its effect on someone else, not
             // the state of its subject ("X triggered a sell-off in Y")
  kSays,     // a reporting word: a name just before it is the speaker
             // ("X said", "X spokesman"), not the topic
  kSpeaker,  // an outside expert's title ("analyst", "economist"): like
             // kSays, and a name just before it ("X analyst Jane Doe") or
             // linked to it ("analysts at X") is the expert's employer,
             // never the topic, even of "its" or "sales" later on
  kPer,      // a name just after it is the speaker ("according to X")
  kBecause,  // a clause boundary between an effect and its cause ("after",
             // "because"): neither side's mentions get the other's valence
             // as the rest of the sentence
  kSelf,     // "its", "their", "we", ...: after a reporting word, the
             // speaker talks about itself ("X said its sales fell")
  kThan,     // a comparison: names after it get the opposite of what the
             // clause before says ("X is cheaper than Y")
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
  // Set by finance_lexicon.tsv or modifiers.tsv: hand-curated for news, so
  // the learned sentence model leaves the word alone.
  bool curated = false;
  // The learned sentence model's weight for the word (see SentenceModel).
  float learned = 0;
};

// A linear model over a sentence's rule-based features, trained on human
// ratings (data/sentence_model.tsv, written by loupe_train_sentiment). Its
// output estimates the raters' mean on their -4 .. 4 scale divided by 4:
//   bias + compound * NormalizeValence(sum) + positive * P + negative * N
//   + question * [a '?'] + exclaim * min('!' count, 4)
//   + sum over words of LexiconEntry::learned * the word's context factor
// (negation, hedge, quote and contrast factors, as for lexicon valences).
struct SentenceModel {
  bool present = false;
  float bias = 0;
  float compound = 0;
  float positive = 0;
  float negative = 0;
  float question = 0;
  float exclaim = 0;
};

// Immutable after construction; safe to share between threads.
class SentimentLexicon {
 public:
  // Builds a lexicon from tab-separated files (formats in data/*.tsv):
  // `base` ("word<TAB>valence", VADER's), then `overrides`
  // ("term<TAB>valence[<TAB>tags]", later entries win), then `modifiers`
  // ("word<TAB>kind<TAB>value"), then the optional sentence `model`
  // ("@feature<TAB>weight" for SentenceModel's fields, "word<TAB>weight"
  // for learned word weights). Lines starting with '#' and empty lines are
  // ignored. Errors name the file and line.
  static absl::StatusOr<SentimentLexicon> Create(absl::string_view base,
                                                 absl::string_view overrides,
                                                 absl::string_view modifiers,
                                                 absl::string_view model = "");

  // The lexicon compiled into the binary (data/), parsed on first use, with
  // the learned sentence model.
  static const absl::StatusOr<SentimentLexicon>& Embedded();

  // The same word lists without the sentence model; for training it.
  static absl::StatusOr<SentimentLexicon> EmbeddedWithoutModel();

  const SentenceModel& model() const { return model_; }

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
  SentenceModel model_;
};

// Writes `word` lower-cased (ASCII letters) into `out`, with typographic
// apostrophes (U+2018, U+2019) replaced by "'". Reuses `out`'s storage.
void NormalizeLexiconWord(absl::string_view word, std::string* out);

}  // namespace sentiment_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_SENTIMENT_LEXICON_H_
