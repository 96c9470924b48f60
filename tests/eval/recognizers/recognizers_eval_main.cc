// loupe_eval_recognizers: runs the numbers plugin over the English specs of
// Microsoft Recognizers-Text (NumberModel, PercentModel, CurrencyModel) and
// prints the share of cases passed. See README.md in this folder.
//
// Exit codes: 0 scored (or the spec folder is absent: skipped), 1 unreadable
// or malformed data, 2 usage.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "plugins/builtin_plugins.h"
#include "tests/eval/recognizers/recognizers_scorer.h"

namespace loupe::eval {
namespace {

namespace fs = std::filesystem;

constexpr absl::string_view kUsage =
    "usage: loupe_eval_recognizers [--specs DIR] [--show-failures]\n"
    "  --specs DIR      the Specs folder of Recognizers-Text (default: "
    LOUPE_EVAL_DIR "/recognizers-specs/Specs)\n"
    "  --show-failures  list each failing case with expected vs found\n";

struct SpecFile {
  const char* label;
  const char* path;  // relative to the Specs folder
  SpecModel model;
};

constexpr SpecFile kFiles[] = {
    {"NumberModel", "Number/English/NumberModel.json", SpecModel::kNumber},
    {"PercentModel", "Number/English/PercentModel.json", SpecModel::kPercent},
    {"CurrencyModel", "NumberWithUnit/English/CurrencyModel.json",
     SpecModel::kCurrency},
};

struct Tally {
  int cases = 0;
  int excluded_not_supported = 0;
  int excluded_no_value = 0;
  int scored = 0;
  int passed = 0;
  int results = 0;
  int exact_spans = 0;

  void Add(const Tally& t) {
    cases += t.cases;
    excluded_not_supported += t.excluded_not_supported;
    excluded_no_value += t.excluded_no_value;
    scored += t.scored;
    passed += t.passed;
    results += t.results;
    exact_spans += t.exact_spans;
  }
};

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

double Percent(int a, int b) { return b == 0 ? 0.0 : 100.0 * a / b; }

void PrintTally(absl::string_view label, const Tally& t) {
  std::cout << absl::StrFormat(
      "%-14s cases %4d | excluded %3d (dotnet not supported %d, value-less "
      "%d) | scored %4d | passed %4d = %5.1f%% | exact spans %d/%d\n",
      label, t.cases, t.excluded_not_supported + t.excluded_no_value,
      t.excluded_not_supported, t.excluded_no_value, t.scored, t.passed,
      Percent(t.passed, t.scored), t.exact_spans, t.results);
}

int Run(int argc, char** argv) {
  std::string specs_dir = LOUPE_EVAL_DIR "/recognizers-specs/Specs";
  bool show_failures = false;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--specs" && i + 1 < argc) {
      specs_dir = argv[++i];
    } else if (arg == "--show-failures") {
      show_failures = true;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (!fs::is_directory(specs_dir)) {
    std::cout << "recognizers-specs not found at " << specs_dir
              << "; skipping\n";
    return 0;
  }
  Tally total;
  for (const SpecFile& file : kFiles) {
    const fs::path path = fs::path(specs_dir) / file.path;
    std::string json;
    if (!ReadFile(path, &json)) {
      std::cerr << "cannot read " << path << "\n";
      return 1;
    }
    auto cases = ParseSpecFile(json);
    if (!cases.ok()) {
      std::cerr << path << ": " << cases.status() << "\n";
      return 1;
    }
    Tally tally;
    for (const SpecCase& spec : *cases) {
      ++tally.cases;
      auto doc = AnalyzeWithBuiltins(spec.input, {"numbers"});
      if (!doc.ok()) {
        std::cerr << "warning: " << file.label << " #" << spec.index << ": "
                  << doc.status() << "\n";
      }
      const std::vector<FoundNumber> found =
          doc.ok() ? FoundNumbersOf(*doc) : std::vector<FoundNumber>{};
      const CaseOutcome outcome = ScoreCase(file.model, spec, found);
      switch (outcome.status) {
        case CaseOutcome::Status::kExcludedNotSupported:
          ++tally.excluded_not_supported;
          continue;
        case CaseOutcome::Status::kExcludedNoValue:
          ++tally.excluded_no_value;
          continue;
        case CaseOutcome::Status::kPassed:
          ++tally.passed;
          break;
        case CaseOutcome::Status::kFailed:
          break;
      }
      ++tally.scored;
      tally.results += outcome.scored_results;
      tally.exact_spans += outcome.exact_spans;
      if (show_failures && outcome.status == CaseOutcome::Status::kFailed) {
        std::cout << file.label << " #" << spec.index << ": " << spec.input
                  << "\n";
        for (const std::string& m : outcome.missing) {
          std::cout << "    missing    " << m << "\n";
        }
        for (const std::string& u : outcome.unexpected) {
          std::cout << "    unexpected " << u << "\n";
        }
        if (!outcome.missing.empty()) {
          for (const FoundNumber& f : found) {
            std::cout << "    found      " << Describe(f) << "\n";
          }
        }
      }
    }
    PrintTally(file.label, tally);
    total.Add(tally);
  }
  PrintTally("TOTAL", total);
  std::cout << absl::StrFormat(
      "TOTAL recognizers pass rate: %d/%d = %.1f%% (excluded %d)\n",
      total.passed, total.scored, Percent(total.passed, total.scored),
      total.excluded_not_supported + total.excluded_no_value);
  return 0;
}

}  // namespace
}  // namespace loupe::eval

int main(int argc, char** argv) { return loupe::eval::Run(argc, argv); }
