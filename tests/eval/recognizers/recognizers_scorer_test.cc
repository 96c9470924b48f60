#include "tests/eval/recognizers/recognizers_scorer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe::eval {
namespace {

// Invented cases in the layout of the spec files.
constexpr absl::string_view kSpec = R"json([
  {
    "Input": "The ferry carried 312 cars.",
    "Results": [
      {"Text": "312", "TypeName": "number",
       "Resolution": {"subtype": "integer", "value": "312"},
       "Start": 18, "End": 20}
    ]
  },
  {
    "Input": "No figures here.",
    "NotSupported": "javascript, python",
    "Results": []
  },
  {
    "Input": "skip me",
    "NotSupported": "dotnet, java",
    "Results": []
  },
  {
    "Input": "a modest percent",
    "Results": [
      {"Text": "percent", "TypeName": "percentage",
       "Resolution": {"value": null}, "Start": 9, "End": 15}
    ]
  }
])json";

FoundNumber Make(int64_t b, int64_t e, v1::Number::Kind kind, double value,
                 std::string unit = "") {
  FoundNumber f;
  f.begin = b;
  f.end = e;
  f.kind = kind;
  f.value = value;
  f.unit = std::move(unit);
  return f;
}

TEST(ParseSpecValueTest, ReadsTheValueForms) {
  EXPECT_DOUBLE_EQ(*ParseSpecValue("192"), 192);
  EXPECT_DOUBLE_EQ(*ParseSpecValue("1E-12"), 1e-12);
  EXPECT_DOUBLE_EQ(*ParseSpecValue("-1.2732E+15"), -1.2732e15);
  EXPECT_DOUBLE_EQ(*ParseSpecValue("240%"), 240);
  EXPECT_FALSE(ParseSpecValue("null").has_value());
  EXPECT_FALSE(ParseSpecValue("").has_value());
  EXPECT_FALSE(ParseSpecValue("abc").has_value());
}

TEST(ParseSpecFileTest, ReadsCasesAndMakesEndsExclusive) {
  auto cases = ParseSpecFile(absl::StrCat("\xEF\xBB\xBF", kSpec));
  ASSERT_TRUE(cases.ok()) << cases.status();
  ASSERT_EQ(cases->size(), 4u);
  const SpecCase& first = (*cases)[0];
  ASSERT_EQ(first.results.size(), 1u);
  EXPECT_EQ(first.results[0].begin, 18);
  EXPECT_EQ(first.results[0].end, 21);
  EXPECT_DOUBLE_EQ(*first.results[0].value, 312);
  EXPECT_EQ((*cases)[1].not_supported,
            (std::vector<std::string>{"javascript", "python"}));
  EXPECT_FALSE((*cases)[3].results[0].value.has_value());
}

TEST(ParseSpecFileTest, RejectsMalformedJson) {
  EXPECT_FALSE(ParseSpecFile("{\"Input\": 1}").ok());
  EXPECT_FALSE(ParseSpecFile("[ {\"Input\": ").ok());
}

TEST(ScoreCaseTest, PassesOnOverlapWithTheRightValue) {
  auto cases = ParseSpecFile(kSpec);
  ASSERT_TRUE(cases.ok());
  const SpecCase& c = (*cases)[0];
  // Exact span.
  auto ok = ScoreCase(SpecModel::kNumber, c,
                      {Make(18, 21, v1::Number::CARDINAL, 312)});
  EXPECT_EQ(ok.status, CaseOutcome::Status::kPassed);
  EXPECT_EQ(ok.exact_spans, 1);
  // A wider quantity span still carries the number.
  auto wide = ScoreCase(SpecModel::kNumber, c,
                        {Make(18, 26, v1::Number::QUANTITY, 312, "cars")});
  EXPECT_EQ(wide.status, CaseOutcome::Status::kPassed);
  EXPECT_EQ(wide.exact_spans, 0);
  // Wrong value, or no overlap, fails.
  EXPECT_EQ(ScoreCase(SpecModel::kNumber, c,
                      {Make(18, 21, v1::Number::CARDINAL, 313)})
                .status,
            CaseOutcome::Status::kFailed);
  EXPECT_EQ(ScoreCase(SpecModel::kNumber, c,
                      {Make(0, 3, v1::Number::CARDINAL, 312)})
                .status,
            CaseOutcome::Status::kFailed);
  // A date is not a number mention.
  EXPECT_EQ(ScoreCase(SpecModel::kNumber, c,
                      {Make(18, 21, v1::Number::DATE, 312)})
                .status,
            CaseOutcome::Status::kFailed);
}

TEST(ScoreCaseTest, NegativeCasesFailOnAnyDetectionOfTheModel) {
  auto cases = ParseSpecFile(kSpec);
  ASSERT_TRUE(cases.ok());
  const SpecCase& c = (*cases)[1];
  EXPECT_EQ(ScoreCase(SpecModel::kNumber, c, {}).status,
            CaseOutcome::Status::kPassed);
  EXPECT_EQ(ScoreCase(SpecModel::kNumber, c,
                      {Make(0, 2, v1::Number::CARDINAL, 1)})
                .status,
            CaseOutcome::Status::kFailed);
  // The currency model only looks at money.
  EXPECT_EQ(ScoreCase(SpecModel::kCurrency, c,
                      {Make(0, 2, v1::Number::CARDINAL, 1)})
                .status,
            CaseOutcome::Status::kPassed);
}

TEST(ScoreCaseTest, ExcludesUnsupportedAndValuelessCases) {
  auto cases = ParseSpecFile(kSpec);
  ASSERT_TRUE(cases.ok());
  EXPECT_EQ(ScoreCase(SpecModel::kNumber, (*cases)[2], {}).status,
            CaseOutcome::Status::kExcludedNotSupported);
  EXPECT_EQ(ScoreCase(SpecModel::kPercent, (*cases)[3], {}).status,
            CaseOutcome::Status::kExcludedNoValue);
}

TEST(CompatibleTest, CurrencyUnitsAndSubunits) {
  SpecResult dollars;
  dollars.value = 12;
  dollars.unit = "Dollar";
  EXPECT_TRUE(Compatible(SpecModel::kCurrency, dollars,
                         Make(0, 1, v1::Number::MONEY, 12, "CAD")));
  EXPECT_FALSE(Compatible(SpecModel::kCurrency, dollars,
                          Make(0, 1, v1::Number::MONEY, 12, "EUR")));
  EXPECT_FALSE(Compatible(SpecModel::kCurrency, dollars,
                          Make(0, 1, v1::Number::CARDINAL, 12)));
  SpecResult yen;
  yen.value = 300;
  yen.unit = "Japanese yen";
  yen.iso_currency = "JPY";
  EXPECT_TRUE(Compatible(SpecModel::kCurrency, yen,
                         Make(0, 1, v1::Number::MONEY, 300, "JPY")));
  EXPECT_FALSE(Compatible(SpecModel::kCurrency, yen,
                          Make(0, 1, v1::Number::MONEY, 300, "CNY")));
  SpecResult pence;
  pence.value = 45;
  pence.unit = "Pence";
  EXPECT_TRUE(Compatible(SpecModel::kCurrency, pence,
                         Make(0, 1, v1::Number::MONEY, 0.45, "GBP")));
  EXPECT_FALSE(Compatible(SpecModel::kCurrency, pence,
                          Make(0, 1, v1::Number::MONEY, 45, "GBP")));
}

TEST(CompatibleTest, PercentNeedsThePercentUnit) {
  SpecResult pct;
  pct.value = 7.5;
  EXPECT_TRUE(Compatible(SpecModel::kPercent, pct,
                         Make(0, 1, v1::Number::PERCENT, 7.5, "%")));
  EXPECT_FALSE(Compatible(SpecModel::kPercent, pct,
                          Make(0, 1, v1::Number::PERCENT, 7.5, "pp")));
}

// End to end through the plugin, with UTF-16 offsets after a non-BMP
// character (two code units).
TEST(FoundNumbersOfTest, UsesUtf16Offsets) {
  auto doc = AnalyzeWithBuiltins("\xF0\x9F\x93\x88 up 12% today", {"numbers"});
  ASSERT_TRUE(doc.ok()) << doc.status();
  const std::vector<FoundNumber> found = FoundNumbersOf(*doc);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 6);
  EXPECT_EQ(found[0].end, 9);
  EXPECT_EQ(found[0].kind, v1::Number::PERCENT);
}

}  // namespace
}  // namespace loupe::eval
