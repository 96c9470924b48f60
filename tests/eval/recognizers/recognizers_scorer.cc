#include "tests/eval/recognizers/recognizers_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace loupe::eval {
namespace {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

const Value* Field(const Struct& s, absl::string_view name) {
  auto it = s.fields().find(std::string(name));
  return it == s.fields().end() ? nullptr : &it->second;
}

std::string StringField(const Struct& s, absl::string_view name) {
  const Value* v = Field(s, name);
  if (v == nullptr || v->kind_case() != Value::kStringValue) return "";
  return v->string_value();
}

// "dotnet, javascript" -> {"dotnet", "javascript"}.
std::vector<std::string> Platforms(const Struct& s, absl::string_view name) {
  std::vector<std::string> out;
  for (absl::string_view p :
       absl::StrSplit(StringField(s, name), absl::ByAnyChar(", "),
                      absl::SkipEmpty())) {
    out.push_back(absl::AsciiStrToLower(p));
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, absl::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool SameValue(double a, double b) {
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= std::max(1e-12, 1e-9 * scale);
}

// Dollar currencies: a spec unit of plain "Dollar" accepts any of them.
constexpr absl::string_view kDollarCodes[] = {
    "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "BSD", "BBD",
    "BZD", "FJD", "LRD", "NAD", "SBD", "TTD", "XCD", "BND", "GYD", "KYD",
    "SRD", "BMD", "ZWL"};

// The ISO codes a spec currency name without isoCurrency may stand for, and
// the factor from the spec's value to Loupe's value (Loupe expresses cents
// and pence in the main unit: "50 cents" -> 0.5).
struct UnitRule {
  absl::string_view name;            // lower-cased spec unit
  std::vector<absl::string_view> codes;  // empty: any dollar code
  double factor;
};

const std::vector<UnitRule>& UnitRules() {
  static const auto* rules = new std::vector<UnitRule>{
      {"dollar", {}, 1},
      {"cent", {"USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD"}, 0.01},
      {"pound", {"GBP", "EGP", "LBP", "SYP", "GIP", "FKP"}, 1},
      {"pence", {"GBP"}, 0.01},
      {"penny", {"GBP"}, 0.01},
      {"franc", {"CHF", "FRF", "BEF", "LUF", "XOF", "XAF", "XPF"}, 1},
      {"finnish markka", {"FIM"}, 1},
      {"peseta", {"ESP"}, 1},
      {"netherlands guilder", {"NLG"}, 1},
      {"mark", {"DEM"}, 1},
      {"rupee", {"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}, 1},
      {"bitcoin", {"BTC", "XBT"}, 1},
      {"satoshi", {"BTC", "XBT"}, 1e-8},
  };
  return *rules;
}

bool CurrencyMatches(const SpecResult& expected, const FoundNumber& found) {
  if (!expected.value.has_value()) return false;
  if (!expected.iso_currency.empty()) {
    return found.unit == expected.iso_currency &&
           SameValue(found.value, *expected.value);
  }
  const std::string name = absl::AsciiStrToLower(expected.unit);
  for (const UnitRule& rule : UnitRules()) {
    if (rule.name != name) continue;
    if (!SameValue(found.value, *expected.value * rule.factor)) return false;
    if (rule.codes.empty()) {
      return std::find(std::begin(kDollarCodes), std::end(kDollarCodes),
                       found.unit) != std::end(kDollarCodes);
    }
    return std::find(rule.codes.begin(), rule.codes.end(), found.unit) !=
           rule.codes.end();
  }
  // A currency name this table does not know: the value alone decides.
  return SameValue(found.value, *expected.value);
}

bool IsMoney(v1::Number::Kind kind) {
  return kind == v1::Number::MONEY || kind == v1::Number::SHARE_PRICE;
}

}  // namespace

std::optional<double> ParseSpecValue(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  absl::ConsumeSuffix(&value, "%");
  if (value.empty() || value == "null") return std::nullopt;
  double v = 0;
  if (!absl::SimpleAtod(value, &v)) return std::nullopt;
  return v;
}

absl::StatusOr<std::vector<SpecCase>> ParseSpecFile(absl::string_view json) {
  absl::ConsumePrefix(&json, "\xEF\xBB\xBF");
  ListValue list;
  const auto status =
      google::protobuf::util::JsonStringToMessage(std::string(json), &list);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a JSON array of cases: ", status.ToString()));
  }
  std::vector<SpecCase> cases;
  for (int i = 0; i < list.values_size(); ++i) {
    const Value& item = list.values(i);
    if (item.kind_case() != Value::kStructValue) {
      return absl::InvalidArgumentError(
          absl::StrCat("case ", i, " is not an object"));
    }
    const Struct& c = item.struct_value();
    SpecCase spec;
    spec.index = i;
    spec.input = StringField(c, "Input");
    spec.not_supported = Platforms(c, "NotSupported");
    spec.not_supported_by_design = Platforms(c, "NotSupportedByDesign");
    spec.comment = StringField(c, "Comment");
    const Value* results = Field(c, "Results");
    if (results != nullptr && results->kind_case() == Value::kListValue) {
      for (const Value& r : results->list_value().values()) {
        if (r.kind_case() != Value::kStructValue) continue;
        const Struct& rs = r.struct_value();
        SpecResult res;
        res.text = StringField(rs, "Text");
        res.type_name = StringField(rs, "TypeName");
        const Value* start = Field(rs, "Start");
        const Value* end = Field(rs, "End");
        if (start == nullptr || end == nullptr ||
            start->kind_case() != Value::kNumberValue ||
            end->kind_case() != Value::kNumberValue) {
          return absl::InvalidArgumentError(
              absl::StrCat("case ", i, ": a result lacks Start/End"));
        }
        res.begin = static_cast<int64_t>(start->number_value());
        res.end = static_cast<int64_t>(end->number_value()) + 1;
        const Value* resolution = Field(rs, "Resolution");
        if (resolution != nullptr &&
            resolution->kind_case() == Value::kStructValue) {
          const Struct& rv = resolution->struct_value();
          const Value* v = Field(rv, "value");
          if (v != nullptr && v->kind_case() == Value::kStringValue) {
            res.value = ParseSpecValue(v->string_value());
          } else if (v != nullptr && v->kind_case() == Value::kNumberValue) {
            res.value = v->number_value();
          }
          res.unit = StringField(rv, "unit");
          res.iso_currency = StringField(rv, "isoCurrency");
        }
        spec.results.push_back(std::move(res));
      }
    }
    cases.push_back(std::move(spec));
  }
  return cases;
}

std::vector<FoundNumber> FoundNumbersOf(const v1::Document& doc) {
  std::vector<FoundNumber> out;
  for (const v1::Number& n : doc.numbers()) {
    FoundNumber f;
    f.begin = n.span().utf16_begin();
    f.end = n.span().utf16_end();
    f.kind = n.kind();
    f.value = n.value();
    f.unit = n.unit();
    f.text = n.text();
    out.push_back(std::move(f));
  }
  return out;
}

bool CountsFor(SpecModel model, const FoundNumber& found) {
  switch (model) {
    case SpecModel::kNumber:
      // Any amount carries a number; dates and ordinals are other models.
      return found.kind != v1::Number::DATE &&
             found.kind != v1::Number::ORDINAL;
    case SpecModel::kPercent:
      return found.kind == v1::Number::PERCENT;
    case SpecModel::kCurrency:
      return IsMoney(found.kind);
  }
  return false;
}

bool Compatible(SpecModel model, const SpecResult& expected,
                const FoundNumber& found) {
  if (!expected.value.has_value() || !CountsFor(model, found)) return false;
  switch (model) {
    case SpecModel::kNumber:
      return SameValue(found.value, *expected.value);
    case SpecModel::kPercent:
      return found.unit == "%" && SameValue(found.value, *expected.value);
    case SpecModel::kCurrency:
      return CurrencyMatches(expected, found);
  }
  return false;
}

CaseOutcome ScoreCase(SpecModel model, const SpecCase& spec,
                      const std::vector<FoundNumber>& found) {
  CaseOutcome out;
  if (Contains(spec.not_supported, "dotnet") ||
      Contains(spec.not_supported_by_design, "dotnet")) {
    out.status = CaseOutcome::Status::kExcludedNotSupported;
    return out;
  }
  int with_value = 0;
  for (const SpecResult& r : spec.results) with_value += r.value.has_value();
  if (!spec.results.empty() && with_value == 0) {
    out.status = CaseOutcome::Status::kExcludedNoValue;
    return out;
  }
  if (spec.results.empty()) {
    for (const FoundNumber& f : found) {
      if (CountsFor(model, f)) out.unexpected.push_back(Describe(f));
    }
    out.status = out.unexpected.empty() ? CaseOutcome::Status::kPassed
                                        : CaseOutcome::Status::kFailed;
    return out;
  }
  // One-to-one: each expected result takes the first unused compatible
  // number whose span overlaps its own, preferring an identical span.
  std::vector<bool> used(found.size(), false);
  for (const SpecResult& r : spec.results) {
    if (!r.value.has_value()) continue;  // value-less mentions: not scored
    ++out.scored_results;
    int best = -1;
    for (size_t k = 0; k < found.size(); ++k) {
      const FoundNumber& f = found[k];
      if (used[k] || f.begin >= r.end || r.begin >= f.end) continue;
      if (!Compatible(model, r, f)) continue;
      if (best < 0 || (f.begin == r.begin && f.end == r.end)) {
        best = static_cast<int>(k);
      }
    }
    if (best < 0) {
      out.missing.push_back(Describe(r));
      continue;
    }
    used[best] = true;
    if (found[best].begin == r.begin && found[best].end == r.end) {
      ++out.exact_spans;
    }
  }
  out.status = out.missing.empty() ? CaseOutcome::Status::kPassed
                                   : CaseOutcome::Status::kFailed;
  return out;
}

std::string Describe(const FoundNumber& found) {
  return absl::StrCat("\"", found.text, "\" [", found.begin, ",", found.end,
                      ") ", v1::Number::Kind_Name(found.kind), " ",
                      found.value, found.unit.empty() ? "" : " ", found.unit);
}

std::string Describe(const SpecResult& expected) {
  std::string value =
      expected.value.has_value() ? absl::StrCat(*expected.value) : "null";
  std::string unit = expected.unit;
  if (!expected.iso_currency.empty()) {
    absl::StrAppend(&unit, " (", expected.iso_currency, ")");
  }
  return absl::StrCat("\"", expected.text, "\" [", expected.begin, ",",
                      expected.end, ") ", expected.type_name, " ", value,
                      unit.empty() ? "" : " ", unit);
}

}  // namespace loupe::eval
