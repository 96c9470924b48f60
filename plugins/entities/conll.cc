#include "plugins/entities/conll.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace loupe {
namespace conll {
namespace {

v1::Token::Kind GuessKind(absl::string_view word) {
  const unsigned char c = static_cast<unsigned char>(word[0]);
  if (absl::ascii_isdigit(c)) return v1::Token::NUMBER;
  for (char ch : word) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (absl::ascii_isalpha(u) || u >= 0x80) return v1::Token::WORD;
  }
  static constexpr absl::string_view kPunctuation = ".,;:!?\"'()[]{}-/`";
  return kPunctuation.find(word[0]) != absl::string_view::npos
             ? v1::Token::PUNCTUATION
             : v1::Token::SYMBOL;
}

// "B-PER" -> ('B', "PER"); "O" -> ('O', "").
void SplitTag(absl::string_view tag, char* prefix, absl::string_view* type) {
  if (tag.size() >= 2 && tag[1] == '-') {
    *prefix = tag[0];
    *type = tag.substr(2);
  } else {
    *prefix = 'O';
    *type = absl::string_view();
  }
}

}  // namespace

absl::StatusOr<std::vector<Document>> Parse(absl::string_view text) {
  std::vector<Document> docs;
  Sentence sentence;
  auto end_sentence = [&]() {
    if (sentence.words.empty()) return;
    if (docs.empty()) docs.emplace_back();
    docs.back().sentences.push_back(std::move(sentence));
    sentence = Sentence();
  };
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) {
      end_sentence();
      continue;
    }
    std::vector<absl::string_view> columns =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (columns[0] == "-DOCSTART-") {
      end_sentence();
      docs.emplace_back();
      continue;
    }
    if (columns.size() < 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("CoNLL line ", line_number, " has one column: ", line));
    }
    sentence.words.emplace_back(columns.front());
    sentence.tags.emplace_back(columns.back());
  }
  end_sentence();
  std::vector<Document> nonempty;
  for (Document& doc : docs) {
    if (!doc.sentences.empty()) nonempty.push_back(std::move(doc));
  }
  return nonempty;
}

absl::StatusOr<std::vector<Document>> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str());
}

v1::Document ToDocument(const Document& doc) {
  v1::Document out;
  std::string text;
  uint32_t token_index = 0;
  for (const Sentence& sentence : doc.sentences) {
    if (!text.empty()) text.push_back('\n');
    v1::Sentence* s = out.add_sentences();
    s->mutable_span()->set_byte_begin(text.size());
    s->set_token_begin(token_index);
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      if (i > 0) text.push_back(' ');
      v1::Token* token = out.add_tokens();
      token->mutable_span()->set_byte_begin(text.size());
      text.append(sentence.words[i]);
      token->mutable_span()->set_byte_end(text.size());
      token->set_kind(GuessKind(sentence.words[i]));
      ++token_index;
    }
    s->mutable_span()->set_byte_end(text.size());
    s->set_token_end(token_index);
  }
  out.set_text(std::move(text));
  return out;
}

std::vector<Chunk> ChunksFromTags(const std::vector<std::string>& tags) {
  std::vector<Chunk> chunks;
  bool open = false;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    char prefix;
    absl::string_view type;
    SplitTag(tags[i], &prefix, &type);
    const bool continues = open && prefix == 'I' && type == chunks.back().type;
    if (continues) {
      chunks.back().end = i + 1;
      continue;
    }
    open = false;
    if (prefix == 'B' || prefix == 'I') {
      chunks.push_back(Chunk{i, i + 1, std::string(type)});
      open = true;
    }
  }
  return chunks;
}

void Scorer::Add(const std::vector<Chunk>& gold,
                 const std::vector<Chunk>& predicted) {
  for (const Chunk& g : gold) {
    ++overall_.gold;
    ++by_type_[g.type].gold;
  }
  for (const Chunk& p : predicted) {
    ++overall_.predicted;
    ++by_type_[p.type].predicted;
    for (const Chunk& g : gold) {
      if (g == p) {
        ++overall_.correct;
        ++by_type_[p.type].correct;
        break;
      }
    }
  }
}

std::string Scorer::Format() const {
  std::string out = absl::StrFormat("%-8s %7s %7s %7s %7s %7s %7s\n", "type",
                                    "gold", "pred", "correct", "P", "R", "F1");
  auto row = [&out](absl::string_view name, const Counts& c) {
    absl::StrAppendFormat(&out, "%-8s %7d %7d %7d %7.4f %7.4f %7.4f\n", name,
                          c.gold, c.predicted, c.correct, c.Precision(),
                          c.Recall(), c.F1());
  };
  for (const auto& [type, counts] : by_type_) row(type, counts);
  row("overall", overall_);
  return out;
}

}  // namespace conll
}  // namespace loupe
