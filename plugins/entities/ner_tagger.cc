#include "plugins/entities/ner_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"

namespace loupe {
namespace entities_internal {
namespace {

constexpr float kForbidden = -1e30f;

// I-t may only follow B-t or I-t.
bool Allowed(int previous, int label) {
  if (label == 0 || NerLabelIsBegin(label)) return true;
  return previous != kNerLabels && previous != 0 &&
         NerLabelClass(previous) == NerLabelClass(label);
}

}  // namespace

absl::Status LoadNerModel(absl::string_view bytes, NerWeights* out) {
  plugins::NerModel model;
  if (!model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError("entities: the tagger model does not parse");
  }
  if (model.feature_version() != kNerFeatureVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "entities: model feature version ", model.feature_version(),
        ", code expects ", kNerFeatureVersion, "; retrain the model"));
  }
  if (model.labels_size() != kNerLabels) {
    return absl::FailedPreconditionError("entities: model has other labels");
  }
  for (int l = 0; l < kNerLabels; ++l) {
    if (model.labels(l) != kNerLabelNames[l]) {
      return absl::FailedPreconditionError(
          absl::StrCat("entities: model label ", l, " is ", model.labels(l)));
    }
  }
  const size_t features = model.feature_keys_size();
  if (model.weights().size() != features * kNerLabels * 2 ||
      model.transitions_size() != (kNerLabels + 1) * kNerLabels) {
    return absl::DataLossError("entities: model sizes are inconsistent");
  }
  out->rows.clear();
  out->rows.reserve(features);
  out->weights.resize(features * kNerLabels);
  const float scale = model.weight_scale();
  const unsigned char* data =
      reinterpret_cast<const unsigned char*>(model.weights().data());
  for (size_t i = 0; i < features * kNerLabels; ++i) {
    const int16_t v = static_cast<int16_t>(
        static_cast<uint16_t>(data[2 * i] | (data[2 * i + 1] << 8)));
    out->weights[i] = v * scale;
  }
  for (size_t f = 0; f < features; ++f) {
    out->rows.emplace(model.feature_keys(f), static_cast<uint32_t>(f));
  }
  if (out->rows.size() != features) {
    return absl::DataLossError("entities: model has duplicate feature keys");
  }
  out->transitions.assign(model.transitions().begin(), model.transitions().end());
  out->confidence_a = model.confidence_a();
  out->confidence_b = model.confidence_b();
  return absl::OkStatus();
}

plugins::NerModel MakeNerModel(const NerWeights& weights, float prune_below) {
  plugins::NerModel model;
  model.set_feature_version(kNerFeatureVersion);
  for (const char* label : kNerLabelNames) model.add_labels(label);
  std::vector<std::pair<uint32_t, uint32_t>> kept;  // key, row
  float max_abs = 0;
  for (const auto& [key, row] : weights.rows) {
    const float* w = weights.weights.data() + row * kNerLabels;
    float largest = 0;
    for (int l = 0; l < kNerLabels; ++l) largest = std::max(largest, std::fabs(w[l]));
    if (largest < prune_below || largest == 0) continue;
    kept.emplace_back(key, row);
    max_abs = std::max(max_abs, largest);
  }
  std::sort(kept.begin(), kept.end());
  const float scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  model.set_weight_scale(scale);
  std::string* bytes = model.mutable_weights();
  bytes->reserve(kept.size() * kNerLabels * 2);
  for (const auto& [key, row] : kept) {
    model.add_feature_keys(key);
    const float* w = weights.weights.data() + row * kNerLabels;
    for (int l = 0; l < kNerLabels; ++l) {
      const long q = std::lround(w[l] / scale);
      const uint16_t v = static_cast<uint16_t>(
          static_cast<int16_t>(std::clamp<long>(q, -32767, 32767)));
      bytes->push_back(static_cast<char>(v & 0xFF));
      bytes->push_back(static_cast<char>(v >> 8));
    }
  }
  for (float t : weights.transitions) model.add_transitions(t);
  model.set_confidence_a(weights.confidence_a);
  model.set_confidence_b(weights.confidence_b);
  return model;
}

void NerDecoder::Decode(const NerWeights& w, const NerFeatures& features,
                        uint32_t begin, uint32_t end, uint8_t* labels,
                        float* margins) {
  const uint32_t n = end - begin;
  if (n == 0) return;
  dynamic_.assign(n, 0);
  emission_.assign(static_cast<size_t>(n) * kNerLabels, 0.f);
  alpha_.resize(static_cast<size_t>(n) * kNerLabels);
  back_.resize(static_cast<size_t>(n) * kNerLabels);
  for (uint32_t k = 0; k < n; ++k) {
    float* e = emission_.data() + static_cast<size_t>(k) * kNerLabels;
    for (uint32_t key : features.Keys(begin + k)) {
      if (const float* row = w.Row(key)) {
        for (int l = 0; l < kNerLabels; ++l) e[l] += row[l];
      }
    }
    const uint64_t word = features.history_word(begin + k);
    if (word != 0) {
      auto it = history_.find(word);
      if (it != history_.end()) {
        dynamic_[k] = NerHistoryKey(it->second);
        if (const float* row = w.Row(dynamic_[k])) {
          for (int l = 0; l < kNerLabels; ++l) e[l] += row[l];
        }
      }
    }
  }
  const float* trans = w.transitions.data();
  // Forward (max-product).
  for (int l = 0; l < kNerLabels; ++l) {
    alpha_[l] = Allowed(kNerLabels, l)
                    ? trans[kNerLabels * kNerLabels + l] + emission_[l]
                    : kForbidden;
  }
  for (uint32_t k = 1; k < n; ++k) {
    const float* prev = alpha_.data() + (k - 1) * kNerLabels;
    float* cur = alpha_.data() + k * kNerLabels;
    uint8_t* bp = back_.data() + k * kNerLabels;
    const float* e = emission_.data() + k * kNerLabels;
    for (int l = 0; l < kNerLabels; ++l) {
      float best = kForbidden * 2;
      int arg = 0;
      for (int p = 0; p < kNerLabels; ++p) {
        if (!Allowed(p, l)) continue;
        const float s = prev[p] + trans[p * kNerLabels + l];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[l] = best + e[l];
      bp[l] = static_cast<uint8_t>(arg);
    }
  }
  const float* last = alpha_.data() + (n - 1) * kNerLabels;
  int label = static_cast<int>(std::max_element(last, last + kNerLabels) - last);
  for (uint32_t k = n; k-- > 0;) {
    labels[begin + k] = static_cast<uint8_t>(label);
    if (k > 0) label = back_[k * kNerLabels + label];
  }
  if (margins == nullptr) return;
  // Backward: beta[k][l] = best score of tokens after k given label l at k.
  beta_.assign(static_cast<size_t>(n) * kNerLabels, 0.f);
  for (uint32_t k = n - 1; k-- > 0;) {
    const float* next = beta_.data() + (k + 1) * kNerLabels;
    const float* e = emission_.data() + (k + 1) * kNerLabels;
    float* cur = beta_.data() + k * kNerLabels;
    for (int l = 0; l < kNerLabels; ++l) {
      float best = kForbidden * 2;
      for (int m = 0; m < kNerLabels; ++m) {
        if (!Allowed(l, m)) continue;
        best = std::max(best, trans[l * kNerLabels + m] + e[m] + next[m]);
      }
      cur[l] = best;
    }
  }
  for (uint32_t k = 0; k < n; ++k) {
    const int chosen = labels[begin + k];
    const float* a = alpha_.data() + k * kNerLabels;
    const float* b = beta_.data() + k * kNerLabels;
    float other = kForbidden * 2;
    for (int l = 0; l < kNerLabels; ++l) {
      if (l != chosen) other = std::max(other, a[l] + b[l]);
    }
    margins[begin + k] = (a[chosen] + b[chosen]) - other;
  }
}

void NerDecoder::Commit(const NerFeatures& features, uint32_t begin,
                        uint32_t end, const uint8_t* labels) {
  for (uint32_t i = begin; i < end; ++i) {
    const uint64_t word = features.history_word(i);
    if (word != 0 && labels[i] != 0) {
      history_[word] = static_cast<uint8_t>(NerLabelClass(labels[i]));
    }
  }
}

void TagDocument(const NerWeights& w, const NerFeatures& features,
                 NerDecoder* decoder, std::vector<uint8_t>* labels,
                 std::vector<float>* margins) {
  const size_t n = features.size();
  labels->assign(n, 0);
  if (margins != nullptr) margins->assign(n, 0.f);
  decoder->StartDocument();
  const std::vector<uint32_t>& starts = features.sentence_starts();
  for (size_t s = 0; s < starts.size(); ++s) {
    const uint32_t begin = starts[s];
    const uint32_t end =
        s + 1 < starts.size() ? starts[s + 1] : static_cast<uint32_t>(n);
    decoder->Decode(w, features, begin, end, labels->data(),
                    margins == nullptr ? nullptr : margins->data());
    decoder->Commit(features, begin, end, labels->data());
  }
}

}  // namespace entities_internal
}  // namespace loupe
