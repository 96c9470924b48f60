#include "core/src/sentence_splitter.h"

#include <algorithm>
#include <cstddef>

#include "core/src/abbreviations.h"
#include "core/src/boilerplate.h"
#include "core/src/char_class.h"

namespace loupe {
namespace {

// A heading is a line of at most this many tokens.
constexpr uint32_t kMaxHeadingTokens = 20;
// A line without final punctuation is a heading if it is the document's
// first line, ends with ':', is title-cased, or has at most this many
// tokens; longer sentence-case lines are sentences that lost their period.
constexpr uint32_t kMaxPlainHeadingTokens = 8;
// A line of at most this many tokens between a paragraph that stops
// mid-sentence and a lowercase continuation is an inserted watermark.
constexpr uint32_t kMaxWatermarkTokens = 2;

enum class Role {
  kContent,
  kDebris,    // boilerplate line inside or around the article
  kTrailing,  // a line in the trailing zone of teasers and bios
};

struct Line {
  uint32_t tok_begin = 0;
  uint32_t tok_end = 0;
  uint32_t content_begin = 0;  // first token after a bullet marker
  bool blank_before = false;   // an empty line precedes it
  bool bullet = false;
  // Matches the boilerplate tables (also in the trailing zone, where such
  // lines stay sentences of their own).
  bool listed = false;
  Role role = Role::kContent;
};

bool IsTerminalChar(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
         cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E ||
         cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

bool IsUnambiguousCloser(char32_t cp) {
  return cp == 0x201D || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0xBB || cp == 0x300D || cp == 0x300F || cp == 0x300B ||
         cp == 0x3009 || cp == 0x3011 || cp == 0xFF09 || cp == 0x203A;
}

// Straight quotes and U+2019 close only when attached to what precedes.
bool IsAmbiguousCloser(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x2019;
}

bool IsOpener(char32_t cp) {
  return cp == 0x201C || cp == 0x2018 || cp == '"' || cp == '\'' ||
         cp == '(' || cp == '[' || cp == 0xAB || cp == 0x300C ||
         cp == 0x300E || cp == 0x300A || cp == 0x3008 || cp == 0x3010 ||
         cp == 0xBF || cp == 0xA1 || cp == 0x201E || cp == 0xFF08 ||
         cp == 0x2039;
}

bool IsCurrencySign(char32_t cp) {
  return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC ||
         (cp >= 0x20A0 && cp <= 0x20CF);
}

class Splitter {
 public:
  Splitter(absl::string_view text, absl::Span<const TokenSpan> tokens)
      : text_(text), tokens_(tokens) {}

  std::vector<SentenceSpan> Run() {
    if (tokens_.empty()) return {};
    BuildLines();
    AssignRoles();
    ComputeContinuations();
    out_.reserve(tokens_.size() / 12 + 1);
    bool open = false;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      if (line.role == Role::kDebris) {
        // Inside an open sentence the line is nested in it.
        SplitLine(line.content_begin, line.tok_end, /*boilerplate=*/true);
        continue;
      }
      if (!open) {
        start_ = line.content_begin;
        pending_ = Pending::kNone;
        open = true;
      }
      const bool boilerplate = line.role == Role::kTrailing;
      for (uint32_t t = line.content_begin; t < line.tok_end; ++t) {
        if (t > start_ && BoundaryBefore(t)) {
          Close(start_, t, boilerplate);
          start_ = t;
        }
        Note(t);
      }
      if (!continues_[i]) {
        if (Close(start_, line.tok_end, boilerplate)) MaybeMarkHeading(line);
        open = false;
      }
    }
    std::stable_sort(out_.begin(), out_.end(),
                     [](const SentenceSpan& a, const SentenceSpan& b) {
                       return a.begin != b.begin ? a.begin < b.begin
                                                 : a.end > b.end;
                     });
    return std::move(out_);
  }

 private:
  enum class Pending { kNone, kTerminal, kMayEnd };

  absl::string_view Text(uint32_t t) const {
    return text_.substr(tokens_[t].begin, tokens_[t].end - tokens_[t].begin);
  }

  char32_t FirstChar(uint32_t t) const {
    return CharAt(text_, tokens_[t].begin).cp;
  }

  char32_t LastChar(uint32_t t) const {
    size_t p = tokens_[t].end;
    while (p > tokens_[t].begin) {
      --p;
      if ((static_cast<unsigned char>(text_[p]) & 0xC0) != 0x80) break;
    }
    return CharAt(text_, p).cp;
  }

  bool StartsLower(uint32_t t) const {
    const CharInfo c = CharAt(text_, tokens_[t].begin);
    return c.cls == CharClass::kLetter && IsLower(c.cp);
  }

  // A token that can open a sentence after a terminator.
  bool StartsSentence(uint32_t t) const {
    const CharInfo c = CharAt(text_, tokens_[t].begin);
    switch (c.cls) {
      case CharClass::kLetter:
        return !IsLower(c.cp);
      case CharClass::kDigit:
      case CharClass::kIdeograph:
        return true;
      case CharClass::kPunctuation:
        return IsOpener(c.cp);
      case CharClass::kSymbol:
        return IsCurrencySign(c.cp);
      default:
        return false;
    }
  }

  bool IsTerminal(uint32_t t) const {
    if (tokens_[t].kind != v1::Token::PUNCTUATION) return false;
    size_t p = tokens_[t].begin;
    while (p < tokens_[t].end) {
      const CharInfo c = CharAt(text_, p);
      if (!IsTerminalChar(c.cp)) return false;
      p += c.length;
    }
    return true;
  }

  AbbreviationKind AbbreviationOf(uint32_t t) const {
    const absl::string_view s = Text(t);
    if (tokens_[t].kind != v1::Token::WORD || s.size() < 2 ||
        s.back() != '.') {
      return AbbreviationKind::kNone;
    }
    return LookupAbbreviation(s.substr(0, s.size() - 1));
  }

  bool IsCloser(uint32_t t) const {
    if (tokens_[t].kind != v1::Token::PUNCTUATION) return false;
    const char32_t cp = FirstChar(t);
    if (IsUnambiguousCloser(cp)) return true;
    return IsAmbiguousCloser(cp) && t > 0 &&
           tokens_[t].begin == tokens_[t - 1].end;
  }

  // A stray sentence terminator standing apart ("... value. 。 Google"):
  // it opens a sentence of its own when a real sentence start follows.
  bool IsStrayTerminal(uint32_t t) const {
    return IsTerminal(t) && t > 0 && tokens_[t].begin > tokens_[t - 1].end &&
           t + 1 < tokens_.size() && line_of_[t + 1] == line_of_[t] &&
           StartsSentence(t + 1) && tokens_[t + 1].kind != v1::Token::PUNCTUATION;
  }

  // Records what token t (now in the open sentence) implies for the next.
  void Note(uint32_t t) {
    if (pending_ != Pending::kNone && IsCloser(t)) return;
    if (IsTerminal(t)) {
      pending_ = Pending::kTerminal;
      return;
    }
    switch (AbbreviationOf(t)) {
      case AbbreviationKind::kMayEnd:
        pending_ = Pending::kMayEnd;
        return;
      default:
        pending_ = Pending::kNone;
    }
  }

  bool BoundaryBefore(uint32_t t) const {
    if (tokens_[t].glued && !StartsLower(t)) return true;
    switch (pending_) {
      case Pending::kNone:
        return false;
      case Pending::kTerminal:
        if (IsCloser(t)) return false;
        return StartsSentence(t) || IsStrayTerminal(t);
      case Pending::kMayEnd:
        if (IsCloser(t)) return false;
        return IsSentenceOpeningWord(Text(t)) ||
               (IsOpener(FirstChar(t)) && t > 0 &&
                tokens_[t].begin > tokens_[t - 1].end);
    }
    return false;
  }

  // Splits tokens [begin, end) of one line into sentences on their own.
  void SplitLine(uint32_t begin, uint32_t end, bool boilerplate) {
    if (begin >= end) return;
    const uint32_t saved_start = start_;
    const Pending saved_pending = pending_;
    start_ = begin;
    pending_ = Pending::kNone;
    for (uint32_t t = begin; t < end; ++t) {
      if (t > start_ && BoundaryBefore(t)) {
        Close(start_, t, boilerplate);
        start_ = t;
      }
      Note(t);
    }
    Close(start_, end, boilerplate);
    start_ = saved_start;
    pending_ = saved_pending;
  }

  // Adds the sentence of tokens [begin, end), if not empty.
  bool Close(uint32_t begin, uint32_t end, bool boilerplate) {
    if (begin >= end) return false;
    SentenceSpan s;
    s.begin = tokens_[begin].begin;
    s.end = tokens_[end - 1].end;
    s.token_begin = begin;
    s.token_end = end;
    s.boilerplate = boilerplate || OnlyPunctuation(begin, end);
    out_.push_back(s);
    return true;
  }

  bool OnlyPunctuation(uint32_t begin, uint32_t end) const {
    for (uint32_t t = begin; t < end; ++t) {
      const v1::Token::Kind k = tokens_[t].kind;
      if (k != v1::Token::PUNCTUATION && k != v1::Token::SYMBOL) return false;
    }
    return true;
  }

  // True if the line ends a sentence with final punctuation (a terminator,
  // possibly followed by closing quotes or brackets).
  bool EndsWithFinalPunctuation(const Line& line) const {
    uint32_t t = line.tok_end;
    while (t > line.content_begin) {
      --t;
      if (IsTerminal(t)) return true;
      if (!IsCloser(t) && !IsUnambiguousCloser(FirstChar(t))) return false;
    }
    return false;
  }

  void MaybeMarkHeading(const Line& line) {
    SentenceSpan& s = out_.back();
    if (line.role != Role::kContent || s.boilerplate ||
        s.token_begin != line.content_begin || s.token_end != line.tok_end ||
        s.token_end - s.token_begin > kMaxHeadingTokens ||
        StartsLower(s.token_begin)) {
      return;
    }
    const char32_t last = LastChar(s.token_end - 1);
    if (IsTerminalChar(last) || IsUnambiguousCloser(last) ||
        EndsWithFinalPunctuation(line)) {
      return;
    }
    s.heading = &line == &lines_.front() || last == ':' ||
                s.token_end - s.token_begin <= kMaxPlainHeadingTokens ||
                IsTitleCase(s.token_begin, s.token_end);
  }

  // At least half of the words of four or more letters are capitalized
  // ("How Chip Export Rules Changed the Market").
  bool IsTitleCase(uint32_t begin, uint32_t end) const {
    int long_words = 0;
    int capitalized = 0;
    for (uint32_t t = begin; t < end; ++t) {
      if (tokens_[t].kind != v1::Token::WORD || Text(t).size() < 4) continue;
      ++long_words;
      const CharInfo c = CharAt(text_, tokens_[t].begin);
      if (IsUpper(c.cp)) ++capitalized;
    }
    return long_words > 0 && 2 * capitalized >= long_words;
  }

  void BuildLines() {
    line_of_.resize(tokens_.size());
    for (uint32_t t = 0; t < tokens_.size(); ++t) {
      int newlines = 0;
      bool blank = false;
      if (t > 0) {
        // The gap is whitespace only; two line breaks mean an empty line.
        for (size_t p = tokens_[t - 1].end; p < tokens_[t].begin; ++p) {
          const char c = text_[p];
          if (c == '\n') {
            ++newlines;
          } else if (c == '\xE2' && p + 2 < tokens_[t].begin &&
                     text_[p + 1] == '\x80' &&
                     (text_[p + 2] == '\xA8' || text_[p + 2] == '\xA9')) {
            ++newlines;
            if (text_[p + 2] == '\xA9') ++newlines;  // paragraph separator
          }
        }
        blank = newlines >= 2;
      }
      if (t == 0 || newlines > 0) {
        Line line;
        line.tok_begin = t;
        line.content_begin = t;
        line.blank_before = blank;
        lines_.push_back(line);
      }
      lines_.back().tok_end = t + 1;
      line_of_[t] = static_cast<uint32_t>(lines_.size() - 1);
    }
    for (Line& line : lines_) {
      const uint32_t t = line.tok_begin;
      if (line.tok_end - t < 2 || tokens_[t + 1].begin == tokens_[t].end) {
        continue;
      }
      const absl::string_view s = Text(t);
      if (s == "-" || s == "*" || s == "\xE2\x80\xA2" /* • */ ||
          s == "\xE2\x80\x93" /* – */ || s == "\xE2\x80\x94" /* — */ ||
          s == "\xC2\xB7" /* · */ || s == "\xE2\x96\xAA" /* ▪ */ ||
          s == "\xE2\x96\xBA" /* ► */) {
        line.bullet = true;
        line.content_begin = t + 1;
      }
    }
  }

  absl::string_view LineText(const Line& line) const {
    return text_.substr(tokens_[line.tok_begin].begin,
                        tokens_[line.tok_end - 1].end -
                            tokens_[line.tok_begin].begin);
  }

  void AssignRoles() {
    bool trailing = false;
    const size_t zone_start = text_.size() / 2;
    for (Line& line : lines_) {
      const BoilerplateLine kind = ClassifyBoilerplateLine(LineText(line));
      line.listed = kind != BoilerplateLine::kNone;
      if (kind == BoilerplateLine::kNavigation &&
          tokens_[line.tok_begin].begin >= zone_start) {
        trailing = true;
      }
      if (trailing) {
        line.role = Role::kTrailing;
      } else if (line.listed) {
        line.role = Role::kDebris;
      }
    }
    // Watermarks: "... lobbying the U.K\n\nnewsbot\n\ngovernment for relief."
    for (size_t i = 1; i + 1 < lines_.size(); ++i) {
      Line& line = lines_[i];
      const Line& prev = lines_[i - 1];
      const Line& next = lines_[i + 1];
      if (line.role == Role::kContent && prev.role == Role::kContent &&
          next.role == Role::kContent && line.blank_before &&
          next.blank_before && !line.bullet && !next.bullet &&
          line.tok_end - line.tok_begin <= kMaxWatermarkTokens &&
          !EndsWithFinalPunctuation(prev) && !EndsWithFinalPunctuation(line) &&
          StartsLower(next.content_begin)) {
        line.role = Role::kDebris;
      }
    }
  }

  // continues_[i]: the sentence open at the end of line i goes on in the
  // next line that is not debris.
  void ComputeContinuations() {
    continues_.assign(lines_.size(), false);
    size_t j = lines_.size();  // next non-debris line after i
    for (size_t i = lines_.size(); i-- > 0;) {
      const Line& line = lines_[i];
      if (line.role == Role::kDebris) continue;
      const size_t next = j;
      j = i;
      if (next == lines_.size()) continue;
      const Line& n = lines_[next];
      if (n.role != line.role || n.bullet || line.listed || n.listed ||
          !StartsLower(n.content_begin)) {
        continue;
      }
      const bool plain_wrap = next == i + 1 && !n.blank_before;
      continues_[i] = plain_wrap || !EndsWithFinalPunctuation(line);
    }
  }

  absl::string_view text_;
  absl::Span<const TokenSpan> tokens_;
  std::vector<Line> lines_;
  std::vector<uint32_t> line_of_;
  std::vector<bool> continues_;
  std::vector<SentenceSpan> out_;
  uint32_t start_ = 0;
  Pending pending_ = Pending::kNone;
};

}  // namespace

std::vector<SentenceSpan> SplitSentences(absl::string_view text,
                                         absl::Span<const TokenSpan> tokens) {
  return Splitter(text, tokens).Run();
}

}  // namespace loupe
