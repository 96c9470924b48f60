// Feature extraction for the statistical entity tagger. Shared by the
// trainer and the plugin so that both see exactly the same features.
//
// Every feature is a 32-bit hash of (template, values); values are hashes of
// token strings computed once per token, so no strings are built per
// feature. Changing any template changes the model's meaning: bump
// kNerFeatureVersion.
#ifndef LOUPE_PLUGINS_ENTITIES_NER_FEATURES_H_
#define LOUPE_PLUGINS_ENTITIES_NER_FEATURES_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/types/span.h"
#include "plugins/entities/lexicon.h"
#include "plugins/entities/mention.h"
#include "plugins/entities/token_view.h"

namespace loupe {
namespace entities_internal {

inline constexpr uint32_t kNerFeatureVersion = 2;

// Entity classes of the tagger (CoNLL's), and BIO labels over them:
// label 0 is O, label 2t-1 is B-t and 2t is I-t for class t in 1..4.
enum NerClass : uint8_t { kNerO = 0, kNerPer, kNerOrg, kNerLoc, kNerMisc };
inline constexpr int kNerClasses = 5;
inline constexpr int kNerLabels = 9;
inline constexpr const char* kNerLabelNames[kNerLabels] = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
inline int NerLabelClass(int label) { return (label + 1) / 2; }
inline bool NerLabelIsBegin(int label) { return label % 2 == 1; }

// A 64-bit hash of bytes; stable across platforms and builds.
uint64_t NerHash(absl::string_view bytes);
// Combines a template id and values into a feature key.
uint32_t NerFeatureKey(uint32_t template_id, uint64_t a, uint64_t b = 0);

// The key of the history feature: the class the tagger gave an earlier
// mention of the same word in the document.
uint32_t NerHistoryKey(int ner_class);

// The static features of every token of a document (those that do not
// depend on the tagger's own output).
class NerFeatures {
 public:
  // `gazetteer_mentions` are the lexicon matches of the document (the
  // MentionFinder without rules); they become features, not decisions.
  void Extract(const TokenView& tokens, const Lexicon& lexicon,
               const std::vector<Mention>& gazetteer_mentions);

  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  absl::Span<const uint32_t> Keys(size_t i) const {
    return absl::MakeConstSpan(keys_.data() + offsets_[i],
                               offsets_[i + 1] - offsets_[i]);
  }
  // Token indices at which a sentence starts, ascending, starting with 0.
  const std::vector<uint32_t>& sentence_starts() const { return sentence_starts_; }
  // Hash of the lower-cased token, or 0 for tokens that take no part in the
  // document history (not capitalized words).
  uint64_t history_word(size_t i) const { return history_word_[i]; }
  // Whether token i's word is written in lower case somewhere in the
  // document.
  bool SeenLower(size_t i) const { return seen_lower_.contains(hashes_[i].lower); }
  // Whether token i's word is capitalized in running text (not at a
  // sentence start, not in a headline) somewhere in the document.
  bool SeenCapitalized(size_t i) const {
    return seen_capitalized_.contains(hashes_[i].lower);
  }

 private:
  struct TokenHashes {
    uint64_t word = 0, lower = 0, shape = 0, short_shape = 0;
    uint64_t prefix[4] = {0, 0, 0, 0};
    uint64_t suffix[4] = {0, 0, 0, 0};
    uint32_t flags = 0;     // lexicon word lists the token is in
    uint32_t gazetteer = 0; // 0, or 1 + 2*type + (inside ? 1 : 0)
    uint32_t length = 0;
    uint64_t cluster = 0;         // fine word cluster + 1, 0 if none
    uint64_t coarse_cluster = 0;  // coarse word cluster + 1, 0 if none
  };
  std::vector<TokenHashes> hashes_;
  std::vector<uint32_t> keys_;
  std::vector<uint32_t> offsets_;
  std::vector<uint32_t> sentence_starts_;
  std::vector<uint64_t> history_word_;
  absl::flat_hash_set<uint64_t> seen_lower_;
  absl::flat_hash_set<uint64_t> seen_capitalized_;
  std::string shape_;
  std::string form_;
};

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_NER_FEATURES_H_
