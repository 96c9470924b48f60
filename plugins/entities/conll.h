// CoNLL-2003 files: reading them, turning a document into a loupe Document,
// and scoring entity chunks by the rules of the conlleval script.
#ifndef LOUPE_PLUGINS_ENTITIES_CONLL_H_
#define LOUPE_PLUGINS_ENTITIES_CONLL_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"

namespace loupe {
namespace conll {

struct Sentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // the last column: "O", "B-PER", "I-LOC"...
};

struct Document {
  std::vector<Sentence> sentences;
};

// Parses CoNLL text: one token per line, whitespace-separated columns with
// the word first and the entity tag last; blank lines end sentences and
// "-DOCSTART-" lines start documents. A file without -DOCSTART- lines is one
// document. Fails on a line with one column.
absl::StatusOr<std::vector<Document>> Parse(absl::string_view text);
absl::StatusOr<std::vector<Document>> ReadFile(const std::string& path);

// A Document whose text is the sentences one per line with their words
// joined by single spaces, whose tokens are exactly the words (kind guessed
// from the first character) and whose sentences are the CoNLL sentences.
v1::Document ToDocument(const Document& doc);

// A labelled chunk of tokens [begin, end).
struct Chunk {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string type;
  bool operator==(const Chunk& o) const {
    return begin == o.begin && end == o.end && type == o.type;
  }
};

// The chunks of a tag sequence as conlleval reads it: a chunk starts at
// B-X, or at I-X after O or after a tag of another type, and ends before
// O, B-, or a change of type. Works for IOB1 and IOB2.
std::vector<Chunk> ChunksFromTags(const std::vector<std::string>& tags);

// Entity-level precision, recall and F1 (conlleval: a chunk counts only if
// its span and type both match).
class Scorer {
 public:
  struct Counts {
    int64_t gold = 0;
    int64_t predicted = 0;
    int64_t correct = 0;
    double Precision() const { return predicted ? double(correct) / predicted : 0; }
    double Recall() const { return gold ? double(correct) / gold : 0; }
    double F1() const {
      const double p = Precision(), r = Recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
  };

  // Adds one sentence (or any unit in which chunk offsets are comparable).
  void Add(const std::vector<Chunk>& gold, const std::vector<Chunk>& predicted);

  const Counts& overall() const { return overall_; }
  const std::map<std::string, Counts>& by_type() const { return by_type_; }
  // A table of P/R/F1 overall and per type.
  std::string Format() const;

 private:
  Counts overall_;
  std::map<std::string, Counts> by_type_;
};

}  // namespace conll
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_CONLL_H_
