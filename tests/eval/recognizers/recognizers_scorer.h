// Scores Loupe's numbers against the English test specifications of
// Microsoft Recognizers-Text (NumberModel, PercentModel, CurrencyModel).
// The conventions (exclusions, type mapping, spans, currency units) are
// described in README.md beside this file.
#ifndef LOUPE_TESTS_EVAL_RECOGNIZERS_RECOGNIZERS_SCORER_H_
#define LOUPE_TESTS_EVAL_RECOGNIZERS_RECOGNIZERS_SCORER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"

namespace loupe::eval {

// Which Recognizers model a spec file exercises.
enum class SpecModel { kNumber, kPercent, kCurrency };

// One expected result of a spec case.
struct SpecResult {
  std::string text;
  std::string type_name;  // "number", "percentage", "currency", ...
  // UTF-16 code units, half-open (the files' inclusive End plus one).
  int64_t begin = 0;
  int64_t end = 0;
  // nullopt when the spec gives no value (a bare "dollar", "percent").
  std::optional<double> value;
  std::string unit;           // Resolution.unit ("Dollar", "Cent", ...)
  std::string iso_currency;   // Resolution.isoCurrency ("USD"), may be empty
};

struct SpecCase {
  int index = 0;  // position in the file
  std::string input;
  std::vector<SpecResult> results;
  std::vector<std::string> not_supported;            // lower-cased platforms
  std::vector<std::string> not_supported_by_design;  // lower-cased platforms
  std::string comment;
};

// Parses the text of a spec file (a JSON array of cases). A leading UTF-8
// byte-order mark is accepted.
absl::StatusOr<std::vector<SpecCase>> ParseSpecFile(absl::string_view json);

// Parses a Resolution.value string: "192", "1E-12", "-1.2732E+15", "100%".
// nullopt for "null", "" or anything else that is not a number.
std::optional<double> ParseSpecValue(absl::string_view value);

// A Loupe number reduced to what the scorer compares.
struct FoundNumber {
  int64_t begin = 0;  // UTF-16 code units, half-open
  int64_t end = 0;
  v1::Number::Kind kind = v1::Number::KIND_UNSPECIFIED;
  double value = 0;
  std::string unit;
  std::string text;
};

// Converts the numbers of an analysed document (UTF-16 offsets filled in by
// the core).
std::vector<FoundNumber> FoundNumbersOf(const v1::Document& doc);

struct CaseOutcome {
  enum class Status {
    kPassed,
    kFailed,
    kExcludedNotSupported,  // NotSupported or NotSupportedByDesign: dotnet
    kExcludedNoValue,       // every expected result lacks a value
  };
  Status status = Status::kFailed;
  // Expected results not found, and (for cases without results) the Loupe
  // numbers that should not have been found; human-readable.
  std::vector<std::string> missing;
  std::vector<std::string> unexpected;
  // Expected results with a value whose match also has the identical span.
  int exact_spans = 0;
  int scored_results = 0;
};

// True if `found` may stand for an expected result of `model` (kind, value
// and, for currencies, the unit). Spans are not looked at.
bool Compatible(SpecModel model, const SpecResult& expected,
                const FoundNumber& found);

// True if `found` counts as a detection of `model` at all (for the cases
// that expect nothing).
bool CountsFor(SpecModel model, const FoundNumber& found);

// Scores one case against what Loupe found in its input.
CaseOutcome ScoreCase(SpecModel model, const SpecCase& spec,
                      const std::vector<FoundNumber>& found);

// One line describing a found number, for failure listings.
std::string Describe(const FoundNumber& found);
std::string Describe(const SpecResult& expected);

}  // namespace loupe::eval

#endif  // LOUPE_TESTS_EVAL_RECOGNIZERS_RECOGNIZERS_SCORER_H_
