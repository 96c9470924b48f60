#include "core/src/tokenizer.h"

#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "core/src/abbreviations.h"
#include "core/src/char_class.h"

namespace loupe {
namespace {

using Kind = v1::Token::Kind;

constexpr char32_t kRightSingleQuote = 0x2019;

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == kRightSingleQuote; }

bool IsWordChar(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit ||
         c == CharClass::kMark;
}

bool IsAlnum(const CharInfo& c) {
  return c.cls == CharClass::kLetter || c.cls == CharClass::kDigit;
}

// Top-level domains recognized in bare domains ("TechCrunch.com"). Country
// codes that are common English words ("in", "it", "is", "to", "me", "us",
// "so", "no", "be", "at", "am") are left out on purpose.
bool IsTopLevelDomain(absl::string_view tld) {
  static constexpr absl::string_view kTlds[] = {
      "com", "org", "net", "edu", "gov", "mil", "int", "io", "ai", "co",
      "uk", "cn", "de", "fr", "jp", "ru", "eu", "ca", "au", "nl", "ch",
      "es", "kr", "hk", "sg", "tw", "br", "mx", "za", "se", "pl", "info",
      "biz", "tv", "news", "app", "dev", "tech", "ly", "gg", "xyz",
      "online", "site", "cc", "fm", "ie", "nz"};
  for (absl::string_view t : kTlds) {
    if (absl::EqualsIgnoreCase(t, tld)) return true;
  }
  return false;
}

// Capitalized function words that, glued after a Capitalized word, mark a
// lost sentence boundary ("StreetThe"). Short words that end real camel-case
// names ("LinkedIn", "GoTo") are left out.
bool IsGlueOpeningWord(absl::string_view word) {
  static constexpr absl::string_view kWords[] = {
      "The", "This", "That", "These", "Those", "They", "There", "Their",
      "However", "But", "And", "Its", "It", "Meanwhile", "While", "When",
      "Despite", "Although", "After", "Moreover", "Instead", "Yet"};
  for (absl::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

class Scanner {
 public:
  explicit Scanner(absl::string_view text) : text_(text) {}

  std::vector<TokenSpan> Run() {
    // News text averages ~6 bytes per token.
    tokens_.reserve(text_.size() / 5 + 1);
    size_t i = 0;
    while (i < text_.size()) {
      const CharInfo c = At(i);
      switch (c.cls) {
        case CharClass::kSpace:
          i += c.length;
          break;
        case CharClass::kLetter:
        case CharClass::kDigit:
          i = StartsUrlScheme(i) ? ScanUrl(i) : ScanWord(i);
          break;
        case CharClass::kIdeograph:
          i = EmitWithMarks(i, i + c.length, v1::Token::WORD);
          break;
        case CharClass::kMark:
          i = EmitWithMarks(i, i + c.length, v1::Token::SYMBOL);
          break;
        case CharClass::kPunctuation:
          i = ScanPunctuation(i, c);
          break;
        case CharClass::kSymbol:
          i = ScanSymbol(i, c);
          break;
      }
    }
    return std::move(tokens_);
  }

 private:
  CharInfo At(size_t pos) const { return CharAt(text_, pos); }

  // The character at `pos`, or a space past the end.
  CharInfo AtOrSpace(size_t pos) const {
    if (pos >= text_.size()) {
      CharInfo space;
      space.cp = ' ';
      space.cls = CharClass::kSpace;
      return space;
    }
    return At(pos);
  }

  void Emit(size_t begin, size_t end, Kind kind, bool glued = false) {
    tokens_.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                       kind, glued});
  }

  // Extends [begin, end) over following combining marks, emits it.
  size_t EmitWithMarks(size_t begin, size_t end, Kind kind) {
    end = SkipMarks(end);
    Emit(begin, end, kind);
    return end;
  }

  size_t SkipMarks(size_t pos) const {
    while (pos < text_.size()) {
      const CharInfo c = At(pos);
      if (c.cls != CharClass::kMark) break;
      pos += c.length;
    }
    return pos;
  }

  bool StartsUrlScheme(size_t i) const {
    const absl::string_view rest = text_.substr(i, 8);
    return absl::StartsWithIgnoreCase(rest, "http://") ||
           absl::StartsWithIgnoreCase(rest, "https://") ||
           absl::StartsWithIgnoreCase(rest, "ftp://") ||
           absl::StartsWithIgnoreCase(rest, "www.");
  }

  // Characters that end a URL even without whitespace.
  static bool EndsUrl(const CharInfo& c) {
    return c.cls == CharClass::kSpace || c.cp == '"' || c.cp == '<' ||
           c.cp == '>' || c.cp == 0x201C || c.cp == 0x201D ||
           c.cp == 0x2018 || c.cp == kRightSingleQuote;
  }

  // Drops trailing punctuation that belongs to the sentence, not the URL.
  size_t TrimUrlEnd(size_t begin, size_t end) const {
    bool has_open_paren =
        text_.substr(begin, end - begin).find('(') != absl::string_view::npos;
    while (end > begin + 1) {
      const char c = text_[end - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
          c == '?' || c == '\'' || c == ']' || c == '}' || c == '*' ||
          (c == ')' && !has_open_paren)) {
        --end;
      } else {
        break;
      }
    }
    return end;
  }

  // The end of the URL characters that start at `p`.
  size_t SkipUrlChars(size_t p) {
    while (p < text_.size()) {
      const CharInfo c = At(p);
      if (EndsUrl(c)) break;
      p += c.length;
    }
    return p;
  }

  size_t ScanUrl(size_t i) {
    const size_t end = TrimUrlEnd(i, SkipUrlChars(i));
    Emit(i, end, v1::Token::URL);
    return end;
  }

  // Continues a bare domain or e-mail address from `p` (just past its first
  // dot or '@'): more domain labels, then an optional path.
  size_t ScanDomainRest(size_t begin, size_t p) {
    while (p < text_.size()) {
      const char c = text_[p];
      if (absl::ascii_isalnum(c) || c == '.' || c == '-' || c == '_') {
        ++p;
      } else {
        break;
      }
    }
    if (p < text_.size() && text_[p] == '/') p = SkipUrlChars(p);
    const size_t end = TrimUrlEnd(begin, p);
    Emit(begin, end, v1::Token::URL);
    return end;
  }

  // Length of an ASCII letter run at `p` that is a known top-level domain
  // followed by a non-alphanumeric character, or 0.
  size_t TopLevelDomainAt(size_t p) const {
    size_t q = p;
    while (q < text_.size() && q - p <= 6 && absl::ascii_isalpha(text_[q])) ++q;
    if (q - p < 2 || q - p > 6) return 0;
    if (q < text_.size()) {
      const CharInfo after = At(q);
      if (IsWordChar(after.cls) || after.cp == '-') return 0;
    }
    return IsTopLevelDomain(text_.substr(p, q - p)) ? q - p : 0;
  }

  // End of an e-mail domain starting at `p` (just past '@'), or 0 if none:
  // labels of [A-Za-z0-9-] separated by dots, the last one alphabetic.
  size_t EmailDomainEnd(size_t p) const {
    size_t q = p;
    size_t last_dot = 0;
    while (q < text_.size()) {
      const char c = text_[q];
      if (absl::ascii_isalnum(c) || c == '-') {
        ++q;
      } else if (c == '.' && q > p && q + 1 < text_.size() &&
                 absl::ascii_isalnum(text_[q + 1])) {
        last_dot = q;
        ++q;
      } else {
        break;
      }
    }
    if (last_dot == 0 || q - last_dot < 3) return 0;
    for (size_t k = last_dot + 1; k < q; ++k) {
      if (!absl::ascii_isalpha(text_[k])) return 0;
    }
    return q;
  }

  // True if the text at `p` is a contraction suffix after an apostrophe of
  // `length` bytes: 's 'd 'm 'll 're 've, not followed by a letter or digit.
  bool IsContractionSuffix(size_t p, size_t length) const {
    const size_t s = p + length;
    const auto lower = [&](size_t k) {
      return k < text_.size() ? absl::ascii_tolower(text_[k]) : '\0';
    };
    size_t n = 0;
    const char a = lower(s);
    if (a == 's' || a == 'd' || a == 'm') {
      n = 1;
    } else {
      const char b = lower(s + 1);
      if ((a == 'l' && b == 'l') || (a == 'r' && b == 'e') ||
          (a == 'v' && b == 'e')) {
        n = 2;
      }
    }
    if (n == 0) return false;
    return !IsWordChar(AtOrSpace(s + n).cls);
  }

  size_t ScanPunctuation(size_t i, const CharInfo& c) {
    if (c.cp == '.' || c.cp == '-' || c.cp == '!' || c.cp == '?') {
      size_t p = i + 1;
      const bool terminal = c.cp == '!' || c.cp == '?';
      while (p < text_.size() &&
             (terminal ? (text_[p] == '!' || text_[p] == '?')
                       : text_[p] == static_cast<char>(c.cp))) {
        ++p;
      }
      return EmitWithMarks(i, p, v1::Token::PUNCTUATION);
    }
    if (IsApostrophe(c.cp) && !tokens_.empty() && tokens_.back().end == i &&
        tokens_.back().kind != v1::Token::PUNCTUATION &&
        tokens_.back().kind != v1::Token::SYMBOL &&
        IsContractionSuffix(i, c.length)) {
      size_t p = i + c.length;
      while (p < text_.size() && absl::ascii_isalpha(text_[p])) ++p;
      Emit(i, p, v1::Token::WORD);
      return p;
    }
    return EmitWithMarks(i, i + c.length, v1::Token::PUNCTUATION);
  }

  size_t ScanSymbol(size_t i, const CharInfo& c) {
    size_t p = i + c.length;
    if (IsRegionalIndicator(c.cp) && p < text_.size()) {
      const CharInfo next = At(p);
      if (IsRegionalIndicator(next.cp)) p += next.length;
    }
    // Emoji ZWJ sequences: marks, and after a ZWJ one more symbol.
    while (p < text_.size()) {
      const CharInfo next = At(p);
      if (next.cls != CharClass::kMark) break;
      p += next.length;
      if (next.cp == 0x200D && p < text_.size()) {
        const CharInfo joined = At(p);
        if (joined.cls == CharClass::kSymbol) p += joined.length;
      }
    }
    Emit(i, p, v1::Token::SYMBOL);
    return p;
  }

  // State of the word being scanned, for abbreviation and glue decisions.
  struct WordState {
    size_t letters = 0;
    size_t lower_run = 0;         // lowercase letters ending here
    bool has_upper = false;
    bool has_other = false;       // digits, marks or connectors seen
    bool capitalized = true;      // Upper lower* so far (letters only)
    // Single letters joined by periods so far ("U", "U.", "U.S", "e.g").
    bool dotted = true;
    bool last_was_single_letter = false;  // after "U" or "U.S"
    size_t dots = 0;

    // A connector inside the word ("high-end", "24/7", "AT&T", "Node.js"):
    // the word is no longer plain letters, capitalized or dotted initials.
    void JoinConnector() {
      has_other = true;
      capitalized = false;
      lower_run = 0;
      dotted = false;
      last_was_single_letter = false;
    }
  };

  // True if a glue split belongs before the uppercase letter at `p`.
  bool GlueBeforeUpper(const WordState& w, size_t p) const {
    if (!w.has_upper && !w.has_other && w.lower_run >= 2) {
      const CharInfo c1 = AtOrSpace(p + At(p).length);
      if (c1.cls == CharClass::kLetter && IsLower(c1.cp)) return true;
      if (c1.cls == CharClass::kLetter && IsUpper(c1.cp)) {
        const CharInfo c2 = AtOrSpace(p + At(p).length + c1.length);
        return c2.cls == CharClass::kLetter && IsUpper(c2.cp);
      }
      return false;
    }
    if (w.capitalized && w.letters >= 3) {
      size_t q = p;
      while (q < text_.size() && q - p < 10 && absl::ascii_isalpha(text_[q])) {
        ++q;
      }
      if (IsWordChar(AtOrSpace(q).cls)) return false;
      return IsGlueOpeningWord(text_.substr(p, q - p));
    }
    return false;
  }

  // Scans a WORD or NUMBER (possibly turning into a URL) starting at `i`.
  size_t ScanWord(size_t i) {
    size_t start = i;
    Kind kind = At(i).cls == CharClass::kDigit ? v1::Token::NUMBER
                                               : v1::Token::WORD;
    bool glued = false;
    WordState w;
    size_t p = i;
    const auto restart = [&](size_t at) {
      start = at;
      kind = v1::Token::WORD;
      glued = true;
      w = WordState();
    };
    while (p < text_.size()) {
      const CharInfo c = At(p);
      if (IsWordChar(c.cls)) {
        if (kind == v1::Token::WORD && p > start && c.cls == CharClass::kLetter) {
          if (IsUpper(c.cp) && GlueBeforeUpper(w, p)) {
            Emit(start, p, kind, glued);
            restart(p);
          } else if (IsLower(c.cp) && w.dotted && w.dots > 0 &&
                     w.last_was_single_letter && w.has_upper &&
                     !w.has_other && w.lower_run == 0) {
            // "U.S|tech": capital initials glued to a lowercase word.
            Emit(start, p, kind, glued);
            restart(p);
          }
        }
        if (c.cls == CharClass::kLetter) {
          ++w.letters;
          const bool upper = IsUpper(c.cp);
          const bool lower = IsLower(c.cp);
          w.has_upper |= upper;
          w.lower_run = lower ? w.lower_run + 1 : 0;
          if (w.letters == 1 ? !upper : !lower) w.capitalized = false;
          w.dotted = w.dotted && !w.last_was_single_letter;
          w.last_was_single_letter = true;
        } else {
          w.has_other = true;
          w.capitalized = false;
          w.lower_run = 0;
          if (c.cls == CharClass::kDigit) {
            w.dotted = false;
            w.last_was_single_letter = false;
          }
        }
        p += c.length;
        continue;
      }
      const CharInfo next = AtOrSpace(p + c.length);
      const CharInfo prev = At(PrevCharStart(p));
      if (c.cp == '.') {
        const size_t r = HandlePeriod(&start, &kind, &glued, &w, p, next, prev);
        if (r == kStop) break;
        if (r == kDone) return done_pos_;
        p = r;
        continue;
      }
      if (c.cp == ',' && kind == v1::Token::NUMBER &&
          prev.cls == CharClass::kDigit && ThreeDigitGroupAt(p + 1)) {
        p += 1;
        continue;
      }
      if ((c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011) && IsAlnum(prev) &&
          IsAlnum(next)) {
        w.JoinConnector();
        p += c.length;
        continue;
      }
      if ((c.cp == '/' || c.cp == ':' ||
           (c.cp == '&' && IsUpper(prev.cp) && IsUpper(next.cp))) &&
          IsAlnum(prev) && IsAlnum(next)) {
        w.JoinConnector();
        p += c.length;
        continue;
      }
      if (IsApostrophe(c.cp) && IsAlnum(prev)) {
        if (IsContractionSuffix(p, c.length)) break;
        if ((prev.cp == 'n' || prev.cp == 'N') &&
            (next.cp == 't' || next.cp == 'T') &&
            !IsWordChar(AtOrSpace(p + c.length + 1).cls)) {
          const size_t end = p + c.length + 1;
          if (p - 1 > start) {
            Emit(start, p - 1, kind, glued);
            Emit(p - 1, end, v1::Token::WORD);
          } else {
            Emit(start, end, kind, glued);
          }
          return end;
        }
        if (next.cls == CharClass::kLetter) {
          w.JoinConnector();
          p += c.length;
          continue;
        }
        break;
      }
      if (c.cp == '@' && p > start) {
        const size_t end = EmailDomainEnd(p + 1);
        if (end != 0) {
          Emit(start, end, v1::Token::URL, glued);
          return end;
        }
      }
      break;
    }
    Emit(start, p, kind, glued);
    return p;
  }

  size_t PrevCharStart(size_t p) const {
    size_t q = p;
    while (q > 0) {
      --q;
      if ((static_cast<unsigned char>(text_[q]) & 0xC0) != 0x80) break;
    }
    return q;
  }

  bool ThreeDigitGroupAt(size_t p) const {
    if (p + 3 > text_.size()) return false;
    for (size_t k = p; k < p + 3; ++k) {
      if (!absl::ascii_isdigit(text_[k])) return false;
    }
    return p + 3 == text_.size() || !absl::ascii_isdigit(text_[p + 3]);
  }

  static constexpr size_t kStop = static_cast<size_t>(-1);
  static constexpr size_t kDone = static_cast<size_t>(-2);

  // Decides what a period at `p` inside a word does. Returns the position to
  // continue scanning at, kStop to end the token before the period, or kDone
  // after emitting everything up to done_pos_.
  size_t HandlePeriod(size_t* start, Kind* kind, bool* glued, WordState* w,
                      size_t p, const CharInfo& next, const CharInfo& prev) {
    if (*kind == v1::Token::NUMBER || prev.cls == CharClass::kDigit) {
      if (prev.cls == CharClass::kDigit && next.cls == CharClass::kDigit) {
        w->has_other = true;
        w->dotted = false;
        return p + 1;
      }
      if (*kind == v1::Token::NUMBER) return kStop;
    }
    if (next.cls == CharClass::kLetter) {
      const bool next_upper = IsUpper(next.cp);
      const CharInfo after = AtOrSpace(p + 1 + next.length);
      const bool single_next = after.cls != CharClass::kLetter;
      if (w->dotted && w->last_was_single_letter &&
          (next_upper || single_next)) {
        if (w->dots >= 1 && next_upper && after.cls == CharClass::kLetter &&
            IsLower(after.cp)) {
          // "U.S.|The": a complete abbreviation before a glued word.
          Emit(*start, p + 1, *kind, *glued);
          *start = p + 1;
          *kind = v1::Token::WORD;
          *glued = true;
          *w = WordState();
          return p + 1;
        }
        ++w->dots;
        w->last_was_single_letter = false;
        w->capitalized = false;
        w->lower_run = 0;
        return p + 1;
      }
      if (const size_t tld = TopLevelDomainAt(p + 1); tld != 0) {
        done_pos_ = ScanDomainRest(*start, p + 1 + tld);
        if (*glued) tokens_.back().glued = true;
        return kDone;
      }
      if (next_upper && after.cls == CharClass::kLetter && IsLower(after.cp) &&
          w->letters >= 2 && IsAlnum(prev) &&
          LookupAbbreviation(text_.substr(*start, p - *start)) ==
              AbbreviationKind::kNone) {
        // "published.|Required": a lost space after a sentence.
        Emit(*start, p, *kind, *glued);
        Emit(p, p + 1, v1::Token::PUNCTUATION);
        *start = p + 1;
        *kind = v1::Token::WORD;
        *glued = true;
        *w = WordState();
        return p + 1;
      }
      if (!next_upper || !w->dotted) {
        // Inner period ("Node.js", "Ph.D").
        w->JoinConnector();
        return p + 1;
      }
    }
    // A final period: kept only by abbreviations.
    const absl::string_view word = text_.substr(*start, p - *start);
    if (!IsAbbreviationBefore(word, p + 1)) return kStop;
    size_t end = p + 1;
    if (end + 1 < text_.size() && text_[end] == '-' &&
        IsAlnum(At(end + 1))) {
      // "U.S.-produced": the compound goes on.
      w->has_other = true;
      w->dotted = false;
      w->last_was_single_letter = false;
      w->capitalized = false;
      w->lower_run = 0;
      return end + 1;
    }
    Emit(*start, end, *kind, *glued);
    done_pos_ = end;
    return kDone;
  }

  // True if `word` followed by a period at `after - 1` is an abbreviation.
  bool IsAbbreviationBefore(absl::string_view word, size_t after) const {
    const AbbreviationKind kind = LookupAbbreviation(word);
    if (kind == AbbreviationKind::kNone) return false;
    if (word == "No" || word == "no" || word == "Nos") {
      // "No. 1" but not "said no."
      size_t q = after;
      while (q < text_.size() && q < after + 3 && text_[q] == ' ') ++q;
      return q > after && q < text_.size() && absl::ascii_isdigit(text_[q]);
    }
    return true;
  }

  absl::string_view text_;
  std::vector<TokenSpan> tokens_;
  size_t done_pos_ = 0;
};

}  // namespace

std::vector<TokenSpan> Tokenize(absl::string_view text) {
  return Scanner(text).Run();
}

}  // namespace loupe
