// Entity-targeted valence: what one scored sentence says about each of the
// entity mentions in it.
#ifndef LOUPE_PLUGINS_SENTIMENT_MENTION_VALENCE_H_
#define LOUPE_PLUGINS_SENTIMENT_MENTION_VALENCE_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "plugins/sentiment/sentence_scorer.h"

namespace loupe {
namespace sentiment_internal {

// Tokens [begin, end) of a sentence, counted from its first token.
struct TokenSpan {
  uint32_t begin;
  uint32_t end;
};

// Splits a sentence's valences among its mentions:
//   * a sentiment word counts in full for the nearest mention in its clause
//     and kOtherMentionWeight for the other mentions of that clause
//     ("Acme fell 5 % as Globex rose": the clauses differ anyway; "Acme
//     praised Globex for its disastrous quarter": the nearest wins);
//   * a competition verb counts in full for every mention of its clause,
//     with its sign for the mentions before it (subjects) and the opposite
//     sign for those after it (objects): "X beat Y";
//   * the rest of the sentence counts kRestOfSentenceWeight;
//   * the nearest mention's share of a word fades with distance (down to
//     kMinNearestWeight): a word far away in a long clause is less surely
//     about that name;
//   * a speaker is not the topic: a mention followed within kSourceWindow
//     tokens by a reporting word ("X said", "X analysts warned") or
//     preceded by "according" keeps kSourceWeight of its valence, unless
//     the speaker speaks of itself ("X said its sales fell") or of its own
//     figures ("X said sales fell");
//   * a causal verb starts a new clause, and what it brings about does not
//     reach its subject even as the rest of the sentence ("X triggered a
//     sell-off in Y"); likewise across "after", "amid", "because": "X fell
//     after Y launched a rival";
//   * an acting verb with a valence of its own (a kCause word such as
//     "downgraded", "sued", "fined") opens the clause of its object, which
//     the valence befalls, not its subject: "X downgraded Y"; in the passive
//     ("Y was downgraded by X") it stays with its subject;
//   * the mentions of a clause that "than" opens get the opposite of the
//     clause before it ("X is cheaper than Y"), which is not theirs;
//   * the words of a mention itself never count ("Best Buy").
// Linear in the sentence length plus the number of mentions.
class MentionValence {
 public:
  static constexpr float kOtherMentionWeight = 0.3f;
  static constexpr float kRestOfSentenceWeight = 0.25f;
  static constexpr float kNearestDecay = 0.08f;  // per token of distance
  static constexpr float kMinNearestWeight = 0.4f;
  static constexpr float kSourceWeight = 0.0f;
  static constexpr uint32_t kSourceWindow = 3;
  // How far after a reporting word "its", "their", ... make the speaker the
  // topic as well.
  static constexpr uint32_t kSelfWindow = 4;

  // `scores`: a sentence's, as SentenceScorer::Score filled them.
  // `mentions`: sorted by begin, each with begin < end <= sentence length.
  // Writes one valence per mention into `valences`.
  void Compute(const TokenScores& scores, absl::Span<const TokenSpan> mentions,
               std::vector<float>* valences);

 private:
  // Whether token t is an acting verb that starts its object's clause.
  static bool OpensEffect(const TokenScores& scores, uint32_t t);

  // Whether a reporting word marks `mention` as a speaker (see above).
  bool IsSource(const TokenScores& scores, const TokenSpan& mention,
                uint32_t n) const;

  // Scratch space, reused.
  std::vector<uint32_t> clause_;        // per token: its clause's index
  std::vector<uint32_t> clause_begin_;  // per clause: first token; + end
  std::vector<size_t> group_;  // per mention: first mention with its begin
  std::vector<int32_t> in_mention_;  // per token: > 0 inside a mention
  std::vector<double> clause_sum_;   // per clause: plain valence outside names
  std::vector<double> nearest_sum_;  // per mention: valence nearest to it
  std::vector<double> nearest_raw_;  // the same without distance weights
  std::vector<double> versus_;       // prefix sums of competition verbs
};

}  // namespace sentiment_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_SENTIMENT_MENTION_VALENCE_H_
