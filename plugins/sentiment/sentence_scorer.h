// Rule-based valence of the tokens of one sentence: lexicon look-up, then
// negation, boosters and dampeners, direction words with figures and the
// quantities they move, comparisons of amounts, hedges, quotes and contrast.
#ifndef LOUPE_PLUGINS_SENTIMENT_SENTENCE_SCORER_H_
#define LOUPE_PLUGINS_SENTIMENT_SENTENCE_SCORER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "loupe/v1/document.pb.h"
#include "plugins/sentiment/lexicon.h"

namespace loupe {
namespace sentiment_internal {

// Values of the per-token `skipped` mask that SentenceScorer::Score reads.
enum TokenSkip : uint8_t {
  kScoreToken = 0,
  kSkipBoilerplate = 1,  // left out entirely
  kInsideName = 2,       // kept as a token, but its words carry no valence
                         // and modify nothing ("Great Wall", "Trust Bank")
};

// Flags of a token in TokenScores.
enum TokenFlag : uint16_t {
  kTokenClauseBreak = 1,  // ends a clause (";", "but", "while", ...; for
                          // entity targeting also a causal verb)
  kTokenVersus = 2,       // a competition verb (see kTagVersus)
  kTokenSays = 4,         // a reporting word (ModifierKind::kSays or
                          // kSpeaker)
  kTokenPer = 8,          // "according" (ModifierKind::kPer)
  kTokenThan = 16,        // "than" (ModifierKind::kThan); also a clause break
  kTokenCause = 32,       // a causal verb (ModifierKind::kCause); also a
                          // clause break
  kTokenSelf = 64,        // "its", "their", ... (ModifierKind::kSelf), and
                          // a company's own figure (kTagOwn: "sales")
  kTokenBecause = 128,    // "after", "because" (ModifierKind::kBecause);
                          // also a clause break
  kTokenSpeaker = 256,    // an outside expert's title (kSpeaker: "analyst")
  kTokenLink = 512,       // "at", "of", "with", "from": "analysts at X"
  kTokenTo = 1024,        // "to": "lost market share to X"
  kTokenLoss = 2048,      // a falling word with a negative valence ("lost",
                          // "fell"): a name after "to" in its clause gains
  kTokenContrast = 4096,  // "but", "however" (ModifierKind::kBut); also a
                          // clause break
  kTokenComma = 8192,     // ","
  kTokenAnd = 16384,      // "and", "or"
};

// Per-token results over one sentence, indexed from its first token.
struct TokenScores {
  // Valence after all rules; 0 for most tokens. The clause a contrast or a
  // concession plays down keeps its full valence here: that weighs clauses
  // against each other for the sentence's label, but does not make what a
  // clause says about its own names any smaller ("X rose, but Y fell": X's
  // rise is no smaller; the stress on Y's fall stays). For kTokenVersus
  // tokens it is the valence for the verb's subject.
  std::vector<float> valence;
  std::vector<uint16_t> flags;
  // Per word token (not punctuation, figures or inner words of a phrase):
  // the factor its valence would get from negation, hedges, quotes and
  // contrast; 0 for the other tokens. The learned model's word weights are
  // scaled by it; training reads it.
  std::vector<float> context;
};

struct SentenceScore {
  float sum = 0;       // signed sum of the token valences (+ emphasis)
  float positive = 0;  // sum of the positive ones
  float negative = 0;  // sum of the magnitudes of the negative ones
  float score = 0;     // NormalizeValence(sum), in [-1, 1]
  int polar_words = 0;    // tokens with a non-zero valence after the rules
  float strongest = 0;    // the largest |valence| among them
  int moves = 0;          // of them, direction words with a figure or a
                          // quantity ("up 8 %", "losses widened")
  int questions = 0;      // '?' tokens
  int exclamations = 0;   // '!' tokens
  float learned = 0;   // sum of the learned word weights times context
};

// The learned model's estimate for a scored sentence (see SentenceModel),
// clamped to [-1, 1]. With no model present: `score.score`.
float ModelScore(const SentenceModel& model, const SentenceScore& score);

// Maps a valence sum into (-1, 1) the way VADER does: x / sqrt(x^2 + 15).
float NormalizeValence(float sum);

// Not thread-safe (it keeps scratch buffers); cheap to create per plugin.
class SentenceScorer {
 public:
  // `lexicon` must outlive the scorer.
  explicit SentenceScorer(const SentimentLexicon* lexicon)
      : lexicon_(*lexicon) {}
  SentenceScorer(const SentenceScorer&) = delete;
  SentenceScorer& operator=(const SentenceScorer&) = delete;

  // Scores tokens [begin, end) of `doc` (end <= tokens_size()), leaving
  // out tokens t with skipped[t] == kSkipBoilerplate and reading no valence
  // from those with kInsideName (see TokenSkip), and fills `scores`
  // for the range. Time linear in end - begin.
  SentenceScore Score(const v1::Document& doc, uint32_t begin, uint32_t end,
                      const std::vector<uint8_t>& skipped, TokenScores* scores);

 private:
  // One token of the sentence being scored.
  struct Item {
    uint32_t token = 0;
    float valence = 0;  // lexicon valence, then the result of the rules
    // An amount as written ("8.7 million", "EUR13.1mn", "12 %"): its value
    // with the scale word applied (float: only compared by ratio), and a
    // hash of its unit ("eur", "$", "%"; 0 when none is written).
    // amount < 0: not an amount.
    float amount = -1;
    uint32_t unit = 0;
    float modifier_value = 0;
    ModifierKind modifier = ModifierKind::kNone;
    uint8_t tags = 0;
    bool figure = false;    // a number, or a % or currency sign
    bool boundary = false;  // a clause break
    bool comma = false;
    bool open_paren = false;
    bool consumed = false;  // an inner word of a matched phrase
    bool quoted = false;
    bool scare_quoted = false;  // inside quotes of at most three tokens
    bool be_form = false;       // is, was, were, ...
    bool by = false;
    // A direction word with a figure or a quantity: "rose 5 %", "losses
    // widened".
    bool move = false;
    // 'a' for "a" ("a few"), 't' for "at" and "very" ("at least").
    char quantity_head = '\0';
    bool comparator = false;  // "compared" (with/to), "versus", "against"
    bool word = false;     // a word (not punctuation, figure or inner word)
    float learned = 0;     // the learned model's weight for the word
    float context = 1.0f;  // negation, hedge, quote and contrast factors
    float contrast = 1.0f;  // the factors < 1 of contrast and concession
    uint16_t role = 0;      // kTokenAnd, kTokenTo or kTokenLink, else 0
  };

  // Fills items_ for the tokens; counts '!' and '?' into `result`.
  void Collect(const v1::Document& doc, uint32_t begin, uint32_t end,
               const std::vector<uint8_t>& skipped, SentenceScore* result);
  void ApplyRules();
  // "profit was EUR 9 million, compared with EUR 7 million": with no
  // direction word in the sentence, the order of two amounts of the same
  // unit tells the direction of the quantity before them.
  void ApplyComparison();
  void ApplyContrast();
  // The nearest item with `tag` before i (at most `before` items back) or,
  // when after > 0, after it (at most `after` items on), within the clause;
  // -1 if none. A direction word that opens a comma clause looks into the
  // clause before it: "profit was EUR 9 million, down from EUR 11 million".
  int FindQuantity(int i, uint8_t tag, int before, int after) const;
  bool MatchesPhrase(const v1::Document& doc, uint32_t next, uint32_t end,
                     const Phrase& phrase);

  const SentimentLexicon& lexicon_;
  std::vector<Item> items_;
  std::string word_;
  std::string next_word_;
  // Normalized words from token lookahead_begin_ on, lookahead_size_ of
  // them valid: MatchesPhrase's cache for the phrases of one head.
  std::vector<std::string> lookahead_;
  uint32_t lookahead_begin_ = UINT32_MAX;
  size_t lookahead_size_ = 0;
};

}  // namespace sentiment_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_SENTIMENT_SENTENCE_SCORER_H_
