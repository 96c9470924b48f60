#include "plugins/sentiment/mention_valence.h"

#include <algorithm>

namespace loupe {
namespace sentiment_internal {

bool MentionValence::OpensEffect(const TokenScores& scores, uint32_t t) {
  return (scores.flags[t] & kTokenCause) && scores.valence[t] != 0;
}

bool MentionValence::IsSource(const TokenScores& scores,
                              const TokenSpan& mention, uint32_t n) const {
  const uint32_t end = std::min(mention.end, n);
  for (uint32_t t = end; t < n && t < end + kSourceWindow; ++t) {
    if (scores.flags[t] & kTokenSays) {
      // "X said its sales fell": the speaker is the topic too.
      for (uint32_t u = t + 1; u < n && u <= t + kSelfWindow; ++u) {
        if (scores.flags[u] & kTokenSelf) return false;
        if (scores.flags[u] & kTokenClauseBreak) break;
      }
      return true;
    }
    if (scores.flags[t] & kTokenClauseBreak) break;
  }
  const uint32_t begin = std::min(mention.begin, end);
  for (uint32_t d = 1; d <= kSourceWindow && d <= begin; ++d) {
    if (scores.flags[begin - d] & kTokenPer) return true;
  }
  return false;
}

void MentionValence::Compute(const TokenScores& scores,
                             absl::Span<const TokenSpan> mentions,
                             std::vector<float>* valences) {
  const uint32_t n = static_cast<uint32_t>(scores.valence.size());
  const size_t m = mentions.size();
  valences->assign(m, 0.0f);
  if (n == 0 || m == 0) return;

  clause_.resize(n);
  in_mention_.assign(n + 1, 0);
  versus_.assign(n + 1, 0.0);
  clause_begin_.assign(1, 0);
  uint32_t clause = 0;
  for (uint32_t t = 0; t < n; ++t) {
    // An acting verb opens its object's clause: "X downgraded Y".
    const bool opens = OpensEffect(scores, t);
    if (opens && t > clause_begin_.back()) {
      ++clause;
      clause_begin_.push_back(t);
    }
    clause_[t] = clause;
    if (!opens && (scores.flags[t] & kTokenClauseBreak) && t + 1 < n) {
      ++clause;
      clause_begin_.push_back(t + 1);
    }
  }
  clause_begin_.push_back(n);  // the end of the last clause
  // Mentions sharing a start share the first one's nearest words.
  group_.resize(m);
  for (size_t k = 0; k < m; ++k) {
    group_[k] =
        k > 0 && mentions[k - 1].begin == mentions[k].begin ? group_[k - 1] : k;
  }
  for (const TokenSpan& mention : mentions) {
    const uint32_t end = std::min(mention.end, n);
    const uint32_t begin = std::min(mention.begin, end);
    ++in_mention_[begin];
    --in_mention_[end];
  }
  for (uint32_t t = 1; t <= n; ++t) in_mention_[t] += in_mention_[t - 1];

  clause_sum_.assign(clause + 1, 0.0);
  nearest_sum_.assign(m, 0.0);
  nearest_raw_.assign(m, 0.0);
  double sentence_sum = 0;
  size_t next = 0;  // first mention with begin > t
  for (uint32_t t = 0; t < n; ++t) {
    while (next < m && mentions[next].begin <= t) ++next;
    const float v = scores.valence[t];
    const bool is_versus = scores.flags[t] & kTokenVersus;
    versus_[t + 1] = versus_[t] + (is_versus ? v : 0.0f);
    if (v == 0 || is_versus || in_mention_[t] > 0) continue;
    sentence_sum += v;
    clause_sum_[clause_[t]] += v;
    // The nearest mention in the same clause: the closest one starting at
    // or before t, or the first one after it.
    size_t best = m;
    uint32_t best_distance = UINT32_MAX;
    if (next > 0) {
      // Among mentions starting at or before t, the one that starts last
      // (mentions sharing a start share the credit through `best`).
      const size_t before = group_[next - 1];
      const uint32_t last = std::min(mentions[before].end, n) - 1;
      if (clause_[std::min(last, n - 1)] == clause_[t]) {
        best = before;
        best_distance = t > last ? t - last : 0;
      }
    }
    if (next < m && mentions[next].begin < n &&
        clause_[mentions[next].begin] == clause_[t] &&
        mentions[next].begin - t < best_distance) {
      best = next;
      best_distance = mentions[next].begin - t;
    }
    if (best < m) {
      const float fade = std::max(
          kMinNearestWeight,
          1.0f - kNearestDecay * static_cast<float>(
                                     std::max<uint32_t>(best_distance, 1) - 1));
      nearest_sum_[best] += fade * v;
      nearest_raw_[best] += v;
    }
  }

  for (size_t k = 0; k < m; ++k) {
    const uint32_t end = std::clamp<uint32_t>(mentions[k].end, 1, n);
    const uint32_t begin = std::min(mentions[k].begin, end - 1);
    const uint32_t c = clause_[begin];
    double nearest = nearest_sum_[group_[k]];
    const double raw = nearest_raw_[group_[k]];
    double valence = nearest + kOtherMentionWeight * (clause_sum_[c] - raw);
    // The second term of a comparison: "X is cheaper than Y".
    const uint32_t clause_begin = clause_begin_[c];
    if (c > 0 && (scores.flags[clause_begin - 1] & kTokenThan)) {
      valence -= clause_sum_[c - 1];
    }
    // Competition verbs of the clause: subject before, object after.
    const uint32_t clause_end =
        std::max(clause_begin_[clause_[end - 1] + 1], end);
    valence += (versus_[clause_end] - versus_[end]) -
               (versus_[begin] - versus_[clause_begin]);
    // What a causal verb right after this clause brings about befalls
    // someone else: "X triggered a sell-off in Y".
    double rest = sentence_sum - clause_sum_[c];
    const uint32_t next_clause = clause_[end - 1] + 1;
    if (next_clause <= clause &&
        ((scores.flags[clause_begin_[next_clause] - 1] &
          (kTokenCause | kTokenBecause)) ||
         OpensEffect(scores, clause_begin_[next_clause]))) {
      rest -= clause_sum_[next_clause];
    }
    // Nor does a cause share its effect, or an effect its cause: "X fell
    // after Y launched a rival" (Y's clause and X's stay apart).
    if (c > 0 && (scores.flags[clause_begin - 1] & kTokenBecause)) {
      rest -= clause_sum_[c - 1];
    }
    valence += kRestOfSentenceWeight * rest;
    if (IsSource(scores, mentions[k], n)) valence *= kSourceWeight;
    (*valences)[k] = static_cast<float>(valence);
  }
}

}  // namespace sentiment_internal
}  // namespace loupe
