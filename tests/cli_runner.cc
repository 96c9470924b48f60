#include "tests/cli_runner.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace loupe {
namespace testing {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string WriteTempFile(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  return path;
}

CliResult RunLoupe(const std::vector<std::string>& args,
                   const std::string& input) {
  static int counter = 0;
  const std::string base =
      absl::StrCat(::testing::TempDir(), "loupe_run_", ::getpid(), "_", ++counter);
  const std::string in = WriteTempFile(
      absl::StrCat("loupe_in_", ::getpid(), "_", counter), input);
  std::string command = ShellQuote(LOUPE_BINARY_DIR "/bin/loupe");
  for (const std::string& arg : args) absl::StrAppend(&command, " ", ShellQuote(arg));
  absl::StrAppend(&command, " <", ShellQuote(in), " >", ShellQuote(base + ".out"),
                  " 2>", ShellQuote(base + ".err"));
  const int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(base + ".out");
  result.err = ReadFile(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  std::remove(in.c_str());
  return result;
}

std::vector<v1::Document> ParseJsonl(const std::string& out) {
  std::vector<v1::Document> docs;
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    v1::Document doc;
    const auto status =
        google::protobuf::util::JsonStringToMessage(std::string(line), &doc);
    EXPECT_TRUE(status.ok()) << status.ToString();
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace testing
}  // namespace loupe
