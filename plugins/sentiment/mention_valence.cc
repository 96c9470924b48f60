#include "plugins/sentiment/mention_valence.h"

#include <algorithm>

namespace loupe {
namespace sentiment_internal {

bool MentionValence::OpensEffect(const TokenScores& scores, uint32_t t) {
  return (scores.flags[t] & kTokenCause) && scores.valence[t] != 0;
}

float MentionValence::Fade(uint32_t distance) {
  return std::max(
      kMinNearestWeight,
      1.0f - kNearestDecay *
                 static_cast<float>(std::max<uint32_t>(distance, 1) - 1));
}

bool MentionValence::IsEmployer(const TokenScores& scores,
                                const TokenSpan& mention, uint32_t n) {
  const uint32_t end = std::min(mention.end, n);
  // "X analyst Jane Doe", "X's chief economist".
  for (uint32_t t = end; t < n && t < end + kSourceWindow; ++t) {
    if (scores.flags[t] & kTokenSpeaker) return true;
    if (scores.flags[t] & (kTokenClauseBreak | kTokenSays)) break;
  }
  // "analysts at X", "an economist with X", "strategists at the bank X":
  // a link word, then at most kEmployerGap other words up to the name.
  const uint32_t begin = std::min(mention.begin, end);
  for (uint32_t d = 1; d <= kEmployerGap + 1 && d < begin; ++d) {
    const uint16_t flags = scores.flags[begin - d];
    if (flags & kTokenClauseBreak) break;
    if (flags & kTokenLink) {
      return (scores.flags[begin - d - 1] & kTokenSpeaker) != 0;
    }
  }
  return false;
}

bool MentionValence::IsSource(const TokenScores& scores,
                              const TokenSpan& mention, uint32_t n) const {
  if (IsEmployer(scores, mention, n)) return true;
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

bool MentionValence::HasSubject(const TokenScores& scores, uint32_t begin,
                                uint32_t n) const {
  for (uint32_t t = begin; t < n && t < begin + kSubjectWindow; ++t) {
    if (in_mention_[t] > 0) return true;
    if (scores.flags[t] & kTokenClauseBreak) break;
  }
  return false;
}

void MentionValence::FindAsides(const TokenScores& scores,
                                absl::Span<const TokenSpan> mentions,
                                uint32_t n) {
  const size_t m = mentions.size();
  aside_owner_.assign(m, m);
  aside_close_.assign(m, UINT32_MAX);
  aside_open_.assign(m, 0);
  for (size_t k = 0; k < m; ++k) {
    if (group_[k] != k) continue;
    const uint32_t comma = std::min(mentions[k].end, n);
    if (comma >= n || !(scores.flags[comma] & kTokenComma)) continue;
    uint32_t close = UINT32_MAX;
    for (uint32_t u = comma + 1; u < n && u <= comma + kAsideWindow; ++u) {
      if (scores.flags[u] & kTokenClauseBreak) break;
      if ((scores.flags[u] & kTokenComma) && in_mention_[u] == 0) {
        close = u;
        break;
      }
    }
    // "A, B, and C" and "A, B, C" are lists, not asides.
    if (close == UINT32_MAX ||
        (close + 1 < n &&
         ((scores.flags[close + 1] & kTokenAnd) || in_mention_[close + 1]))) {
      continue;
    }
    for (size_t j = k + 1; j < m && mentions[j].begin < close; ++j) {
      if (mentions[j].begin <= comma || group_[j] != j) continue;
      aside_owner_[j] = k;
      aside_close_[j] = close;
      aside_open_[j] = comma;
    }
  }
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
  last_versus_.assign(n + 1, UINT32_MAX);
  next_versus_.assign(n + 1, UINT32_MAX);
  loss_.assign(n + 1, 0.0);
  plain_.assign(n + 1, 0.0);
  clause_begin_.assign(1, 0);
  segment_.assign(1, 0);
  for (const TokenSpan& mention : mentions) {
    const uint32_t end = std::min(mention.end, n);
    const uint32_t begin = std::min(mention.begin, end);
    ++in_mention_[begin];
    --in_mention_[end];
  }
  for (uint32_t t = 1; t <= n; ++t) in_mention_[t] += in_mention_[t - 1];
  uint32_t clause = 0;
  for (uint32_t t = 0; t < n; ++t) {
    // An acting verb opens its object's clause: "X downgraded Y".
    const bool opens = OpensEffect(scores, t);
    if (opens && t > clause_begin_.back()) {
      ++clause;
      clause_begin_.push_back(t);
      segment_.push_back(segment_.back());
    }
    clause_[t] = clause;
    if (!opens && (scores.flags[t] & kTokenClauseBreak) && t + 1 < n) {
      ++clause;
      clause_begin_.push_back(t + 1);
      // "but" with a subject of its own parts the sentence: the clauses on
      // either side are not each other's rest of the sentence ("X rose, but
      // Y fell"; not "X rose early but closed lower").
      const bool parts =
          (scores.flags[t] & kTokenContrast) && HasSubject(scores, t + 1, n);
      segment_.push_back(segment_.back() + (parts ? 1 : 0));
    }
  }
  clause_begin_.push_back(n);  // the end of the last clause
  // Mentions sharing a start share the first one's nearest words.
  group_.resize(m);
  for (size_t k = 0; k < m; ++k) {
    group_[k] =
        k > 0 && mentions[k - 1].begin == mentions[k].begin ? group_[k - 1] : k;
  }

  for (uint32_t t = n; t-- > 0;) {
    next_versus_[t] =
        (scores.flags[t] & kTokenVersus) ? t : next_versus_[t + 1];
  }
  FindAsides(scores, mentions, n);
  clause_sum_.assign(clause + 1, 0.0);
  segment_sum_.assign(segment_.back() + 1, 0.0);
  nearest_sum_.assign(m, 0.0);
  nearest_raw_.assign(m, 0.0);
  size_t next = 0;  // first mention with begin > t
  for (uint32_t t = 0; t < n; ++t) {
    while (next < m && mentions[next].begin <= t) ++next;
    const float v = scores.valence[t];
    const bool is_versus = scores.flags[t] & kTokenVersus;
    versus_[t + 1] = versus_[t] + (is_versus ? v : 0.0f);
    last_versus_[t + 1] = is_versus ? t : last_versus_[t];
    const bool loss = (scores.flags[t] & kTokenLoss) && in_mention_[t] == 0;
    loss_[t + 1] = loss_[t] + (loss ? v : 0.0f);
    const bool plain = v != 0 && !is_versus && in_mention_[t] == 0;
    plain_[t + 1] = plain_[t] + (plain ? v : 0.0f);
    if (!plain) continue;
    clause_sum_[clause_[t]] += v;
    segment_sum_[segment_[clause_[t]]] += v;
    // The nearest mention in the same clause: the closest one starting at
    // or before t, or the first one after it.
    size_t best = m;
    uint32_t best_distance = UINT32_MAX;
    if (next > 0) {
      // Among mentions starting at or before t, the one that starts last
      // (mentions sharing a start share the credit through `best`).
      size_t before = group_[next - 1];
      uint32_t last = std::min(mentions[before].end, n) - 1;
      // After an aside, the name it is about: "X, a rival of Y, fell".
      if (aside_close_[before] < t) {
        last = aside_close_[before];
        before = aside_owner_[before];
      }
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
      const float fade = Fade(best_distance);
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
    const uint32_t clause_begin = clause_begin_[c];
    // A mention in an aside shares only the aside's words as the other
    // mentions of a clause do; the rest of its clause is about the mention
    // the aside describes.
    const uint32_t close = aside_close_[group_[k]];
    double own = clause_sum_[c];
    if (close != UINT32_MAX) {
      own = plain_[close] - plain_[aside_open_[group_[k]] + 1];
    }
    double valence = nearest + kOtherMentionWeight * (own - raw);
    // The winner a loss goes to: "Y lost market share to X".
    const double loss = loss_[begin] - loss_[clause_begin];
    if (begin > clause_begin && (scores.flags[begin - 1] & kTokenTo) &&
        loss < 0) {
      valence = -loss;
    }
    // The second term of a comparison: "X is cheaper than Y".
    if (c > 0 && (scores.flags[clause_begin - 1] & kTokenThan)) {
      valence -= clause_sum_[c - 1];
    }
    // Competition verbs of the clause: subject before, object after.
    const uint32_t clause_end =
        std::max(clause_begin_[clause_[end - 1] + 1], end);
    // Each side fades with the distance to the nearest such verb, as a
    // sentiment word does: "X beat rivals such as A, B and Y".
    const uint32_t after = next_versus_[end];
    const uint32_t before = last_versus_[begin];
    const float as_subject = Fade(after < clause_end ? after - end + 1 : 1);
    const float as_object = Fade(
        before != UINT32_MAX && before >= clause_begin ? begin - before : 1);
    valence += as_subject * (versus_[clause_end] - versus_[end]) -
               as_object * (versus_[begin] - versus_[clause_begin]);
    // What a causal verb right after this clause brings about befalls
    // someone else: "X triggered a sell-off in Y".
    const uint32_t segment = segment_[c];
    double rest = segment_sum_[segment] - clause_sum_[c];
    const uint32_t next_clause = clause_[end - 1] + 1;
    if (next_clause <= clause && segment_[next_clause] == segment &&
        ((scores.flags[clause_begin_[next_clause] - 1] &
          (kTokenCause | kTokenBecause)) ||
         OpensEffect(scores, clause_begin_[next_clause]))) {
      rest -= clause_sum_[next_clause];
    }
    // Nor does a cause share its effect, or an effect its cause: "X fell
    // after Y launched a rival" (Y's clause and X's stay apart).
    if (c > 0 && (scores.flags[clause_begin - 1] & kTokenBecause) &&
        segment_[c - 1] == segment) {
      rest -= clause_sum_[c - 1];
    }
    valence += kRestOfSentenceWeight * rest;
    if (IsSource(scores, mentions[k], n)) valence *= kSourceWeight;
    (*valences)[k] = static_cast<float>(valence);
  }
}

}  // namespace sentiment_internal
}  // namespace loupe
