#include "tests/eval/seeds_scorer.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace loupe::eval {
namespace {

using ::google::protobuf::ListValue;
using ::google::protobuf::Struct;
using ::google::protobuf::Value;

// ------------------------------------------------------- JSON accessors

const Value* Field(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? nullptr : &it->second;
}

std::string StringField(const Struct& s, const std::string& key) {
  const Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == Value::kStringValue
             ? v->string_value()
             : std::string();
}

bool BoolField(const Struct& s, const std::string& key) {
  const Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == Value::kBoolValue &&
         v->bool_value();
}

const ListValue* ListField(const Struct& s, const std::string& key) {
  const Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == Value::kListValue ? &v->list_value()
                                                             : nullptr;
}

absl::StatusOr<int64_t> IntField(const Struct& s, const std::string& key,
                                 absl::string_view where) {
  const Value* v = Field(s, key);
  if (v == nullptr || v->kind_case() != Value::kNumberValue ||
      v->number_value() < 0 ||
      v->number_value() != std::floor(v->number_value())) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": missing or non-integral \"", key, "\""));
  }
  return static_cast<int64_t>(v->number_value());
}

absl::StatusOr<Span> SpanOf(const Struct& item, absl::string_view where) {
  absl::StatusOr<int64_t> begin = IntField(item, "start", where);
  if (!begin.ok()) return begin.status();
  absl::StatusOr<int64_t> end = IntField(item, "end", where);
  if (!end.ok()) return end.status();
  if (*end < *begin) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": end ", *end, " before start ", *begin));
  }
  return Span{*begin, *end};
}

// Calls `parse(item, where)` for each object in the list `key`.
template <typename Fn>
absl::Status ForEachItem(const Struct& root, const std::string& key, Fn parse) {
  const ListValue* list = ListField(root, key);
  if (list == nullptr) return absl::OkStatus();
  for (int i = 0; i < list->values_size(); ++i) {
    const std::string where = absl::StrCat(key, "[", i, "]");
    if (list->values(i).kind_case() != Value::kStructValue) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": not an object"));
    }
    if (absl::Status status = parse(list->values(i).struct_value(), where);
        !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

absl::Status ParseNumberValue(const Value* v, GoldNumber* number,
                              absl::string_view where) {
  if (v == nullptr || v->kind_case() == Value::kNullValue) {
    number->value_type = GoldNumber::ValueType::kNone;
  } else if (v->kind_case() == Value::kNumberValue) {
    number->value_type = GoldNumber::ValueType::kScalar;
    number->value = v->number_value();
  } else if (v->kind_case() == Value::kStringValue) {
    number->value_type = GoldNumber::ValueType::kIso;
    number->iso = v->string_value();
  } else if (v->kind_case() == Value::kListValue &&
             v->list_value().values_size() == 2 &&
             v->list_value().values(0).kind_case() == Value::kNumberValue &&
             v->list_value().values(1).kind_case() == Value::kNumberValue) {
    number->value_type = GoldNumber::ValueType::kRange;
    number->low = v->list_value().values(0).number_value();
    number->high = v->list_value().values(1).number_value();
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": value is neither number, string nor [low, high]"));
  }
  return absl::OkStatus();
}

// ------------------------------------------------------------- labels

const char* GoldPolarityName(v1::Sentiment::Label label) {
  switch (label) {
    case v1::Sentiment::POSITIVE:
      return "positive";
    case v1::Sentiment::NEGATIVE:
      return "negative";
    case v1::Sentiment::NEUTRAL:
      return "neutral";
    case v1::Sentiment::MIXED:
      return "mixed";
    default:
      return "";
  }
}

bool IsCurrencyCode(const std::string& unit) {
  return unit.size() == 3 &&
         std::all_of(unit.begin(), unit.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool UnitMatches(const std::optional<std::string>& gold_unit,
                 const std::string& pred_unit) {
  if (gold_unit.has_value()) return *gold_unit == pred_unit;
  // The gold leaves the unit of counts and durations null; any unit that is
  // not a currency or a percentage is compatible with that ("year", "tons").
  return pred_unit != "%" && pred_unit != "pp" && pred_unit != "bp" &&
         !IsCurrencyCode(pred_unit);
}

std::string PredictedKindName(const PredictedNumber& pred) {
  std::string name = v1::Number::Kind_Name(pred.kind);
  if (pred.has_range) absl::StrAppend(&name, "+range");
  return name;
}

// Whether `pred` lies inside one of the sorted, non-overlapping `spans`.
bool InsideAny(const std::vector<Span>& spans, const Span& pred) {
  auto it = std::upper_bound(
      spans.begin(), spans.end(), pred.begin,
      [](int64_t begin, const Span& span) { return begin < span.begin; });
  if (it == spans.begin()) return false;
  return Contains(*std::prev(it), pred);
}

// Indices of the items to score in one scope.
template <typename T>
std::vector<int> GoldInScope(const std::vector<T>& items, bool body_only) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) {
    if (!body_only || !items[i].boilerplate) out.push_back(i);
  }
  return out;
}

template <typename T>
std::vector<int> PredInScope(const std::vector<T>& items,
                             const std::vector<Span>& boilerplate,
                             bool body_only) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) {
    if (!body_only || !InsideAny(boilerplate, items[i].span)) out.push_back(i);
  }
  return out;
}

template <typename T>
std::vector<Span> SpansAt(const std::vector<T>& items,
                          const std::vector<int>& indices) {
  std::vector<Span> out;
  out.reserve(indices.size());
  for (int i : indices) out.push_back(items[i].span);
  return out;
}

// Records unmatched items of a P/R/F1 as errors.
template <typename G, typename P>
void AddErrors(const std::string& what, const std::vector<G>& gold,
               const std::vector<int>& gold_index,
               const std::vector<P>& pred, const std::vector<int>& pred_index,
               const std::vector<std::pair<int, int>>& pairs,
               std::vector<ScoreError>* errors) {
  std::vector<bool> gold_matched(gold_index.size(), false);
  std::vector<bool> pred_matched(pred_index.size(), false);
  for (const auto& [g, p] : pairs) {
    gold_matched[g] = true;
    pred_matched[p] = true;
  }
  for (size_t g = 0; g < gold_index.size(); ++g) {
    const G& item = gold[gold_index[g]];
    if (!gold_matched[g] && !item.optional) {
      errors->push_back({what + " FN", item.span, ""});
    }
  }
  for (size_t p = 0; p < pred_index.size(); ++p) {
    if (pred_matched[p]) continue;
    const Span& span = pred[pred_index[p]].span;
    // As in ScoreWithOptional: overlapping an optional item is no error.
    const bool excused = std::any_of(
        gold_index.begin(), gold_index.end(), [&](int g) {
          return gold[g].optional && Overlaps(gold[g].span, span);
        });
    if (!excused) errors->push_back({what + " FP", span, ""});
  }
}

// Scores numbers, entities and sentence spans in one scope.
SectionScores ScoreSection(const GoldDocument& gold, const Predictions& pred,
                           bool body_only, std::vector<ScoreError>* errors) {
  SectionScores out;
  std::vector<std::pair<int, int>> pairs;

  // Numbers.
  {
    const std::vector<int> gi = GoldInScope(gold.numbers, body_only);
    const std::vector<int> pi =
        PredInScope(pred.numbers, gold.boilerplate_spans, body_only);
    const std::vector<Span> gs = SpansAt(gold.numbers, gi);
    const std::vector<Span> ps = SpansAt(pred.numbers, pi);
    std::vector<bool> optional;
    for (int i : gi) optional.push_back(gold.numbers[i].optional);

    out.number_detection = ScoreWithOptional(
        gs, optional, ps, [](int, int) { return true; }, &pairs);
    for (const auto& [g, p] : pairs) {
      const GoldNumber& gn = gold.numbers[gi[g]];
      const PredictedNumber& pn = pred.numbers[pi[p]];
      ++out.number_kind.total;
      if (NumberKindMatches(gn.kind, pn)) ++out.number_kind.correct;
      ++out.kind_confusion[{gn.kind, PredictedKindName(pn)}];
    }
    if (errors != nullptr) {
      AddErrors("number", gold.numbers, gi, pred.numbers, pi, pairs, errors);
    }
    out.number_exact_span = ScoreWithOptional(
        gs, optional, ps, [&](int g, int p) { return gs[g] == ps[p]; },
        nullptr);
    out.number_value = ScoreWithOptional(
        gs, optional, ps,
        [&](int g, int p) {
          return NumberValueMatches(gold.numbers[gi[g]], pred.numbers[pi[p]]);
        },
        &pairs);
    if (errors != nullptr) {
      // Value errors among detected numbers only: detection errors are above.
      std::vector<bool> ok(gi.size(), false);
      for (const auto& [g, p] : pairs) ok[g] = true;
      for (size_t g = 0; g < gi.size(); ++g) {
        const GoldNumber& gn = gold.numbers[gi[g]];
        if (ok[g] || gn.optional) continue;
        for (size_t p = 0; p < pi.size(); ++p) {
          if (!Overlaps(gs[g], ps[p])) continue;
          const PredictedNumber& pn = pred.numbers[pi[p]];
          errors->push_back(
              {"number value", gn.span,
               absl::StrCat("predicted ", PredictedKindName(pn), " value=",
                            pn.value, " range=", pn.low, "..", pn.high,
                            " unit=\"", pn.unit, "\" timex=\"", pn.timex,
                            "\"; gold kind ", gn.kind)});
          break;
        }
      }
    }
  }

  // Entities.
  {
    const std::vector<int> gi = GoldInScope(gold.entities, body_only);
    const std::vector<int> pi =
        PredInScope(pred.entities, gold.boilerplate_spans, body_only);
    const std::vector<Span> gs = SpansAt(gold.entities, gi);
    const std::vector<Span> ps = SpansAt(pred.entities, pi);
    std::vector<bool> optional;
    for (int i : gi) optional.push_back(gold.entities[i].optional);

    out.entity_typed = ScoreWithOptional(
        gs, optional, ps,
        [&](int g, int p) {
          return gs[g] == ps[p] && EntityTypeMatches(gold.entities[gi[g]],
                                                     pred.entities[pi[p]].type);
        },
        &pairs);
    if (errors != nullptr) {
      AddErrors("entity", gold.entities, gi, pred.entities, pi, pairs, errors);
    }
    out.entity_span = ScoreWithOptional(
        gs, optional, ps, [&](int g, int p) { return gs[g] == ps[p]; },
        &pairs);
    for (const auto& [g, p] : pairs) {
      const GoldEntity& ge = gold.entities[gi[g]];
      const std::string& canonical = pred.entities[pi[p]].canonical;
      ++out.entity_canonical.total;
      if (canonical == ge.canonical ||
          (!ge.alt_canonical.empty() && canonical == ge.alt_canonical)) {
        ++out.entity_canonical.correct;
      } else if (errors != nullptr) {
        errors->push_back({"entity canonical", ge.span,
                           absl::StrCat("predicted \"", canonical,
                                        "\", gold \"", ge.canonical, "\"")});
      }
    }
  }

  // Sentence spans.
  {
    const std::vector<int> gi = GoldInScope(gold.sentences, body_only);
    const std::vector<int> pi =
        PredInScope(pred.sentences, gold.boilerplate_spans, body_only);
    const std::vector<Span> gs = SpansAt(gold.sentences, gi);
    const std::vector<Span> ps = SpansAt(pred.sentences, pi);
    const std::vector<bool> optional(gi.size(), false);
    out.sentence_span = ScoreWithOptional(
        gs, optional, ps, [&](int g, int p) { return gs[g] == ps[p]; },
        &pairs);
    if (errors != nullptr) {
      // Gold sentences are never optional.
      std::vector<bool> gold_matched(gi.size(), false);
      std::vector<bool> pred_matched(pi.size(), false);
      for (const auto& [g, p] : pairs) {
        gold_matched[g] = true;
        pred_matched[p] = true;
      }
      for (size_t g = 0; g < gi.size(); ++g) {
        if (!gold_matched[g]) errors->push_back({"sentence FN", gs[g], ""});
      }
      for (size_t p = 0; p < pi.size(); ++p) {
        if (!pred_matched[p]) errors->push_back({"sentence FP", ps[p], ""});
      }
    }
  }
  return out;
}

}  // namespace

// ------------------------------------------------------------ OffsetMap

OffsetMap::OffsetMap(absl::string_view text) {
  byte_of_.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    // Every byte that is not a continuation byte starts a code point.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      byte_of_.push_back(i);
    }
  }
  byte_of_.push_back(text.size());
}

std::optional<size_t> OffsetMap::ByteOffset(int64_t code_point) const {
  if (code_point < 0 || code_point > num_code_points()) return std::nullopt;
  return byte_of_[code_point];
}

std::optional<int64_t> OffsetMap::CodePointOffset(size_t byte) const {
  auto it = std::lower_bound(byte_of_.begin(), byte_of_.end(), byte);
  if (it == byte_of_.end() || *it != byte) return std::nullopt;
  return it - byte_of_.begin();
}

std::string OffsetMap::Slice(absl::string_view text, const Span& span) const {
  std::optional<size_t> begin = ByteOffset(span.begin);
  std::optional<size_t> end = ByteOffset(span.end);
  if (!begin || !end || *end < *begin || *end > text.size()) return "";
  return std::string(text.substr(*begin, *end - *begin));
}

// ----------------------------------------------------------------- gold

absl::StatusOr<GoldDocument> ParseGoldDocument(absl::string_view json) {
  Struct root;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  if (auto status = google::protobuf::util::JsonStringToMessage(
          std::string(json), &root, options);
      !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed JSON: ", status.ToString()));
  }
  GoldDocument gold;
  gold.file = StringField(root, "file");

  absl::Status status = ForEachItem(
      root, "numbers", [&](const Struct& item, absl::string_view where) {
        GoldNumber n;
        absl::StatusOr<Span> span = SpanOf(item, where);
        if (!span.ok()) return span.status();
        n.span = *span;
        n.text = StringField(item, "text");
        n.kind = StringField(item, "kind");
        if (absl::Status s = ParseNumberValue(Field(item, "value"), &n, where);
            !s.ok()) {
          return s;
        }
        const Value* unit = Field(item, "unit");
        if (unit != nullptr && unit->kind_case() == Value::kStringValue) {
          n.unit = unit->string_value();
        }
        n.optional = BoolField(item, "optional");
        n.boilerplate = BoolField(item, "boilerplate");
        gold.numbers.push_back(std::move(n));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;

  status = ForEachItem(
      root, "entities", [&](const Struct& item, absl::string_view where) {
        GoldEntity e;
        absl::StatusOr<Span> span = SpanOf(item, where);
        if (!span.ok()) return span.status();
        e.span = *span;
        e.text = StringField(item, "text");
        e.type = StringField(item, "type");
        e.alt_type = StringField(item, "alt_type");
        e.subtype = StringField(item, "subtype");
        e.canonical = StringField(item, "canonical");
        e.alt_canonical = StringField(item, "alt_canonical");
        e.optional = BoolField(item, "optional");
        e.boilerplate = BoolField(item, "boilerplate");
        e.nested = BoolField(item, "nested");
        gold.entities.push_back(std::move(e));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;

  status = ForEachItem(
      root, "sentences", [&](const Struct& item, absl::string_view where) {
        GoldSentence s;
        absl::StatusOr<Span> span = SpanOf(item, where);
        if (!span.ok()) return span.status();
        s.span = *span;
        s.text = StringField(item, "text");
        s.polarity = StringField(item, "polarity");
        s.boilerplate = BoolField(item, "boilerplate");
        s.heading = BoolField(item, "heading");
        s.nested = BoolField(item, "nested");
        gold.sentences.push_back(std::move(s));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;

  status = ForEachItem(root, "entity_sentiment",
                       [&](const Struct& item, absl::string_view) {
                         gold.entity_sentiment.push_back(
                             {StringField(item, "canonical"),
                              StringField(item, "polarity")});
                         return absl::OkStatus();
                       });
  if (!status.ok()) return status;

  status = ForEachItem(root, "boilerplate_spans",
                       [&](const Struct& item, absl::string_view where) {
                         absl::StatusOr<Span> span = SpanOf(item, where);
                         if (!span.ok()) return span.status();
                         gold.boilerplate_spans.push_back(*span);
                         return absl::OkStatus();
                       });
  if (!status.ok()) return status;
  std::sort(gold.boilerplate_spans.begin(), gold.boilerplate_spans.end(),
            [](const Span& a, const Span& b) {
              return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
            });

  if (const Value* doc = Field(root, "document_sentiment");
      doc != nullptr && doc->kind_case() == Value::kStructValue) {
    const Value* score = Field(doc->struct_value(), "score");
    if (score != nullptr && score->kind_case() == Value::kNumberValue) {
      gold.document_score = score->number_value();
    }
    gold.document_polarity = StringField(doc->struct_value(), "polarity");
  }
  return gold;
}

int CountGoldTextMismatches(const GoldDocument& gold, absl::string_view text,
                            std::vector<std::string>* details) {
  const OffsetMap map(text);
  int mismatches = 0;
  auto check = [&](const char* list, const Span& span,
                   const std::string& expected) {
    const std::string actual = map.Slice(text, span);
    if (span.end <= map.num_code_points() && actual == expected) return;
    ++mismatches;
    if (details != nullptr) {
      details->push_back(absl::StrCat(list, " [", span.begin, ", ", span.end,
                                      "): gold \"", expected, "\", text \"",
                                      actual, "\""));
    }
  };
  for (const GoldNumber& n : gold.numbers) check("numbers", n.span, n.text);
  for (const GoldEntity& e : gold.entities) check("entities", e.span, e.text);
  for (const GoldSentence& s : gold.sentences) {
    check("sentences", s.span, s.text);
  }
  return mismatches;
}

// ---------------------------------------------------------- predictions

Predictions PredictionsFromDocument(const v1::Document& doc) {
  Predictions out;
  const OffsetMap map(doc.text());
  auto convert = [&](const v1::TextSpan& span, Span* result) {
    std::optional<int64_t> begin = map.CodePointOffset(span.byte_begin());
    std::optional<int64_t> end = map.CodePointOffset(span.byte_end());
    if (!begin || !end || *end < *begin) {
      ++out.invalid_spans;
      return false;
    }
    *result = Span{*begin, *end};
    return true;
  };
  for (const v1::Number& n : doc.numbers()) {
    PredictedNumber p;
    if (!convert(n.span(), &p.span)) continue;
    p.kind = n.kind();
    p.value = n.value();
    p.has_range = n.has_range();
    p.low = n.range().low();
    p.high = n.range().high();
    p.unit = n.unit();
    p.timex = n.timex();
    out.numbers.push_back(std::move(p));
  }
  for (const v1::Entity& e : doc.entities()) {
    PredictedEntity p;
    if (!convert(e.span(), &p.span)) continue;
    p.type = e.type();
    p.canonical = e.canonical();
    out.entities.push_back(std::move(p));
  }
  for (const v1::Sentence& s : doc.sentences()) {
    PredictedSentence p;
    if (!convert(s.span(), &p.span)) continue;
    p.label = s.sentiment().label();
    out.sentences.push_back(p);
  }
  out.has_document_sentiment = doc.has_sentiment();
  out.document_score = doc.sentiment().score();
  out.document_label = doc.sentiment().label();
  for (const v1::EntitySentiment& es : doc.entity_sentiments()) {
    out.entity_sentiments.emplace(es.canonical(), es.sentiment().label());
  }
  return out;
}

// ------------------------------------------------------------- matching

std::vector<std::pair<int, int>> MatchSpans(
    const std::vector<Span>& gold, const std::vector<Span>& pred,
    absl::FunctionRef<bool(int, int)> accept) {
  auto by_begin = [](const std::vector<Span>& spans) {
    std::vector<int> order(spans.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return spans[a].begin < spans[b].begin;
    });
    return order;
  };
  const std::vector<int> gold_order = by_begin(gold);
  const std::vector<int> pred_order = by_begin(pred);

  // Candidate pairs by an interval sweep over gold in order of begin: the
  // active predictions start before the current gold ends; those ending
  // before the current gold begins can overlap no later gold.
  struct Candidate {
    bool exact;
    int64_t overlap;
    int gold;
    int pred;
  };
  std::vector<Candidate> candidates;
  std::vector<int> active;
  size_t next = 0;
  for (int g : gold_order) {
    const Span& gs = gold[g];
    while (next < pred_order.size() && pred[pred_order[next]].begin < gs.end) {
      active.push_back(pred_order[next++]);
    }
    active.erase(std::remove_if(active.begin(), active.end(),
                                [&](int p) { return pred[p].end <= gs.begin; }),
                 active.end());
    for (int p : active) {
      const Span& ps = pred[p];
      if (!Overlaps(gs, ps)) continue;
      if (!accept(g, p)) continue;
      candidates.push_back({gs == ps,
                            std::min(gs.end, ps.end) -
                                std::max(gs.begin, ps.begin),
                            g, p});
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) {
              return std::make_tuple(!a.exact, -a.overlap, a.gold, a.pred) <
                     std::make_tuple(!b.exact, -b.overlap, b.gold, b.pred);
            });
  std::vector<bool> gold_used(gold.size(), false);
  std::vector<bool> pred_used(pred.size(), false);
  std::vector<std::pair<int, int>> pairs;
  for (const Candidate& c : candidates) {
    if (gold_used[c.gold] || pred_used[c.pred]) continue;
    gold_used[c.gold] = true;
    pred_used[c.pred] = true;
    pairs.emplace_back(c.gold, c.pred);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

double Prf::Precision() const {
  return tp + fp == 0 ? 0 : double(tp) / (tp + fp);
}
double Prf::Recall() const {
  return tp + fn == 0 ? 0 : double(tp) / (tp + fn);
}
double Prf::F1() const {
  return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
}
Prf& Prf::operator+=(const Prf& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  return *this;
}

Accuracy& Accuracy::operator+=(const Accuracy& other) {
  correct += other.correct;
  total += other.total;
  return *this;
}

Prf ScoreWithOptional(const std::vector<Span>& gold,
                      const std::vector<bool>& gold_optional,
                      const std::vector<Span>& pred,
                      absl::FunctionRef<bool(int, int)> accept,
                      std::vector<std::pair<int, int>>* pairs) {
  std::vector<Span> required;
  std::vector<int> required_index;
  std::vector<Span> optional;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (i < gold_optional.size() && gold_optional[i]) {
      optional.push_back(gold[i]);
    } else {
      required.push_back(gold[i]);
      required_index.push_back(static_cast<int>(i));
    }
  }
  std::vector<std::pair<int, int>> matched = MatchSpans(
      required, pred,
      [&](int g, int p) { return accept(required_index[g], p); });
  Prf prf;
  prf.tp = static_cast<int>(matched.size());
  prf.fn = static_cast<int>(required.size()) - prf.tp;

  std::vector<bool> pred_used(pred.size(), false);
  for (auto& [g, p] : matched) {
    pred_used[p] = true;
    g = required_index[g];
  }
  // Predictions overlapping an optional item are neither rewarded nor
  // penalised. Optional items are a handful per file, so a plain scan.
  std::vector<bool> excused(pred.size(), false);
  for (size_t p = 0; p < pred.size(); ++p) {
    for (const Span& o : optional) {
      if (Overlaps(o, pred[p])) excused[p] = true;
    }
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (!pred_used[p] && !excused[p]) ++prf.fp;
  }
  if (pairs != nullptr) *pairs = std::move(matched);
  return prf;
}

// --------------------------------------------------------------- checks

bool NearlyEqual(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

bool NumberKindMatches(const std::string& gold_kind,
                       const PredictedNumber& pred) {
  using v1::Number;
  if (gold_kind == "range") return pred.has_range;
  if (gold_kind == "money") return pred.kind == Number::MONEY;
  if (gold_kind == "percent") return pred.kind == Number::PERCENT;
  if (gold_kind == "share_price") return pred.kind == Number::SHARE_PRICE;
  if (gold_kind == "count") return pred.kind == Number::CARDINAL;
  if (gold_kind == "year" || gold_kind == "date") {
    return pred.kind == Number::DATE;
  }
  if (gold_kind == "ordinal") return pred.kind == Number::ORDINAL;
  if (gold_kind == "multiplier") return pred.kind == Number::MULTIPLIER;
  if (gold_kind == "other") {
    return pred.kind == Number::DURATION || pred.kind == Number::QUANTITY;
  }
  return false;
}

bool NumberValueMatches(const GoldNumber& gold, const PredictedNumber& pred) {
  if (!UnitMatches(gold.unit, pred.unit)) return false;
  switch (gold.value_type) {
    case GoldNumber::ValueType::kNone:
      return false;
    case GoldNumber::ValueType::kRange:
      return pred.has_range && NearlyEqual(gold.low, pred.low) &&
             NearlyEqual(gold.high, pred.high);
    case GoldNumber::ValueType::kIso:
      return gold.iso == pred.timex;
    case GoldNumber::ValueType::kScalar:
      if (NearlyEqual(gold.value, pred.value)) return true;
      // A year may be given by its timex alone.
      return gold.kind == "year" && gold.value == std::floor(gold.value) &&
             pred.timex == absl::StrCat(static_cast<int64_t>(gold.value));
  }
  return false;
}

bool EntityTypeMatches(const GoldEntity& gold, v1::Entity::Type type) {
  const std::string& name = v1::Entity::Type_Name(type);
  if (name == gold.type) return true;
  if (!gold.alt_type.empty() && name == gold.alt_type) return true;
  return type == v1::Entity::NORP && gold.subtype == "NORP";
}

bool LabelMatches(const std::string& gold_polarity,
                  v1::Sentiment::Label label) {
  return !gold_polarity.empty() && gold_polarity == GoldPolarityName(label);
}

bool DocumentSignOk(double gold_score, double predicted_score) {
  if (gold_score >= 0.1) return predicted_score > 0;
  if (gold_score <= -0.1) return predicted_score < 0;
  return std::fabs(predicted_score) <= 0.15;
}

// --------------------------------------------------------------- scores

SectionScores& SectionScores::operator+=(const SectionScores& other) {
  number_detection += other.number_detection;
  number_exact_span += other.number_exact_span;
  number_value += other.number_value;
  number_kind += other.number_kind;
  for (const auto& [key, count] : other.kind_confusion) {
    kind_confusion[key] += count;
  }
  entity_typed += other.entity_typed;
  entity_span += other.entity_span;
  entity_canonical += other.entity_canonical;
  sentence_span += other.sentence_span;
  return *this;
}

FileScores ScoreFile(const GoldDocument& gold, const Predictions& pred) {
  FileScores out;
  out.file = gold.file;
  out.body = ScoreSection(gold, pred, /*body_only=*/true, &out.errors);
  out.all = ScoreSection(gold, pred, /*body_only=*/false, nullptr);

  // Sentence polarity: gold body sentences overlap-matched to predictions
  // outside boilerplate.
  {
    std::vector<int> gi;
    for (int i = 0; i < static_cast<int>(gold.sentences.size()); ++i) {
      if (!gold.sentences[i].boilerplate) gi.push_back(i);
    }
    const std::vector<int> pi =
        PredInScope(pred.sentences, gold.boilerplate_spans, true);
    const std::vector<Span> gs = SpansAt(gold.sentences, gi);
    const std::vector<Span> ps = SpansAt(pred.sentences, pi);
    out.gold_body_sentences = static_cast<int>(gi.size());
    for (const auto& [g, p] :
         MatchSpans(gs, ps, [](int, int) { return true; })) {
      const GoldSentence& sentence = gold.sentences[gi[g]];
      const v1::Sentiment::Label label = pred.sentences[pi[p]].label;
      ++out.sentence_polarity.total;
      if (LabelMatches(sentence.polarity, label)) {
        ++out.sentence_polarity.correct;
      } else {
        out.errors.push_back(
            {"sentence polarity", sentence.span,
             absl::StrCat("predicted ", v1::Sentiment::Label_Name(label),
                          ", gold ", sentence.polarity)});
      }
    }
  }

  for (const GoldEntitySentiment& es : gold.entity_sentiment) {
    ++out.entity_sentiment.total;
    auto it = pred.entity_sentiments.find(es.canonical);
    if (it != pred.entity_sentiments.end() &&
        LabelMatches(es.polarity, it->second)) {
      ++out.entity_sentiment.correct;
    } else {
      out.errors.push_back(
          {"entity sentiment", Span{},
           absl::StrCat(es.canonical, ": predicted ",
                        it == pred.entity_sentiments.end()
                            ? "nothing"
                            : v1::Sentiment::Label_Name(it->second),
                        ", gold ", es.polarity)});
    }
  }

  out.gold_document_score = gold.document_score;
  out.gold_document_polarity = gold.document_polarity;
  out.has_predicted_document = pred.has_document_sentiment;
  out.predicted_document_score = pred.document_score;
  out.predicted_document_label = pred.document_label;
  out.document_sign_ok = pred.has_document_sentiment &&
                         DocumentSignOk(gold.document_score,
                                        pred.document_score);
  return out;
}

}  // namespace loupe::eval
