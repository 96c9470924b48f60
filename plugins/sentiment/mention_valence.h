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
//     sign for those after it (objects): "X beat Y", fading with the
//     distance to the nearest such verb like a sentiment word's share;
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
//   * a mention in an aside between commas right after another mention
//     ("X, a rival of Y, fell") does not take the words after the aside as
//     the nearest mention before them: the mention the aside is about does;
//     and it shares only the aside's words as another mention of the
//     clause; the rest of the clause does not reach it (a list "X, Y, and
//     Z" is no aside);
//   * an outside expert's employer is never the topic, not even of "its" or
//     "sales" later on: "X analyst Jane Doe said", "analysts at X said";
//   * a mention right after "to" in a clause with a loss before it gets the
//     opposite of that loss in place of the rest of its clause: it is the
//     winner ("Y lost market share to X");
//   * "but" followed within kSubjectWindow tokens by a mention (its own
//     subject) parts the sentence: the clauses on either side do not reach
//     each other's mentions as the rest of the sentence, and the contrast's
//     weighting of the two sides does not apply ("X said sales rose 3 %,
//     but Y warned of a slump": the rise stays X's in full);
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
  // How many words may stand between a link word and the employer it
  // names: "analysts at the bank X".
  static constexpr uint32_t kEmployerGap = 2;
  // How far after "but" its own subject may start: "but its rival Y".
  static constexpr uint32_t kSubjectWindow = 3;
  // The longest aside between commas after a mention, in tokens.
  static constexpr uint32_t kAsideWindow = 8;

  // `scores`: a sentence's, as SentenceScorer::Score filled them.
  // `mentions`: sorted by begin, each with begin < end <= sentence length.
  // Writes one valence per mention into `valences`.
  void Compute(const TokenScores& scores, absl::Span<const TokenSpan> mentions,
               std::vector<float>* valences);

 private:
  // The share of a word or verb `distance` tokens from a mention (at least
  // kMinNearestWeight).
  static float Fade(uint32_t distance);

  // Whether token t is an acting verb that starts its object's clause.
  static bool OpensEffect(const TokenScores& scores, uint32_t t);

  // Whether `mention` names an outside expert's employer (see above).
  static bool IsEmployer(const TokenScores& scores, const TokenSpan& mention,
                         uint32_t n);

  // Fills aside_owner_ and aside_close_. Reads group_ and in_mention_.
  void FindAsides(const TokenScores& scores,
                  absl::Span<const TokenSpan> mentions, uint32_t n);

  // Whether a mention starts within kSubjectWindow tokens from `begin`, in
  // its clause. Reads in_mention_.
  bool HasSubject(const TokenScores& scores, uint32_t begin, uint32_t n) const;

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
  std::vector<uint32_t> last_versus_;  // [t]: the last one before t
  std::vector<uint32_t> next_versus_;  // [t]: the first one at or after t
  // Per mention that starts an aside's mention group ("X, a rival of Y,"):
  // the mention before the aside (X), else m; and the aside's closing
  // comma, else UINT32_MAX.
  std::vector<size_t> aside_owner_;
  std::vector<uint32_t> aside_close_;
  std::vector<uint32_t> aside_open_;  // and its opening comma
  std::vector<double> plain_;         // prefix sums of valence outside names
  std::vector<double> loss_;          // prefix sums of loss words
  std::vector<uint32_t> segment_;     // per clause: its part between "but"s
  std::vector<double> segment_sum_;   // per part: plain valence outside names
};

}  // namespace sentiment_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_SENTIMENT_MENTION_VALENCE_H_
