// Scores Loupe's output against the hand annotations of the seed articles
// (seeds-gold: numbers, entities, sentences, sentiment). The conventions of
// the gold files are described in seeds-gold/GUIDELINES.md beside them.
//
// All spans here are in Unicode code points, end exclusive, as in the gold
// files; predictions arrive with byte offsets and are converted with the
// document text (OffsetMap).
#ifndef LOUPE_TESTS_EVAL_SEEDS_SCORER_H_
#define LOUPE_TESTS_EVAL_SEEDS_SCORER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"

namespace loupe::eval {

// A half-open range [begin, end) of code points.
struct Span {
  int64_t begin = 0;
  int64_t end = 0;

  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
};

// True if the spans share at least one code point.
inline bool Overlaps(const Span& a, const Span& b) {
  return a.begin < b.end && b.begin < a.end;
}
// True if `inner` lies within `outer`.
inline bool Contains(const Span& outer, const Span& inner) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

// Converts between byte and code-point offsets of one valid UTF-8 text.
// Construction is linear in the text; each lookup is O(log n). The text need
// not outlive the map.
class OffsetMap {
 public:
  explicit OffsetMap(absl::string_view text);

  int64_t num_code_points() const {
    return static_cast<int64_t>(byte_of_.size()) - 1;
  }
  // Byte offset of code point `code_point`; nullopt unless
  // 0 <= code_point <= num_code_points().
  std::optional<size_t> ByteOffset(int64_t code_point) const;
  // Code-point offset of byte `byte`; nullopt if `byte` is past the end or
  // inside a multi-byte character.
  std::optional<int64_t> CodePointOffset(size_t byte) const;
  // Code points [span.begin, span.end) as UTF-8; empty if out of range.
  std::string Slice(absl::string_view text, const Span& span) const;

 private:
  // byte_of_[i] = byte offset of code point i; the last entry is text.size().
  std::vector<size_t> byte_of_;
};

// ---------------------------------------------------------------- gold

struct GoldNumber {
  Span span;
  std::string text;
  std::string kind;  // money, percent, ..., range, other
  enum class ValueType { kNone, kScalar, kRange, kIso };
  ValueType value_type = ValueType::kNone;
  double value = 0;             // kScalar
  double low = 0, high = 0;     // kRange
  std::string iso;              // kIso: "2022-09", "XXXX-01-21"
  std::optional<std::string> unit;  // nullopt where the gold has null
  bool optional = false;
  bool boilerplate = false;
};

struct GoldEntity {
  Span span;
  std::string text;
  std::string type;  // PERSON, ORG, ... as in Entity.Type
  std::string alt_type;
  std::string subtype;  // "NORP" for demonyms typed MISC
  std::string canonical;
  std::string alt_canonical;
  bool optional = false;
  bool boilerplate = false;
  bool nested = false;
};

struct GoldSentence {
  Span span;
  std::string text;
  std::string polarity;  // positive, negative, neutral, mixed
  bool boilerplate = false;
  bool heading = false;
  bool nested = false;
};

struct GoldEntitySentiment {
  std::string canonical;
  std::string polarity;
};

struct GoldDocument {
  std::string file;  // base name of the annotated text, "<stem>.txt"
  std::vector<GoldNumber> numbers;
  std::vector<GoldEntity> entities;
  std::vector<GoldSentence> sentences;
  std::vector<GoldEntitySentiment> entity_sentiment;
  double document_score = 0;
  std::string document_polarity;
  std::vector<Span> boilerplate_spans;
};

// Parses one *.gold.json file. Fails on malformed JSON or items without
// integral start/end.
absl::StatusOr<GoldDocument> ParseGoldDocument(absl::string_view json);

// Number of gold items whose `text` differs from the text at their span
// (a sanity check of the offsets and of the corpus file). Describes each
// mismatch in `details` if non-null.
int CountGoldTextMismatches(const GoldDocument& gold, absl::string_view text,
                            std::vector<std::string>* details);

// --------------------------------------------------------- predictions

struct PredictedNumber {
  Span span;
  v1::Number::Kind kind = v1::Number::KIND_UNSPECIFIED;
  double value = 0;
  bool has_range = false;
  double low = 0, high = 0;
  std::string unit;
  std::string timex;
};

struct PredictedEntity {
  Span span;
  v1::Entity::Type type = v1::Entity::TYPE_UNSPECIFIED;
  std::string canonical;
};

struct PredictedSentence {
  Span span;
  v1::Sentiment::Label label = v1::Sentiment::LABEL_UNSPECIFIED;
};

struct Predictions {
  std::vector<PredictedNumber> numbers;
  std::vector<PredictedEntity> entities;
  std::vector<PredictedSentence> sentences;
  bool has_document_sentiment = false;
  double document_score = 0;
  v1::Sentiment::Label document_label = v1::Sentiment::LABEL_UNSPECIFIED;
  // By canonical name; the first entry wins when a name repeats.
  std::map<std::string, v1::Sentiment::Label> entity_sentiments;
  // Spans dropped for lying outside the text or off character boundaries.
  int invalid_spans = 0;
};

// Converts `doc`'s byte-offset spans to code points of `doc.text()`.
Predictions PredictionsFromDocument(const v1::Document& doc);

// ------------------------------------------------------------ matching

// One-to-one greedy matching of overlapping spans. Only pairs that overlap
// and satisfy `accept(gold_index, pred_index)` are eligible; they are taken
// in order of preference: identical spans first, then larger overlap, then
// earlier gold, then earlier prediction. Returns (gold, pred) index pairs.
// Near-linear for lists without deep nesting (an interval sweep).
std::vector<std::pair<int, int>> MatchSpans(
    const std::vector<Span>& gold, const std::vector<Span>& pred,
    absl::FunctionRef<bool(int, int)> accept);

// Precision/recall/F1 counts. Ratios with a zero denominator are 0.
struct Prf {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
  Prf& operator+=(const Prf& other);
};

struct Accuracy {
  int correct = 0;
  int total = 0;
  double Ratio() const { return total == 0 ? 0 : double(correct) / total; }
  Accuracy& operator+=(const Accuracy& other);
};

// Counts a P/R/F1 with optional gold items: non-optional gold items are
// matched to predictions with MatchSpans(accept); a prediction left unmatched
// that overlaps an optional gold item is ignored (neither TP nor FP).
// `pairs`, if non-null, receives the matched (gold, pred) pairs.
Prf ScoreWithOptional(const std::vector<Span>& gold,
                      const std::vector<bool>& gold_optional,
                      const std::vector<Span>& pred,
                      absl::FunctionRef<bool(int, int)> accept,
                      std::vector<std::pair<int, int>>* pairs);

// ------------------------------------------------------------- checks

// `a` and `b` equal within 1e-6 relative.
bool NearlyEqual(double a, double b);
// The gold kind's expected Number.Kind (see the README for the mapping).
bool NumberKindMatches(const std::string& gold_kind,
                       const PredictedNumber& pred);
// Value and unit agree (ranges by both ends, dates by timex).
bool NumberValueMatches(const GoldNumber& gold, const PredictedNumber& pred);
// Type equals the gold type or alt_type; NORP also matches gold MISC/NORP.
bool EntityTypeMatches(const GoldEntity& gold, v1::Entity::Type type);
// "positive" <-> POSITIVE, ..., "mixed" <-> MIXED.
bool LabelMatches(const std::string& gold_polarity, v1::Sentiment::Label label);
// gold >= 0.1: predicted > 0; gold <= -0.1: predicted < 0;
// otherwise |predicted| <= 0.15.
bool DocumentSignOk(double gold_score, double predicted_score);

// -------------------------------------------------------------- scores

struct SectionScores {
  Prf number_detection;
  Prf number_exact_span;
  Prf number_value;
  Accuracy number_kind;  // over detection pairs
  // (gold kind, predicted kind name) -> count, over detection pairs.
  std::map<std::pair<std::string, std::string>, int> kind_confusion;
  Prf entity_typed;
  Prf entity_span;
  Accuracy entity_canonical;  // over entity_span pairs
  Prf sentence_span;

  SectionScores& operator+=(const SectionScores& other);
};

// One error for --show-errors, in code points of the text.
struct ScoreError {
  std::string what;  // "number FN", "entity FP", ...
  Span span;
  std::string detail;
};

struct FileScores {
  std::string file;
  SectionScores body;  // without boilerplate
  SectionScores all;
  // Over gold non-boilerplate sentences overlap-matched to a prediction.
  Accuracy sentence_polarity;
  int gold_body_sentences = 0;
  Accuracy entity_sentiment;
  double gold_document_score = 0;
  std::string gold_document_polarity;
  bool has_predicted_document = false;
  double predicted_document_score = 0;
  v1::Sentiment::Label predicted_document_label =
      v1::Sentiment::LABEL_UNSPECIFIED;
  bool document_sign_ok = false;
  std::vector<ScoreError> errors;  // body scope
};

FileScores ScoreFile(const GoldDocument& gold, const Predictions& pred);

}  // namespace loupe::eval

#endif  // LOUPE_TESTS_EVAL_SEEDS_SCORER_H_
