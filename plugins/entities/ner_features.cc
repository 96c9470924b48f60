#include "plugins/entities/ner_features.h"

#include <algorithm>

namespace loupe {
namespace entities_internal {
namespace {

// Template ids. Values are part of the model format: append, never reuse.
enum Template : uint32_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,        // + length 1..4
  kSuffix = kPrefix + 4,
  kLowerPrev = kSuffix + 4,
  kLowerNext,
  kLowerPrev2,
  kLowerNext2,
  kShortShapePrev,
  kShortShapeNext,
  kShapePairPrev,
  kShapePairNext,
  kBigramPrev,
  kBigramNext,
  kPositionShape,
  kLineShape,
  kFlags,
  kFlagsPrev,
  kFlagsNext,
  kGazetteer,
  kGazetteerPrev,
  kGazetteerNext,
  kGazetteerShape,
  kSeenLower,
  kSeenCapitalized,
  kLength,
  kLowerPrevShape,
  kShapeLowerNext,
  kHistory,
  // Version 2: word clusters.
  kCluster,
  kClusterShape,
  kClusterPrev,
  kClusterNext,
  kClusterPair,
};

enum Flag : uint32_t {
  kGivenName = 1,
  kFamilyName = 2,
  kPersonTitle = 4,
  kOrgSuffix = 8,
  kOrgHead = 16,
  kNotName = 32,
};

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Appends the shape of `word`: X, x, d for upper, lower, digit; other ASCII
// as itself; u for any non-ASCII character. `max_run` caps runs of a class.
void AppendShape(absl::string_view word, int max_run, std::string* out) {
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    char cls;
    if (c >= 'A' && c <= 'Z') {
      cls = 'X';
    } else if (c >= 'a' && c <= 'z') {
      cls = 'x';
    } else if (c >= '0' && c <= '9') {
      cls = 'd';
    } else if (c >= 0x80) {
      cls = 'u';
    } else {
      cls = static_cast<char>(c);
    }
    run = cls == last ? run + 1 : 1;
    last = cls;
    if (run <= max_run) out->push_back(cls);
  }
}

}  // namespace

uint64_t NerHash(absl::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return Mix(h ^ bytes.size());
}

uint32_t NerFeatureKey(uint32_t template_id, uint64_t a, uint64_t b) {
  const uint64_t h = Mix(Mix(a + 0x9e3779b97f4a7c15ULL * template_id) ^ b);
  return static_cast<uint32_t>(h >> 32);
}

uint32_t NerHistoryKey(int ner_class) {
  return NerFeatureKey(kHistory, static_cast<uint64_t>(ner_class));
}

void NerFeatures::Extract(const TokenView& tokens, const Lexicon& lexicon,
                          const std::vector<Mention>& gazetteer_mentions) {
  const size_t n = tokens.size();
  hashes_.assign(n, TokenHashes());
  keys_.clear();
  keys_.reserve(n * 40);
  offsets_.assign(1, 0);
  sentence_starts_.clear();
  history_word_.assign(n, 0);
  seen_lower_.clear();
  seen_capitalized_.clear();

  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& t = tokens[i];
    TokenHashes& h = hashes_[i];
    const absl::string_view surface = tokens.Surface(i);
    const absl::string_view lower = tokens.Lower(i);
    h.word = NerHash(surface);
    h.lower = NerHash(lower);
    shape_.clear();
    AppendShape(surface, 4, &shape_);
    h.shape = NerHash(shape_);
    shape_.clear();
    AppendShape(surface, 1, &shape_);
    h.short_shape = NerHash(shape_);
    for (size_t k = 0; k < 4 && k < lower.size(); ++k) {
      h.prefix[k] = NerHash(lower.substr(0, k + 1));
      h.suffix[k] = NerHash(lower.substr(lower.size() - k - 1));
    }
    h.length = static_cast<uint32_t>(std::min<size_t>(surface.size(), 12));
    form_.clear();
    AppendClusterForm(surface, &form_);
    const WordCluster cluster = lexicon.clusters.Find(NerHash(form_));
    h.cluster = cluster.fine;
    h.coarse_cluster = cluster.coarse;
    if (t.kind == v1::Token::WORD) {
      if (lexicon.given_names.Contains(lower)) h.flags |= kGivenName;
      if (lexicon.family_names.Contains(lower)) h.flags |= kFamilyName;
      if (lexicon.person_titles.Contains(lower)) h.flags |= kPersonTitle;
      if (lexicon.org_suffixes.Contains(lower)) h.flags |= kOrgSuffix;
      if (lexicon.org_heads.Contains(lower)) h.flags |= kOrgHead;
      if (lexicon.not_names.Contains(lower)) h.flags |= kNotName;
      if (t.has_alpha && !t.has_upper) seen_lower_.insert(h.lower);
      if (t.upper_initial && !t.sentence_start && !t.title_line &&
          !t.all_caps()) {
        seen_capitalized_.insert(h.lower);
      }
      if (t.has_upper) history_word_[i] = h.lower;
    }
    if (i == 0 || t.sentence_start) {
      sentence_starts_.push_back(static_cast<uint32_t>(i));
    }
  }
  for (const Mention& m : gazetteer_mentions) {
    for (uint32_t k = m.token_begin; k < m.token_end && k < n; ++k) {
      hashes_[k].gazetteer =
          1 + 2 * static_cast<uint32_t>(m.type) + (k > m.token_begin ? 1 : 0);
    }
  }

  static const uint64_t kBos = NerHash("<s>");
  static const uint64_t kEos = NerHash("</s>");
  static const TokenHashes kBosHashes = [] {
    TokenHashes h;
    h.word = h.lower = h.shape = h.short_shape = kBos;
    h.cluster = h.coarse_cluster = 0xFFFF;
    h.flags = 1u << 30;
    h.gazetteer = 1u << 30;
    return h;
  }();
  static const TokenHashes kEosHashes = [] {
    TokenHashes h;
    h.word = h.lower = h.shape = h.short_shape = kEos;
    h.cluster = h.coarse_cluster = 0xFFFE;
    h.flags = 1u << 31;
    h.gazetteer = 1u << 31;
    return h;
  }();

  size_t sentence = 0;
  for (size_t i = 0; i < n; ++i) {
    while (sentence + 1 < sentence_starts_.size() &&
           sentence_starts_[sentence + 1] <= i) {
      ++sentence;
    }
    const size_t begin = sentence_starts_[sentence];
    const size_t end = sentence + 1 < sentence_starts_.size()
                           ? sentence_starts_[sentence + 1]
                           : n;
    auto at = [&](ptrdiff_t k) -> const TokenHashes& {
      const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
      if (j < static_cast<ptrdiff_t>(begin)) return kBosHashes;
      if (j >= static_cast<ptrdiff_t>(end)) return kEosHashes;
      return hashes_[j];
    };
    const TokenInfo& t = tokens[i];
    const TokenHashes& h = hashes_[i];
    const TokenHashes& p = at(-1);
    const TokenHashes& q = at(1);
    auto add = [this](uint32_t key) { keys_.push_back(key); };
    add(NerFeatureKey(kBias, 0));
    add(NerFeatureKey(kWord, h.word));
    add(NerFeatureKey(kLower, h.lower));
    add(NerFeatureKey(kShape, h.shape));
    add(NerFeatureKey(kShortShape, h.short_shape));
    for (uint32_t k = 0; k < 4; ++k) {
      if (h.prefix[k] == 0) break;
      add(NerFeatureKey(kPrefix + k, h.prefix[k]));
      add(NerFeatureKey(kSuffix + k, h.suffix[k]));
    }
    add(NerFeatureKey(kLowerPrev, p.lower));
    add(NerFeatureKey(kLowerNext, q.lower));
    add(NerFeatureKey(kLowerPrev2, at(-2).lower));
    add(NerFeatureKey(kLowerNext2, at(2).lower));
    add(NerFeatureKey(kShortShapePrev, p.short_shape));
    add(NerFeatureKey(kShortShapeNext, q.short_shape));
    add(NerFeatureKey(kShapePairPrev, p.short_shape, h.short_shape));
    add(NerFeatureKey(kShapePairNext, h.short_shape, q.short_shape));
    add(NerFeatureKey(kBigramPrev, p.lower, h.lower));
    add(NerFeatureKey(kBigramNext, h.lower, q.lower));
    add(NerFeatureKey(kPositionShape, std::min<size_t>(i - begin, 3),
                      h.short_shape));
    add(NerFeatureKey(kLineShape,
                      (t.caps_line ? 2 : 0) + (t.title_line ? 1 : 0),
                      h.short_shape));
    add(NerFeatureKey(kFlags, h.flags));
    add(NerFeatureKey(kFlagsPrev, p.flags));
    add(NerFeatureKey(kFlagsNext, q.flags));
    add(NerFeatureKey(kGazetteer, h.gazetteer));
    add(NerFeatureKey(kGazetteerPrev, p.gazetteer));
    add(NerFeatureKey(kGazetteerNext, q.gazetteer));
    add(NerFeatureKey(kGazetteerShape, h.gazetteer, h.short_shape));
    if (t.has_upper && seen_lower_.contains(h.lower)) {
      add(NerFeatureKey(kSeenLower, h.short_shape));
    }
    if (seen_capitalized_.contains(h.lower)) {
      add(NerFeatureKey(kSeenCapitalized, (t.sentence_start ? 1 : 0) +
                                              (t.title_line ? 2 : 0)));
    }
    add(NerFeatureKey(kLength, h.length, h.short_shape));
    add(NerFeatureKey(kLowerPrevShape, p.lower, h.short_shape));
    add(NerFeatureKey(kShapeLowerNext, h.short_shape, q.lower));
    add(NerFeatureKey(kCluster, h.cluster));
    add(NerFeatureKey(kClusterShape, h.coarse_cluster, h.short_shape));
    add(NerFeatureKey(kClusterPrev, p.cluster));
    add(NerFeatureKey(kClusterNext, q.cluster));
    add(NerFeatureKey(kClusterPair, p.coarse_cluster, h.coarse_cluster));
    offsets_.push_back(static_cast<uint32_t>(keys_.size()));
  }
}

}  // namespace entities_internal
}  // namespace loupe
