// Runs the built `loupe` binary the way a user would, for end-to-end tests.
#ifndef LOUPE_TESTS_CLI_RUNNER_H_
#define LOUPE_TESTS_CLI_RUNNER_H_

#include <string>
#include <vector>

#include "loupe/v1/document.pb.h"

namespace loupe {
namespace testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `loupe args...` with `input` on standard input.
CliResult RunLoupe(const std::vector<std::string>& args,
                   const std::string& input = "");

// Parses JSON-lines output into Documents; fails the test on a bad line.
std::vector<v1::Document> ParseJsonl(const std::string& out);

// A fresh file under the test's temporary folder holding `content`.
std::string WriteTempFile(const std::string& name, const std::string& content);

}  // namespace testing
}  // namespace loupe

#endif  // LOUPE_TESTS_CLI_RUNNER_H_
