// The statistical entity tagger: weights, Viterbi decoding with a document
// history, and the model file (ner_model.proto).
#ifndef LOUPE_PLUGINS_ENTITIES_NER_TAGGER_H_
#define LOUPE_PLUGINS_ENTITIES_NER_TAGGER_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "plugins/entities/ner_features.h"
#include "plugins/entities/ner_model.pb.h"

namespace loupe {
namespace entities_internal {

// A linear model: a row of kNerLabels weights per feature key, and label
// transitions. Used for training (mutable) and tagging.
struct NerWeights {
  absl::flat_hash_map<uint32_t, uint32_t> rows;  // feature key -> row
  std::vector<float> weights;                    // rows x kNerLabels
  // [previous label, or kNerLabels at a sentence start] x label.
  std::vector<float> transitions =
      std::vector<float>((kNerLabels + 1) * kNerLabels, 0.f);
  // Entity confidence = 1 / (1 + exp(-(a * margin + b))).
  float confidence_a = 1.f;
  float confidence_b = 0.f;

  const float* Row(uint32_t key) const {
    auto it = rows.find(key);
    return it == rows.end() ? nullptr : weights.data() + it->second * kNerLabels;
  }
};

// Reads a serialized plugins::NerModel. Fails on a feature version other
// than kNerFeatureVersion, other labels, or inconsistent sizes.
absl::Status LoadNerModel(absl::string_view bytes, NerWeights* out);

// Quantizes `weights` into a model, dropping feature rows whose largest
// absolute weight is below `prune_below`.
plugins::NerModel MakeNerModel(const NerWeights& weights, float prune_below);

// Decodes sentences of one document left to right. Besides the static
// features, each capitalized word gets a history feature: the class the
// decoder gave the same word (case-folded) earlier in the document.
// Reused across documents; not thread-safe.
class NerDecoder {
 public:
  void StartDocument() { history_.clear(); }

  // Labels tokens [begin, end) of `features`: writes labels[begin..end) and,
  // if `margins` is not null, margins[begin..end): how much the best
  // sequence outscores the best one with another label at that token.
  void Decode(const NerWeights& w, const NerFeatures& features, uint32_t begin,
              uint32_t end, uint8_t* labels, float* margins);
  // The history feature key given to token `begin + k` of the last Decode
  // (0 if none).
  uint32_t DynamicKey(uint32_t k) const { return dynamic_[k]; }
  // Records the labels of tokens [begin, end) in the history.
  void Commit(const NerFeatures& features, uint32_t begin, uint32_t end,
              const uint8_t* labels);

 private:
  absl::flat_hash_map<uint64_t, uint8_t> history_;
  std::vector<uint32_t> dynamic_;
  std::vector<float> emission_;
  std::vector<float> alpha_;
  std::vector<float> beta_;
  std::vector<uint8_t> back_;
};

// Tags a whole document, sentence by sentence. `labels` and `margins` are
// resized to the number of tokens.
void TagDocument(const NerWeights& w, const NerFeatures& features,
                 NerDecoder* decoder, std::vector<uint8_t>* labels,
                 std::vector<float>* margins);

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_NER_TAGGER_H_
