#include "plugins/sentiment/rated_snippets.h"

#include <cmath>
#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace loupe::sentiment_internal {

absl::StatusOr<std::vector<RatedSnippet>> ReadRatedSnippets(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::vector<RatedSnippet> snippets;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const absl::string_view rest = absl::StripSuffix(line, "\r");
    if (rest.empty()) continue;
    const std::vector<absl::string_view> fields =
        absl::StrSplit(rest, absl::MaxSplits('\t', 2));
    RatedSnippet s;
    if (fields.size() != 3 || !absl::SimpleAtod(fields[1], &s.mean)) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", line_number, ": expected id<TAB>mean<TAB>text"));
    }
    s.id = std::string(fields[0]);
    s.text = std::string(fields[2]);
    snippets.push_back(std::move(s));
  }
  return snippets;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < 2) return 0;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

}  // namespace loupe::sentiment_internal
