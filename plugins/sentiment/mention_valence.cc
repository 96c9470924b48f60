#include "plugins/sentiment/mention_valence.h"

#include <algorithm>

namespace loupe {
namespace sentiment_internal {

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
    clause_[t] = clause;
    if ((scores.flags[t] & kTokenClauseBreak) && t + 1 < n) {
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
    }
    if (best < m) nearest_sum_[best] += v;
  }

  for (size_t k = 0; k < m; ++k) {
    const uint32_t end = std::clamp<uint32_t>(mentions[k].end, 1, n);
    const uint32_t begin = std::min(mentions[k].begin, end - 1);
    const uint32_t c = clause_[begin];
    const double nearest = nearest_sum_[group_[k]];
    double valence = nearest + kOtherMentionWeight * (clause_sum_[c] - nearest);
    // Competition verbs of the clause: subject before, object after.
    const uint32_t clause_begin = clause_begin_[c];
    const uint32_t clause_end =
        std::max(clause_begin_[clause_[end - 1] + 1], end);
    valence += (versus_[clause_end] - versus_[end]) -
               (versus_[begin] - versus_[clause_begin]);
    valence += kRestOfSentenceWeight * (sentence_sum - clause_sum_[c]);
    (*valences)[k] = static_cast<float>(valence);
  }
}

}  // namespace sentiment_internal
}  // namespace loupe
