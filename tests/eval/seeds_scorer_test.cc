#include "tests/eval/seeds_scorer.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe::eval {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// "Zoë" (ë = 2 bytes), "€" (3 bytes), "😀" (4 bytes).
constexpr absl::string_view kMixed = "Zo\xC3\xAB paid \xE2\x82\xAC" "5 \xF0\x9F\x98\x80 ok";

TEST(OffsetMapTest, MapsCodePointsAndBytesBothWays) {
  const OffsetMap map(kMixed);
  // Z o ë ' ' p a i d ' ' € 5 ' ' 😀 ' ' o k
  EXPECT_EQ(map.num_code_points(), 16);
  EXPECT_EQ(map.ByteOffset(0), 0u);
  EXPECT_EQ(map.ByteOffset(3), 4u);    // after "Zoë"
  EXPECT_EQ(map.ByteOffset(9), 10u);   // "€"
  EXPECT_EQ(map.ByteOffset(10), 13u);  // "5"
  EXPECT_EQ(map.ByteOffset(12), 15u);  // "😀"
  EXPECT_EQ(map.ByteOffset(13), 19u);
  EXPECT_EQ(map.ByteOffset(16), kMixed.size());
  EXPECT_EQ(map.ByteOffset(17), std::nullopt);
  EXPECT_EQ(map.ByteOffset(-1), std::nullopt);

  EXPECT_EQ(map.CodePointOffset(13), 10);
  EXPECT_EQ(map.CodePointOffset(19), 13);
  EXPECT_EQ(map.CodePointOffset(kMixed.size()), 16);
  EXPECT_EQ(map.CodePointOffset(3), std::nullopt);   // inside "ë"
  EXPECT_EQ(map.CodePointOffset(16), std::nullopt);  // inside "😀"
  EXPECT_EQ(map.CodePointOffset(kMixed.size() + 1), std::nullopt);

  EXPECT_EQ(map.Slice(kMixed, Span{9, 11}), "\xE2\x82\xAC" "5");
  EXPECT_EQ(map.Slice(kMixed, Span{12, 13}), "\xF0\x9F\x98\x80");
  EXPECT_EQ(map.Slice(kMixed, Span{12, 40}), "");
}

TEST(OffsetMapTest, EmptyText) {
  const OffsetMap map("");
  EXPECT_EQ(map.num_code_points(), 0);
  EXPECT_EQ(map.ByteOffset(0), 0u);
  EXPECT_EQ(map.CodePointOffset(0), 0);
  EXPECT_EQ(map.CodePointOffset(1), std::nullopt);
}

TEST(PredictionsFromDocumentTest, ConvertsByteSpansAndDropsBrokenOnes) {
  v1::Document doc;
  doc.set_text(std::string(kMixed));
  v1::Number* money = doc.add_numbers();
  money->mutable_span()->set_byte_begin(10);  // "€5"
  money->mutable_span()->set_byte_end(14);
  money->set_kind(v1::Number::MONEY);
  money->set_value(5);
  money->set_unit("EUR");
  v1::Number* broken = doc.add_numbers();
  broken->mutable_span()->set_byte_begin(11);  // inside "€"
  broken->mutable_span()->set_byte_end(14);
  v1::Entity* person = doc.add_entities();
  person->mutable_span()->set_byte_begin(0);
  person->mutable_span()->set_byte_end(4);
  person->set_type(v1::Entity::PERSON);
  person->set_canonical("Zoë");
  v1::Entity* past_end = doc.add_entities();
  past_end->mutable_span()->set_byte_begin(20);
  past_end->mutable_span()->set_byte_end(99);
  doc.mutable_sentiment()->set_score(0.5f);
  doc.mutable_sentiment()->set_label(v1::Sentiment::POSITIVE);

  const Predictions pred = PredictionsFromDocument(doc);
  ASSERT_EQ(pred.numbers.size(), 1u);
  EXPECT_EQ(pred.numbers[0].span, (Span{9, 11}));
  EXPECT_EQ(pred.numbers[0].unit, "EUR");
  ASSERT_EQ(pred.entities.size(), 1u);
  EXPECT_EQ(pred.entities[0].span, (Span{0, 3}));
  EXPECT_EQ(pred.invalid_spans, 2);
  EXPECT_TRUE(pred.has_document_sentiment);
  EXPECT_FLOAT_EQ(pred.document_score, 0.5);
}

TEST(PredictionsFromDocumentTest, NoSentimentMeansNoDocumentScore) {
  v1::Document doc;
  doc.set_text("plain");
  EXPECT_FALSE(PredictionsFromDocument(doc).has_document_sentiment);
}

TEST(MatchSpansTest, OneToOneOnOverlap) {
  // Two gold items, one long prediction covering both: only one match.
  const std::vector<Span> gold = {{0, 5}, {6, 10}};
  const std::vector<Span> pred = {{0, 10}};
  EXPECT_THAT(MatchSpans(gold, pred, [](int, int) { return true; }),
              ElementsAre(Pair(0, 0)));
}

TEST(MatchSpansTest, PrefersExactSpanThenLargerOverlap) {
  const std::vector<Span> gold = {{10, 20}};
  const std::vector<Span> pred = {{8, 12}, {12, 30}, {10, 20}};
  EXPECT_THAT(MatchSpans(gold, pred, [](int, int) { return true; }),
              ElementsAre(Pair(0, 2)));
  const std::vector<Span> no_exact = {{8, 12}, {12, 30}};
  EXPECT_THAT(MatchSpans(gold, no_exact, [](int, int) { return true; }),
              ElementsAre(Pair(0, 1)));
}

TEST(MatchSpansTest, TouchingSpansDoNotOverlap) {
  EXPECT_TRUE(MatchSpans({{0, 5}}, {{5, 9}}, [](int, int) { return true; })
                  .empty());
}

TEST(MatchSpansTest, AcceptFiltersPairs) {
  const std::vector<Span> gold = {{0, 4}};
  const std::vector<Span> pred = {{0, 4}, {1, 3}};
  EXPECT_THAT(MatchSpans(gold, pred, [](int, int p) { return p == 1; }),
              ElementsAre(Pair(0, 1)));
}

TEST(MatchSpansTest, LongPredictionStillSeenByLaterGold) {
  // The sweep must keep a long prediction active past shorter gold items;
  // it overlaps gold 2 by 2 code points and gold 0 by only 1.
  const std::vector<Span> gold = {{0, 2}, {3, 5}, {50, 52}};
  const std::vector<Span> pred = {{1, 60}, {3, 5}};
  EXPECT_THAT(MatchSpans(gold, pred, [](int, int) { return true; }),
              ElementsAre(Pair(1, 1), Pair(2, 0)));
  EXPECT_THAT(MatchSpans(gold, {{1, 60}}, [](int g, int) { return g == 2; }),
              ElementsAre(Pair(2, 0)));
}

TEST(PrfTest, Ratios) {
  const Prf prf{3, 1, 2};
  EXPECT_DOUBLE_EQ(prf.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(prf.Recall(), 0.6);
  EXPECT_DOUBLE_EQ(prf.F1(), 6.0 / 9.0);
  const Prf empty;
  EXPECT_EQ(empty.Precision(), 0);
  EXPECT_EQ(empty.F1(), 0);
}

TEST(ScoreWithOptionalTest, OptionalItemsNeitherRewardNorPenalise) {
  const std::vector<Span> gold = {{0, 3}, {10, 13}, {20, 23}};
  const std::vector<bool> optional = {false, true, true};
  // Hits the required item, hits optional item 1, misses optional item 2,
  // and adds one spurious prediction.
  const std::vector<Span> pred = {{0, 3}, {10, 13}, {30, 33}};
  std::vector<std::pair<int, int>> pairs;
  const Prf prf = ScoreWithOptional(
      gold, optional, pred, [](int, int) { return true; }, &pairs);
  EXPECT_EQ(prf.tp, 1);
  EXPECT_EQ(prf.fp, 1);
  EXPECT_EQ(prf.fn, 0);
  EXPECT_THAT(pairs, ElementsAre(Pair(0, 0)));
}

TEST(ScoreWithOptionalTest, PairsReferToOriginalGoldIndices) {
  const std::vector<Span> gold = {{0, 3}, {5, 8}};
  std::vector<std::pair<int, int>> pairs;
  const Prf prf = ScoreWithOptional(
      gold, {true, false}, {{5, 8}}, [](int, int) { return true; }, &pairs);
  EXPECT_EQ(prf.tp, 1);
  EXPECT_THAT(pairs, ElementsAre(Pair(1, 0)));
}

GoldNumber Scalar(const std::string& kind, double value,
                  std::optional<std::string> unit) {
  GoldNumber n;
  n.kind = kind;
  n.value_type = GoldNumber::ValueType::kScalar;
  n.value = value;
  n.unit = std::move(unit);
  return n;
}

TEST(NumberChecksTest, ScalarValueWithinRelativeTolerance) {
  const GoldNumber gold = Scalar("money", 3.2e9, "USD");
  PredictedNumber pred;
  pred.kind = v1::Number::MONEY;
  pred.unit = "USD";
  pred.value = 3.2e9 * (1 + 5e-7);
  EXPECT_TRUE(NumberValueMatches(gold, pred));
  pred.value = 3.2e9 * (1 + 5e-6);
  EXPECT_FALSE(NumberValueMatches(gold, pred));
  pred.value = 3.2e9;
  pred.unit = "EUR";
  EXPECT_FALSE(NumberValueMatches(gold, pred));
}

TEST(NumberChecksTest, NullGoldUnitRejectsCurrencyAndPercent) {
  const GoldNumber gold = Scalar("other", 3, std::nullopt);
  PredictedNumber pred;
  pred.value = 3;
  pred.kind = v1::Number::DURATION;
  pred.unit = "week";
  EXPECT_TRUE(NumberValueMatches(gold, pred));
  pred.unit = "";
  EXPECT_TRUE(NumberValueMatches(gold, pred));
  pred.unit = "%";
  EXPECT_FALSE(NumberValueMatches(gold, pred));
  pred.unit = "GBP";
  EXPECT_FALSE(NumberValueMatches(gold, pred));
}

TEST(NumberChecksTest, RangeComparesBothEnds) {
  GoldNumber gold;
  gold.kind = "range";
  gold.value_type = GoldNumber::ValueType::kRange;
  gold.low = 20;
  gold.high = 30;
  gold.unit = "%";
  PredictedNumber pred;
  pred.kind = v1::Number::PERCENT;
  pred.unit = "%";
  pred.value = 20;
  EXPECT_FALSE(NumberValueMatches(gold, pred));  // no range set
  EXPECT_FALSE(NumberKindMatches("range", pred));
  pred.has_range = true;
  pred.low = 20;
  pred.high = 30;
  EXPECT_TRUE(NumberValueMatches(gold, pred));
  EXPECT_TRUE(NumberKindMatches("range", pred));
  pred.high = 31;
  EXPECT_FALSE(NumberValueMatches(gold, pred));
}

TEST(NumberChecksTest, DatesCompareTimex) {
  GoldNumber gold;
  gold.kind = "date";
  gold.value_type = GoldNumber::ValueType::kIso;
  gold.iso = "XXXX-03-14";
  PredictedNumber pred;
  pred.kind = v1::Number::DATE;
  pred.timex = "XXXX-03-14";
  EXPECT_TRUE(NumberValueMatches(gold, pred));
  pred.timex = "2019-03-14";
  EXPECT_FALSE(NumberValueMatches(gold, pred));

  // A year matches by value or by timex.
  const GoldNumber year = Scalar("year", 1987, std::nullopt);
  PredictedNumber by_timex;
  by_timex.kind = v1::Number::DATE;
  by_timex.timex = "1987";
  EXPECT_TRUE(NumberValueMatches(year, by_timex));
  by_timex.timex = "1988";
  EXPECT_FALSE(NumberValueMatches(year, by_timex));
}

TEST(NumberChecksTest, KindMapping) {
  PredictedNumber pred;
  pred.kind = v1::Number::CARDINAL;
  EXPECT_TRUE(NumberKindMatches("count", pred));
  EXPECT_FALSE(NumberKindMatches("money", pred));
  pred.kind = v1::Number::DATE;
  EXPECT_TRUE(NumberKindMatches("year", pred));
  EXPECT_TRUE(NumberKindMatches("date", pred));
  pred.kind = v1::Number::QUANTITY;
  EXPECT_TRUE(NumberKindMatches("other", pred));
  pred.kind = v1::Number::DURATION;
  EXPECT_TRUE(NumberKindMatches("other", pred));
  EXPECT_FALSE(NumberKindMatches("no such kind", pred));
}

TEST(EntityChecksTest, AltTypeAndNorpSubtype) {
  GoldEntity gold;
  gold.type = "LOC";
  gold.alt_type = "ORG";
  EXPECT_TRUE(EntityTypeMatches(gold, v1::Entity::LOC));
  EXPECT_TRUE(EntityTypeMatches(gold, v1::Entity::ORG));
  EXPECT_FALSE(EntityTypeMatches(gold, v1::Entity::GPE));

  GoldEntity demonym;
  demonym.type = "MISC";
  demonym.subtype = "NORP";
  EXPECT_TRUE(EntityTypeMatches(demonym, v1::Entity::MISC));
  EXPECT_TRUE(EntityTypeMatches(demonym, v1::Entity::NORP));
  GoldEntity plain_misc;
  plain_misc.type = "MISC";
  EXPECT_FALSE(EntityTypeMatches(plain_misc, v1::Entity::NORP));
}

TEST(LabelTest, MixedOnlyMatchesMixed) {
  EXPECT_TRUE(LabelMatches("positive", v1::Sentiment::POSITIVE));
  EXPECT_FALSE(LabelMatches("positive", v1::Sentiment::MIXED));
  EXPECT_FALSE(LabelMatches("neutral", v1::Sentiment::MIXED));
  EXPECT_TRUE(LabelMatches("mixed", v1::Sentiment::MIXED));
  EXPECT_FALSE(LabelMatches("neutral", v1::Sentiment::LABEL_UNSPECIFIED));
  EXPECT_FALSE(LabelMatches("", v1::Sentiment::LABEL_UNSPECIFIED));
}

TEST(DocumentSignTest, Rule) {
  EXPECT_TRUE(DocumentSignOk(0.1, 0.01));
  EXPECT_FALSE(DocumentSignOk(0.1, 0.0));
  EXPECT_TRUE(DocumentSignOk(-0.4, -0.2));
  EXPECT_FALSE(DocumentSignOk(-0.1, 0.3));
  EXPECT_TRUE(DocumentSignOk(0.05, -0.15));
  EXPECT_TRUE(DocumentSignOk(-0.05, 0.1));
  EXPECT_FALSE(DocumentSignOk(0.0, 0.16));
  EXPECT_FALSE(DocumentSignOk(0.0, -0.2));
}

// An invented two-paragraph text with an ad line; offsets in code points.
//   "Café Nord lost 12% (€3 bn).\nAdvertisements\nRivals gained 2 points."
constexpr absl::string_view kText =
    "Caf\xC3\xA9 Nord lost 12% (\xE2\x82\xAC" "3 bn).\nAdvertisements 5\n"
    "Rivals gained 2 points.";
constexpr absl::string_view kGoldJson = R"json({
  "file": "invented.txt",
  "numbers": [
    {"text": "12%", "start": 15, "end": 18, "kind": "percent", "value": 12,
     "unit": "%"},
    {"text": "€3 bn", "start": 20, "end": 25, "kind": "money",
     "value": 3000000000, "unit": "EUR"},
    {"text": "5", "start": 43, "end": 44, "kind": "count", "value": 5,
     "unit": null, "boilerplate": true},
    {"text": "2", "start": 59, "end": 60, "kind": "count", "value": 2,
     "unit": null, "optional": true}
  ],
  "entities": [
    {"text": "Café Nord", "start": 0, "end": 9, "type": "ORG",
     "canonical": "Cafe Nord", "alt_canonical": "Café Nord"},
    {"text": "Rivals", "start": 45, "end": 51, "type": "ORG",
     "canonical": "Rivals", "optional": true}
  ],
  "sentences": [
    {"text": "Café Nord lost 12% (€3 bn).", "start": 0, "end": 27,
     "polarity": "negative"},
    {"text": "Advertisements 5", "start": 28, "end": 44,
     "polarity": "neutral", "boilerplate": true},
    {"text": "Rivals gained 2 points.", "start": 45, "end": 68,
     "polarity": "positive"}
  ],
  "entity_sentiment": [
    {"canonical": "Cafe Nord", "polarity": "negative"},
    {"canonical": "Rivals", "polarity": "positive"}
  ],
  "document_sentiment": {"polarity": "negative", "score": -0.3},
  "boilerplate_spans": [
    {"text": "Advertisements 5", "start": 28, "end": 44, "kind": "ad"}
  ],
  "unknown_key": [1, 2, 3]
})json";

TEST(ParseGoldDocumentTest, ReadsAllSections) {
  absl::StatusOr<GoldDocument> gold = ParseGoldDocument(kGoldJson);
  ASSERT_TRUE(gold.ok()) << gold.status();
  EXPECT_EQ(gold->file, "invented.txt");
  ASSERT_EQ(gold->numbers.size(), 4u);
  EXPECT_EQ(gold->numbers[1].span, (Span{20, 25}));
  EXPECT_EQ(gold->numbers[1].value_type, GoldNumber::ValueType::kScalar);
  EXPECT_EQ(gold->numbers[1].unit, "EUR");
  EXPECT_EQ(gold->numbers[2].unit, std::nullopt);
  EXPECT_TRUE(gold->numbers[2].boilerplate);
  EXPECT_TRUE(gold->numbers[3].optional);
  ASSERT_EQ(gold->entities.size(), 2u);
  EXPECT_EQ(gold->entities[0].alt_canonical, "Caf\xC3\xA9 Nord");
  ASSERT_EQ(gold->sentences.size(), 3u);
  EXPECT_TRUE(gold->sentences[1].boilerplate);
  ASSERT_EQ(gold->entity_sentiment.size(), 2u);
  EXPECT_DOUBLE_EQ(gold->document_score, -0.3);
  ASSERT_EQ(gold->boilerplate_spans.size(), 1u);
  EXPECT_EQ(CountGoldTextMismatches(*gold, kText, nullptr), 0);
}

TEST(ParseGoldDocumentTest, RangeAndIsoValues) {
  absl::StatusOr<GoldDocument> gold = ParseGoldDocument(R"json({
    "numbers": [
      {"start": 0, "end": 7, "kind": "range", "value": [3, 4], "unit": null},
      {"start": 9, "end": 15, "kind": "date", "value": "1999-12", "unit": null}
    ]})json");
  ASSERT_TRUE(gold.ok()) << gold.status();
  EXPECT_EQ(gold->numbers[0].value_type, GoldNumber::ValueType::kRange);
  EXPECT_EQ(gold->numbers[0].high, 4);
  EXPECT_EQ(gold->numbers[1].value_type, GoldNumber::ValueType::kIso);
  EXPECT_EQ(gold->numbers[1].iso, "1999-12");
}

TEST(ParseGoldDocumentTest, RejectsBadInput) {
  EXPECT_FALSE(ParseGoldDocument("{not json").ok());
  EXPECT_FALSE(ParseGoldDocument("[1, 2]").ok());
  absl::StatusOr<GoldDocument> no_start =
      ParseGoldDocument(R"({"entities": [{"end": 3, "type": "ORG"}]})");
  ASSERT_FALSE(no_start.ok());
  EXPECT_THAT(no_start.status().message(), HasSubstr("entities[0]"));
  EXPECT_FALSE(
      ParseGoldDocument(R"({"sentences": [{"start": 1.5, "end": 3}]})").ok());
  EXPECT_FALSE(
      ParseGoldDocument(R"({"sentences": [{"start": 5, "end": 3}]})").ok());
  EXPECT_FALSE(ParseGoldDocument(
                   R"({"numbers": [{"start": 0, "end": 3, "value": [1]}]})")
                   .ok());
}

TEST(CountGoldTextMismatchesTest, CountsBadOffsets) {
  GoldDocument gold;
  GoldEntity ok;
  ok.span = {0, 9};
  ok.text = "Caf\xC3\xA9 Nord";
  GoldEntity byte_offsets;  // a byte-offset span is one code point off
  byte_offsets.span = {0, 10};
  byte_offsets.text = "Caf\xC3\xA9 Nord";
  GoldEntity past_end;
  past_end.span = {60, 900};
  past_end.text = "x";
  gold.entities = {ok, byte_offsets, past_end};
  std::vector<std::string> details;
  EXPECT_EQ(CountGoldTextMismatches(gold, kText, &details), 2);
  ASSERT_EQ(details.size(), 2u);
  EXPECT_THAT(details[0], HasSubstr("[0, 10)"));
}

// Builds a v1::Document over kText with byte offsets from code points.
class ScoreFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<GoldDocument> gold = ParseGoldDocument(kGoldJson);
    ASSERT_TRUE(gold.ok()) << gold.status();
    gold_ = *gold;
    doc_.set_text(std::string(kText));
  }
  void SetSpan(Span span, v1::TextSpan* out) {
    const OffsetMap map(kText);
    out->set_byte_begin(static_cast<uint32_t>(*map.ByteOffset(span.begin)));
    out->set_byte_end(static_cast<uint32_t>(*map.ByteOffset(span.end)));
  }
  v1::Number* AddNumber(Span span, v1::Number::Kind kind, double value,
                        const std::string& unit) {
    v1::Number* n = doc_.add_numbers();
    SetSpan(span, n->mutable_span());
    n->set_kind(kind);
    n->set_value(value);
    n->set_unit(unit);
    return n;
  }
  void AddEntity(Span span, v1::Entity::Type type, const std::string& name) {
    v1::Entity* e = doc_.add_entities();
    SetSpan(span, e->mutable_span());
    e->set_type(type);
    e->set_canonical(name);
  }
  void AddSentence(Span span, v1::Sentiment::Label label) {
    v1::Sentence* s = doc_.add_sentences();
    SetSpan(span, s->mutable_span());
    s->mutable_sentiment()->set_label(label);
  }

  GoldDocument gold_;
  v1::Document doc_;
};

TEST_F(ScoreFileTest, EmptyPredictionScoresZero) {
  const FileScores scores = ScoreFile(gold_, PredictionsFromDocument(doc_));
  EXPECT_EQ(scores.body.number_detection.tp, 0);
  EXPECT_EQ(scores.body.number_detection.fn, 2);  // optional one not counted
  EXPECT_EQ(scores.all.number_detection.fn, 3);   // + the boilerplate one
  EXPECT_EQ(scores.body.entity_typed.fn, 1);
  EXPECT_EQ(scores.all.sentence_span.fn, 3);
  EXPECT_EQ(scores.body.sentence_span.fn, 2);
  EXPECT_EQ(scores.entity_sentiment.correct, 0);
  EXPECT_EQ(scores.entity_sentiment.total, 2);
  EXPECT_FALSE(scores.has_predicted_document);
  EXPECT_FALSE(scores.document_sign_ok);
}

TEST_F(ScoreFileTest, CountsEachMetric) {
  AddNumber({15, 18}, v1::Number::PERCENT, 12, "%");          // exact, right
  AddNumber({20, 23}, v1::Number::MONEY, 3, "EUR");           // partial, wrong value
  AddNumber({43, 44}, v1::Number::CARDINAL, 5, "");           // in the ad
  AddNumber({59, 60}, v1::Number::CARDINAL, 2, "");           // optional gold
  AddNumber({4, 8}, v1::Number::CARDINAL, 0, "");             // spurious
  AddEntity({0, 9}, v1::Entity::ORG, "Caf\xC3\xA9 Nord");     // alt canonical
  AddEntity({45, 51}, v1::Entity::ORG, "Rivals");             // optional gold
  AddEntity({28, 42}, v1::Entity::MISC, "Advertisements");    // in the ad
  AddSentence({0, 27}, v1::Sentiment::NEGATIVE);
  AddSentence({28, 44}, v1::Sentiment::NEUTRAL);
  AddSentence({45, 60}, v1::Sentiment::MIXED);  // overlaps, wrong label
  AddSentence({61, 68}, v1::Sentiment::POSITIVE);
  doc_.mutable_sentiment()->set_score(-0.25f);
  v1::EntitySentiment* es = doc_.add_entity_sentiments();
  es->set_canonical("Cafe Nord");
  es->mutable_sentiment()->set_label(v1::Sentiment::NEGATIVE);

  const FileScores s = ScoreFile(gold_, PredictionsFromDocument(doc_));
  // Numbers, body: gold {12%, €3 bn}; predictions outside the ad: 4, of which
  // one overlaps the optional gold item.
  EXPECT_EQ(s.body.number_detection.tp, 2);
  EXPECT_EQ(s.body.number_detection.fp, 1);
  EXPECT_EQ(s.body.number_detection.fn, 0);
  EXPECT_EQ(s.body.number_exact_span.tp, 1);
  EXPECT_EQ(s.body.number_exact_span.fp, 2);
  EXPECT_EQ(s.body.number_value.tp, 1);
  EXPECT_EQ(s.body.number_kind.correct, 2);
  EXPECT_EQ((s.body.kind_confusion.at({"money", "MONEY"})), 1);
  // All: the ad's number is gold too.
  EXPECT_EQ(s.all.number_detection.tp, 3);
  EXPECT_EQ(s.all.number_detection.fp, 1);

  EXPECT_EQ(s.body.entity_typed.tp, 1);
  EXPECT_EQ(s.body.entity_typed.fp, 0);
  EXPECT_EQ(s.all.entity_typed.fp, 1);  // "Advertisements" counts in all
  EXPECT_EQ(s.body.entity_canonical.correct, 1);
  EXPECT_EQ(s.body.entity_canonical.total, 1);

  EXPECT_EQ(s.body.sentence_span.tp, 1);
  EXPECT_EQ(s.body.sentence_span.fp, 2);
  EXPECT_EQ(s.body.sentence_span.fn, 1);
  EXPECT_EQ(s.all.sentence_span.tp, 2);
  // Polarity over the two body sentences: the first right; the second is
  // matched to the larger overlapping prediction, labelled MIXED.
  EXPECT_EQ(s.sentence_polarity.total, 2);
  EXPECT_EQ(s.sentence_polarity.correct, 1);

  EXPECT_EQ(s.entity_sentiment.correct, 1);
  EXPECT_EQ(s.entity_sentiment.total, 2);
  EXPECT_TRUE(s.has_predicted_document);
  EXPECT_TRUE(s.document_sign_ok);
}

TEST_F(ScoreFileTest, TotalsAddUp) {
  AddNumber({15, 18}, v1::Number::PERCENT, 12, "%");
  const FileScores s = ScoreFile(gold_, PredictionsFromDocument(doc_));
  SectionScores total = s.body;
  total += s.body;
  EXPECT_EQ(total.number_detection.tp, 2 * s.body.number_detection.tp);
  EXPECT_EQ(total.number_detection.fn, 2 * s.body.number_detection.fn);
  EXPECT_EQ((total.kind_confusion.at({"percent", "PERCENT"})), 2);
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The real gold files parse, and every item's text is found at its
// code-point offsets in the corpus file.
TEST(SeedsGoldTest, OffsetsAgreeWithCorpus) {
  const std::filesystem::path gold_dir =
      std::filesystem::path(LOUPE_EVAL_DIR) / "seeds-gold";
  const std::filesystem::path corpus_dir =
      std::filesystem::path(LOUPE_CORPUS_DIR) / "seeds";
  if (!std::filesystem::exists(gold_dir) ||
      !std::filesystem::exists(corpus_dir)) {
    GTEST_SKIP() << "seeds-gold or seed corpus not found under "
                 << LOUPE_EVAL_DIR << " / " << LOUPE_CORPUS_DIR;
  }
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != ".gold.json") {
      continue;
    }
    ++files;
    absl::StatusOr<GoldDocument> gold = ParseGoldDocument(ReadAll(entry.path()));
    ASSERT_TRUE(gold.ok()) << name << ": " << gold.status();
    EXPECT_FALSE(gold->sentences.empty()) << name;
    const std::string text = ReadAll(corpus_dir / gold->file);
    ASSERT_FALSE(text.empty()) << gold->file;
    std::vector<std::string> details;
    EXPECT_EQ(CountGoldTextMismatches(*gold, text, &details), 0)
        << name << ": " << (details.empty() ? "" : details.front());
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace loupe::eval
