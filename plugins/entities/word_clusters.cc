#include "plugins/entities/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "plugins/entities/ner_features.h"

namespace loupe {
namespace entities_internal {
namespace {

using SparseVector = std::vector<std::pair<uint32_t, float>>;

// Spherical k-means: rows are unit vectors; `centroids` (k x dims, dense)
// hold the initial centres. Returns each row's cluster.
std::vector<int> KMeans(const std::vector<SparseVector>& rows, size_t dims,
                        std::vector<std::vector<float>> centroids, int iterations) {
  const size_t k = centroids.size();
  std::vector<int> assignment(rows.size(), -1);
  for (int iter = 0; iter < iterations; ++iter) {
    bool changed = false;
    for (size_t r = 0; r < rows.size(); ++r) {
      int best = 0;
      float best_score = -1e30f;
      for (size_t c = 0; c < k; ++c) {
        float score = 0;
        for (const auto& [d, v] : rows[r]) score += v * centroids[c][d];
        if (score > best_score) {
          best_score = score;
          best = static_cast<int>(c);
        }
      }
      changed |= assignment[r] != best;
      assignment[r] = best;
    }
    if (!changed) break;
    for (auto& centroid : centroids) std::fill(centroid.begin(), centroid.end(), 0.f);
    std::vector<size_t> sizes(k, 0);
    for (size_t r = 0; r < rows.size(); ++r) {
      ++sizes[assignment[r]];
      for (const auto& [d, v] : rows[r]) centroids[assignment[r]][d] += v;
    }
    for (size_t c = 0; c < k; ++c) {
      double norm = 0;
      for (float v : centroids[c]) norm += double(v) * v;
      if (norm == 0) continue;  // empty cluster: keeps a zero centre
      const float inv = static_cast<float>(1 / std::sqrt(norm));
      for (float& v : centroids[c]) v *= inv;
    }
  }
  return assignment;
}

}  // namespace

void AppendClusterForm(absl::string_view word, std::string* out) {
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= '0' && c <= '9') {
      out->push_back('0');
    } else {
      out->push_back(c);
    }
  }
}

absl::Status WordClusters::Parse(absl::string_view tsv) {
  table_.clear();
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    ++line_number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    uint32_t fine = 0, coarse = 0;
    if (fields.size() != 3 || fields[0].empty() ||
        !absl::SimpleAtoi(fields[1], &fine) || !absl::SimpleAtoi(fields[2], &coarse) ||
        fine >= 0xFFFF || coarse >= 0xFFFF) {
      return absl::DataLossError(
          absl::StrCat("word clusters: bad line ", line_number));
    }
    table_[NerHash(fields[0])] = {static_cast<uint16_t>(fine + 1),
                                  static_cast<uint16_t>(coarse + 1)};
  }
  return absl::OkStatus();
}

std::string BuildWordClusters(
    const std::vector<std::vector<std::string>>& sentences,
    const WordClusterOptions& options) {
  // Forms and counts.
  absl::flat_hash_map<std::string, uint32_t> ids;
  std::vector<std::string> forms;
  std::vector<uint64_t> counts;
  std::vector<std::vector<uint32_t>> coded;
  std::string form;
  for (const auto& sentence : sentences) {
    std::vector<uint32_t>& out = coded.emplace_back();
    for (const std::string& word : sentence) {
      form.clear();
      AppendClusterForm(word, &form);
      auto [it, inserted] = ids.try_emplace(form, static_cast<uint32_t>(forms.size()));
      if (inserted) {
        forms.push_back(form);
        counts.push_back(0);
      }
      ++counts[it->second];
      out.push_back(it->second);
    }
  }
  // Forms by descending count, ties by spelling: a deterministic order.
  std::vector<uint32_t> order(forms.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : forms[a] < forms[b];
  });
  // Context dimensions: left and right neighbour among the most frequent
  // forms (plus sentence boundary and "other"), for each side.
  const uint32_t n_context = static_cast<uint32_t>(
      std::min<size_t>(options.context_words, order.size()));
  std::vector<uint32_t> context_of(forms.size(), n_context);  // other
  for (uint32_t r = 0; r < n_context; ++r) context_of[order[r]] = r;
  const uint32_t boundary = n_context + 1;
  const uint32_t side = n_context + 2;
  std::vector<int> row_of(forms.size(), -1);
  std::vector<uint32_t> row_forms;
  for (uint32_t f : order) {
    if (counts[f] < static_cast<uint64_t>(options.min_count)) break;
    row_of[f] = static_cast<int>(row_forms.size());
    row_forms.push_back(f);
  }
  if (row_forms.empty()) return "";
  std::vector<absl::flat_hash_map<uint32_t, float>> raw(row_forms.size());
  for (const auto& sentence : coded) {
    for (size_t i = 0; i < sentence.size(); ++i) {
      const int row = row_of[sentence[i]];
      if (row < 0) continue;
      const uint32_t left = i == 0 ? boundary : context_of[sentence[i - 1]];
      const uint32_t right =
          i + 1 == sentence.size() ? boundary : context_of[sentence[i + 1]];
      raw[row][left] += 1;
      raw[row][side + right] += 1;
    }
  }
  // Hellinger-style rows: square roots of counts, unit length, sorted.
  std::vector<SparseVector> rows(row_forms.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    double norm = 0;
    for (const auto& [d, v] : raw[r]) {
      rows[r].emplace_back(d, std::sqrt(v));
      norm += v;
    }
    std::sort(rows[r].begin(), rows[r].end());
    const float inv = static_cast<float>(1 / std::sqrt(norm));
    for (auto& entry : rows[r]) entry.second *= inv;
  }
  const size_t dims = 2 * side;
  // Initial centres: the most frequent forms (rows are in frequency order).
  auto seeds = [&](const std::vector<SparseVector>& vectors, size_t k) {
    std::vector<std::vector<float>> centroids(std::min(k, vectors.size()),
                                              std::vector<float>(dims, 0.f));
    for (size_t c = 0; c < centroids.size(); ++c) {
      for (const auto& [d, v] : vectors[c]) centroids[c][d] = v;
    }
    return centroids;
  };
  const std::vector<int> fine =
      KMeans(rows, dims, seeds(rows, options.fine_clusters), options.iterations);
  // Coarse clusters group the fine ones by their (unit) mean vectors,
  // ordered by the frequency of their first member.
  const int k_fine = *std::max_element(fine.begin(), fine.end()) + 1;
  std::vector<std::vector<double>> sums(k_fine, std::vector<double>(dims, 0));
  std::vector<int> fine_order;  // fine clusters by first (most frequent) member
  std::vector<bool> seen(k_fine, false);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (const auto& [d, v] : rows[r]) sums[fine[r]][d] += v;
    if (!seen[fine[r]]) {
      seen[fine[r]] = true;
      fine_order.push_back(fine[r]);
    }
  }
  std::vector<SparseVector> means;
  for (int c : fine_order) {
    SparseVector& mean = means.emplace_back();
    double norm = 0;
    for (uint32_t d = 0; d < dims; ++d) norm += sums[c][d] * sums[c][d];
    for (uint32_t d = 0; d < dims; ++d) {
      if (sums[c][d] != 0) {
        mean.emplace_back(d, static_cast<float>(sums[c][d] / std::sqrt(norm)));
      }
    }
  }
  const std::vector<int> coarse_of_mean =
      KMeans(means, dims, seeds(means, options.coarse_clusters), options.iterations);
  std::vector<int> coarse(k_fine, 0);
  std::vector<int> fine_rank(k_fine, 0);
  for (size_t m = 0; m < fine_order.size(); ++m) {
    coarse[fine_order[m]] = coarse_of_mean[m];
    fine_rank[fine_order[m]] = static_cast<int>(m);
  }
  std::string out;
  for (size_t r = 0; r < row_forms.size(); ++r) {
    absl::StrAppend(&out, forms[row_forms[r]], "\t", fine_rank[fine[r]], "\t",
                    coarse[fine[r]], "\n");
  }
  return out;
}

}  // namespace entities_internal
}  // namespace loupe
