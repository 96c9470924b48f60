// VADER's human-rated ground-truth files ("id<TAB>mean<TAB>text" per line,
// mean on -4..4), read by the sentiment trainer and its evaluation tool.
#ifndef LOUPE_PLUGINS_SENTIMENT_RATED_SNIPPETS_H_
#define LOUPE_PLUGINS_SENTIMENT_RATED_SNIPPETS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace loupe::sentiment_internal {

struct RatedSnippet {
  std::string id;
  double mean = 0;  // the raters' mean, -4..4
  std::string text;
};

// Reads every snippet of the file at `path`; blank lines are skipped, any
// other malformed line is an error naming the file and line.
absl::StatusOr<std::vector<RatedSnippet>> ReadRatedSnippets(
    const std::string& path);

// Pearson's correlation of x and y (0 when either is constant or n < 2).
double Pearson(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace loupe::sentiment_internal

#endif  // LOUPE_PLUGINS_SENTIMENT_RATED_SNIPPETS_H_
