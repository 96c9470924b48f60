// Distributional word clusters: words that occur between the same
// neighbours share a cluster, so the tagger generalizes from "Leeds beat"
// to "Rovers beat" without having seen the second. Induced offline from
// unlabeled text (BuildWordClusters), shipped as data/word_clusters.tsv and
// looked up by hash at tagging time.
#ifndef LOUPE_PLUGINS_ENTITIES_WORD_CLUSTERS_H_
#define LOUPE_PLUGINS_ENTITIES_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace loupe {
namespace entities_internal {

// The form a word is clustered under: lower case (ASCII), every digit
// written as '0'. Appends to `out`.
void AppendClusterForm(absl::string_view word, std::string* out);

struct WordCluster {
  uint16_t fine = 0;    // 1 + fine cluster id; 0 = unknown word
  uint16_t coarse = 0;  // 1 + coarse cluster id (a group of fine clusters)
};

// The table of data/word_clusters.tsv: "form<TAB>fine<TAB>coarse" lines,
// '#' comments. Keys are NerHash (ner_features.h) of the cluster form.
class WordClusters {
 public:
  absl::Status Parse(absl::string_view tsv);
  // The cluster of a form's hash, or {0, 0}.
  WordCluster Find(uint64_t form_hash) const {
    auto it = table_.find(form_hash);
    return it == table_.end() ? WordCluster() : it->second;
  }
  size_t size() const { return table_.size(); }

 private:
  absl::flat_hash_map<uint64_t, WordCluster> table_;
};

struct WordClusterOptions {
  int min_count = 3;        // rarer forms get no cluster
  int context_words = 400;  // the most frequent forms are the contexts
  int fine_clusters = 256;
  int coarse_clusters = 32;
  int iterations = 20;
};

// Clusters the forms of `sentences` (words as written) by spherical k-means
// over their left and right neighbour distributions; deterministic. Returns
// the table text, most frequent forms first.
std::string BuildWordClusters(
    const std::vector<std::vector<std::string>>& sentences,
    const WordClusterOptions& options);

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_WORD_CLUSTERS_H_
