#include "plugins/numbers/number_scanner.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "plugins/numbers/number_lexicon.h"
#include "plugins/numbers/number_tokens.h"

namespace loupe {
namespace numbers_internal {
namespace {

using Kind = v1::Number::Kind;

// Longest digit run read as a number; longer runs are identifiers or noise.
constexpr int kMaxDigits = 30;
// How far back (in tokens) context rules look. The token window keeps more.
constexpr size_t kLookBack = 24;

// A numeral: digits ("1,500.5") or number words ("twenty-one", "a dozen"),
// with its scale word if it has one.
struct Numeral {
  size_t b = 0, e = 0;  // tokens [b, e)
  double value = 0;
  bool is_word = false;
  bool grouped = false;   // digit groups: "1,500", "4 118 122"
  bool decimal = false;
  bool scaled = false;    // carries a scale: "1.5 million", "$600B"
  double scale = 1;
  bool abbreviated_scale = false;  // "bn", "TN", "mln"
  bool ordinal = false;
  bool fraction = false;
  int int_digits = 0;     // digits before any decimal point
  // Spelled numerals: the value before the last "and" ("three hundred" in
  // "three hundred and two"), or -1; and the value of a tens word that
  // ends the numeral ("thirty" in "one hundred thirty"), or 0.
  double before_and = -1;
  double tail_tens = 0;
};

// One number expression being built.
struct Item {
  size_t b = 0, e = 0;  // tokens [b, e)
  Kind kind = v1::Number::KIND_UNSPECIFIED;
  double value = 0;
  std::string unit;
  std::string timex;
  std::string qualifier;
  bool marked = false;  // has a currency, percent, time or other unit marker
  bool currency_prefix = false;
  bool vague = false;
  bool is_range = false;
  double low = 0, high = 0;
  Numeral num;
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Value of a Unicode vulgar fraction sign ("½", "⅔"), or 0.
double VulgarFraction(char32_t c) {
  switch (c) {
    case 0x00BC: return 0.25;
    case 0x00BD: return 0.5;
    case 0x00BE: return 0.75;
    case 0x2150: return 1.0 / 7;
    case 0x2151: return 1.0 / 9;
    case 0x2152: return 0.1;
    case 0x2153: return 1.0 / 3;
    case 0x2154: return 2.0 / 3;
    case 0x2155: return 0.2;
    case 0x2156: return 0.4;
    case 0x2157: return 0.6;
    case 0x2158: return 0.8;
    case 0x2159: return 1.0 / 6;
    case 0x215A: return 5.0 / 6;
    case 0x215B: return 0.125;
    case 0x215C: return 0.375;
    case 0x215D: return 0.625;
    case 0x215E: return 0.875;
    default: return 0;
  }
}

// Denominators written with digits that make "a/b" a fraction rather than
// a date or a score ("3/4", "7/8"; not "9/11").
bool FractionDenominator(long d) {
  return d == 2 || d == 3 || d == 4 || d == 5 || d == 6 || d == 8 ||
         d == 10 || d == 16 || d == 32 || d == 64 || d == 100;
}

// ISO codes that are also common lower-case English words: accepted after
// an amount only in upper case.
bool IsoIsEnglishWord(absl::string_view lower) {
  return lower == "try" || lower == "pen" || lower == "cop" ||
         lower == "php" || lower == "all";
}

std::string FormatNumber(double v) { return absl::StrCat(v); }

class Scanner {
 public:
  Scanner(absl::string_view text,
          google::protobuf::RepeatedPtrField<v1::Number>* out)
      : text_(text), win_(text), out_(out) {}

  void Run() {
    size_t i = 0;
    while (T(i).kind != TokKind::kEnd) {
      win_.Forget(i > 2 * kLookBack ? i - 2 * kLookBack : 0);
      Item item;
      size_t next = i + 1;
      if (TryAt(i, &item, &next)) {
        Emit(item);
        i = item.e;
      } else {
        i = std::max(next, i + 1);
      }
    }
  }

 private:
  // ---- token access -------------------------------------------------------
  Tok T(size_t i) { return win_.At(i); }
  absl::string_view S(const Tok& t) {
    return text_.substr(t.begin, t.end - t.begin);
  }
  bool IsWord(size_t i) { return T(i).kind == TokKind::kWord; }
  bool IsDigits(size_t i) { return T(i).kind == TokKind::kDigits; }
  bool IsSym(size_t i, char32_t c) {
    const Tok t = T(i);
    return t.kind == TokKind::kSymbol && t.symbol == c;
  }
  bool IsDash(size_t i) {
    const Tok t = T(i);
    return t.kind == TokKind::kSymbol &&
           (t.symbol == '-' || t.symbol == 0x2013 || t.symbol == 0x2014 ||
            t.symbol == 0x2010 || t.symbol == 0x2011);
  }
  // Token i follows token i - 1 with nothing in between.
  bool Glued(size_t i) { return i > 0 && !T(i).space_before; }
  // Token i follows token i - 1 after spaces on the same line, or glued.
  bool SameLine(size_t i) { return !T(i).newline_before; }
  bool Spaced(size_t i) { return T(i).space_before && !T(i).newline_before; }

  std::string Lower(size_t i) {
    const Tok t = T(i);
    std::string s(S(t));
    for (char& c : s) {
      if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  }
  const WordInfo* Info(size_t i) {
    const Tok t = T(i);
    if (t.kind != TokKind::kWord || t.end - t.begin > 24) return nullptr;
    char buf[24];
    const size_t n = t.end - t.begin;
    for (size_t k = 0; k < n; ++k) {
      const char c = text_[t.begin + k];
      buf[k] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return LookupWord(absl::string_view(buf, n));
  }
  bool Has(size_t i, uint32_t flag) {
    const WordInfo* info = Info(i);
    return info != nullptr && (info->flags & flag) != 0;
  }
  bool WordIs(size_t i, absl::string_view lower) {
    const Tok t = T(i);
    if (t.kind != TokKind::kWord || t.end - t.begin != lower.size()) {
      return false;
    }
    for (size_t k = 0; k < lower.size(); ++k) {
      char c = text_[t.begin + k];
      if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[k]) return false;
    }
    return true;
  }
  bool Capitalized(size_t i) {
    const Tok t = T(i);
    return t.kind == TokKind::kWord && IsUpper(text_[t.begin]);
  }
  bool HasUpper(size_t i) {
    const Tok t = T(i);
    if (t.kind != TokKind::kWord) return false;
    for (uint32_t k = t.begin; k < t.end; ++k) {
      if (IsUpper(text_[k])) return true;
    }
    return false;
  }
  bool AllUpper(size_t i) {
    const Tok t = T(i);
    if (t.kind != TokKind::kWord) return false;
    for (uint32_t k = t.begin; k < t.end; ++k) {
      if (!IsUpper(text_[k])) return false;
    }
    return true;
  }
  // Token i ends a sentence or clause for context look-back.
  bool Boundary(size_t i) {
    const Tok t = T(i);
    if (t.kind == TokKind::kEnd) return true;
    if (t.kind != TokKind::kSymbol) return false;
    if (t.symbol == '.' && !T(i + 1).space_before &&
        T(i + 1).kind != TokKind::kEnd) {
      return false;  // "4.5", "U.S."
    }
    return t.symbol == '.' || t.symbol == '!' || t.symbol == '?' ||
           t.symbol == ';' || t.symbol == 0x3002;
  }

  // ---- dispatch -----------------------------------------------------------
  bool TryAt(size_t i, Item* item, size_t* next) {
    const Tok t = T(i);
    switch (t.kind) {
      case TokKind::kDigits:
        if (RejectLeft(i)) {
          *next = SkipChain(i);
          return false;
        }
        if (ParseIsoDate(i, item) || ParseDayMonth(i, item)) return true;
        return ParseFull(i, item, next);
      case TokKind::kOther:
        return false;
      case TokKind::kWord: {
        if (ParseFewScale(i, item, next)) return true;
        const WordInfo* info = Info(i);
        if (WordIs(i, "minus") || WordIs(i, "negative")) {
          return ParseFull(i, item, next);
        }
        if (info == nullptr) {
          // "MUSD 5", "MEUR": millions of a currency.
          if (MillionCurrency(i) != nullptr) return ParseFull(i, item, next);
          return false;
        }
        if (WordIs(i, "percent") || WordIs(i, "percents") ||
            WordIs(i, "per")) {
          return ParsePercentOf(i, item);
        }
        if ((info->flags & kMonthWord) && Capitalized(i)) {
          if (ParseMonthDate(i, item)) return true;
        }
        if (info->flags & kVagueWord) return ParseVague(i, item);
        if (info->flags & (kUnitWord | kTensWord | kOrdinalWord |
                           kMultiplierWord | kFractionWord | kIsoCode |
                           kDollarPrefix | kCurrencyWord)) {
          return ParseFull(i, item, next);
        }
        if (WordIs(i, "a") || WordIs(i, "an")) return ParseFull(i, item, next);
        return false;
      }
      case TokKind::kSymbol:
        if (CurrencyOfSymbol(t.symbol) != nullptr || t.symbol == '+' ||
            t.symbol == 0x2212 || t.symbol == '-') {
          return ParseFull(i, item, next);
        }
        // ".08": a decimal without its leading zero.
        if (t.symbol == '.' && IsDigits(i + 1) && Glued(i + 1) &&
            (i == 0 || t.space_before || IsSym(i - 1, '('))) {
          return ParseFull(i, item, next);
        }
        if (VulgarFraction(t.symbol) > 0 &&
            !(Glued(i) && (IsDigits(i - 1) || IsWord(i - 1)))) {
          item->b = i;
          item->e = i + 1;
          item->num.b = i;
          item->num.e = i + 1;
          item->num.fraction = true;
          item->kind = v1::Number::CARDINAL;
          item->value = VulgarFraction(t.symbol);
          item->num.value = item->value;
          ParseSuffix(item, next);
          FindQualifier(item);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  // "several billion dollars", "a few million users", "a few hundred
  // thousand": a vague magnitude whose value is its lower bound ("a few"
  // is at least two, "several" more than two). "a few" and "several"
  // alone are not numbers.
  bool ParseFewScale(size_t i, Item* item, size_t* next) {
    size_t k = 0;
    double low = 0;
    if (WordIs(i, "several")) {
      k = i + 1;
      low = 3;
    } else if (WordIs(i, "a") && WordIs(i + 1, "few") && Spaced(i + 1)) {
      k = i + 2;
      low = 2;
    } else {
      return false;
    }
    double scale = 0;
    for (int guard = 0; guard < 2 && Spaced(k); ++guard) {
      double s = 0;
      if (WordIs(k, "hundred")) {
        s = 100;
      } else if (WordIs(k, "dozen")) {
        s = 12;
      } else if (Has(k, kScaleWord) && S(T(k)).size() >= 5) {
        s = Info(k)->scale;
      }
      if (s <= scale) break;
      scale = scale == 0 ? s : scale * s;
      ++k;
    }
    if (scale == 0) return false;
    Numeral& n = item->num;
    n.b = i;
    n.e = k;
    n.is_word = true;
    n.scaled = true;
    n.scale = scale;
    n.value = low * scale;
    item->b = i;
    item->e = k;
    item->value = n.value;
    if (!ParseSuffix(item, next)) return false;
    if (item->kind == v1::Number::MONEY) {
      last_currency_ = item->unit;
    } else if (item->kind == v1::Number::KIND_UNSPECIFIED) {
      item->kind = v1::Number::CARDINAL;
    }
    item->vague = true;
    FindQualifier(item);
    return true;
  }

  // "MUSD", "MEUR": an all-capital M before an ISO code; the currency.
  const char* MillionCurrency(size_t i) {
    const Tok t = T(i);
    if (t.kind != TokKind::kWord || t.end - t.begin != 4 ||
        text_[t.begin] != 'M' || !AllUpper(i)) {
      return nullptr;
    }
    char buf[3];
    for (int k = 0; k < 3; ++k) {
      buf[k] = static_cast<char>(text_[t.begin + 1 + k] - 'A' + 'a');
    }
    const WordInfo* info = LookupWord(absl::string_view(buf, 3));
    if (info == nullptr || !(info->flags & kIsoCode)) return nullptr;
    return info->currency;
  }

  // "percent of 10", "per cent of twenty-two" at the start of a clause.
  bool ParsePercentOf(size_t i, Item* item) {
    if (i > 0 && !Boundary(i - 1) && !T(i).newline_before &&
        !IsSym(i - 1, ',') && !IsSym(i - 1, ':')) {
      return false;
    }
    size_t j = i + 1;
    if (WordIs(i, "per")) {
      if (!WordIs(j, "cent") || !Spaced(j)) return false;
      ++j;
    }
    if (!WordIs(j, "of") || !Spaced(j) || !Spaced(j + 1)) return false;
    Numeral n;
    size_t ignored = 0;
    if (IsDigits(j + 1)) {
      if (!ParseDigits(j + 1, &n, &ignored)) return false;
    } else if (!ParseWords(j + 1, &n)) {
      return false;
    }
    if (n.ordinal || n.scaled || (IsWord(n.e) && Spaced(n.e))) return false;
    item->b = i;
    item->e = n.e;
    item->num = n;
    item->value = n.value;
    item->kind = v1::Number::PERCENT;
    item->unit = "%";
    item->marked = true;
    return true;
  }

  // Digits glued to a name ("H100", "GPT-4", "a16z", "COVID-19") or to the
  // tail of a version or time ("1.2.3", "10:30").
  bool RejectLeft(size_t i) {
    if (!Glued(i)) return false;
    const Tok prev = T(i - 1);
    if (prev.kind == TokKind::kWord || prev.kind == TokKind::kOther) {
      return true;
    }
    if (prev.kind == TokKind::kDigits) return true;
    if (prev.kind == TokKind::kSymbol && prev.symbol == '%') return true;
    if (prev.kind != TokKind::kSymbol || !Glued(i - 1)) return false;
    const Tok before = T(i - 2);
    if (before.kind == TokKind::kDigits) {
      return prev.symbol == '.' || prev.symbol == ':' || prev.symbol == '/' ||
             prev.symbol == ',';
    }
    if (before.kind == TokKind::kWord) {
      if (IsDash(i - 1)) {
        // "mid-2024", "pre-2020": a prefix, not a name.
        for (absl::string_view w : {"mid", "pre", "post", "early", "late",
                                    "end", "start", "year", "fiscal"}) {
          if (WordIs(i - 2, w)) return false;
        }
      }
      return prev.symbol == '-' || prev.symbol == '.' || prev.symbol == '_' ||
             prev.symbol == '/' || prev.symbol == ':' || IsDash(i - 1);
    }
    return prev.symbol == '#' || prev.symbol == '@' || prev.symbol == '_' ||
           prev.symbol == '%';
  }

  // The end of a glued run of digits, letters and joiners starting at i.
  size_t SkipChain(size_t i) {
    size_t j = i + 1;
    for (int guard = 0; guard < 64; ++guard) {
      const Tok t = T(j);
      if (t.space_before || t.kind == TokKind::kEnd) break;
      if (t.kind == TokKind::kDigits || t.kind == TokKind::kWord) {
        ++j;
      } else if (t.kind == TokKind::kSymbol &&
                 (t.symbol == '.' || t.symbol == '-' || t.symbol == ':' ||
                  t.symbol == '/' || t.symbol == '_' || t.symbol == ',') &&
                 !T(j + 1).space_before &&
                 (IsDigits(j + 1) || IsWord(j + 1))) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  // ---- numerals -----------------------------------------------------------
  bool ParseDigits(size_t i, Numeral* n, size_t* next) {
    n->b = i;
    size_t j = i;
    std::string digits(S(T(i)));
    const size_t first_len = digits.size();
    // Indian grouping: "12,34,567", "1,00,00,000" (pairs, then a final
    // group of three; at most six pairs keeps rescans bounded).
    if (first_len <= 2 && IsSym(j + 1, ',') && Glued(j + 1) &&
        IsDigits(j + 2) && Glued(j + 2) && S(T(j + 2)).size() == 2) {
      size_t k = j;
      std::string d = digits;
      for (int pairs = 0; pairs < 6 && IsSym(k + 1, ',') && Glued(k + 1) &&
                          IsDigits(k + 2) && Glued(k + 2) &&
                          S(T(k + 2)).size() == 2;
           ++pairs) {
        absl::StrAppend(&d, S(T(k + 2)));
        k += 2;
      }
      if (k > j && IsSym(k + 1, ',') && Glued(k + 1) && IsDigits(k + 2) &&
          Glued(k + 2) && S(T(k + 2)).size() == 3 &&
          !(IsSym(k + 3, ',') && Glued(k + 3) && IsDigits(k + 4) &&
            Glued(k + 4))) {
        absl::StrAppend(&d, S(T(k + 2)));
        digits = d;
        j = k + 2;
        n->grouped = true;
      }
    }
    // Continental grouping with a decimal comma: "1.234,5", "1.234.567,89".
    // Only with the comma: "1.234" alone is an English decimal.
    if (first_len <= 3 && !n->grouped && IsSym(j + 1, '.') &&
        Glued(j + 1) && IsDigits(j + 2) && Glued(j + 2) &&
        S(T(j + 2)).size() == 3) {
      size_t k = j;
      std::string d = digits;
      for (int groups = 0; groups < 6 && IsSym(k + 1, '.') && Glued(k + 1) &&
                           IsDigits(k + 2) && Glued(k + 2) &&
                           S(T(k + 2)).size() == 3;
           ++groups) {
        absl::StrAppend(&d, S(T(k + 2)));
        k += 2;
      }
      if (IsSym(k + 1, ',') && Glued(k + 1) && IsDigits(k + 2) &&
          Glued(k + 2) && S(T(k + 2)).size() <= 2 &&
          !(Glued(k + 3) && (IsDigits(k + 3) || IsWord(k + 3) ||
                             IsSym(k + 3, '.') ||
                             (IsSym(k + 3, ',') && IsDigits(k + 4) &&
                              Glued(k + 4))))) {
        n->int_digits = static_cast<int>(d.size());
        n->grouped = true;
        n->decimal = true;
        absl::StrAppend(&d, ".", S(T(k + 2)));
        n->value = std::strtod(d.c_str(), nullptr);
        n->e = k + 3;
        return true;
      }
    }
    // Thousands groups: exactly three digits after each separator.
    if (first_len <= 3 && !n->grouped) {
      while (IsSym(j + 1, ',') && Glued(j + 1) && IsDigits(j + 2) &&
             Glued(j + 2) && S(T(j + 2)).size() == 3) {
        absl::StrAppend(&digits, S(T(j + 2)));
        j += 2;
        n->grouped = true;
      }
      if (!n->grouped) {
        while (IsDigits(j + 1) && T(j + 1).thin_space_before &&
               S(T(j + 1)).size() == 3 &&
               !(IsSym(j + 2, '.') && Glued(j + 2) && IsDigits(j + 3) &&
                 Glued(j + 3) && IsSym(j + 4, '.')) &&
               !(IsSym(j + 2, ',') && Glued(j + 2))) {
          absl::StrAppend(&digits, S(T(j + 1)));
          ++j;
          n->grouped = true;
        }
      }
    }
    n->int_digits = static_cast<int>(digits.size());
    if (IsSym(j + 1, '.') && Glued(j + 1) && IsDigits(j + 2) && Glued(j + 2)) {
      // A second point makes it a version or address: "1.2.3".
      if (IsSym(j + 3, '.') && Glued(j + 3) && IsDigits(j + 4) &&
          Glued(j + 4)) {
        *next = SkipChain(i);
        return false;
      }
      digits.push_back('.');
      absl::StrAppend(&digits, S(T(j + 2)));
      j += 2;
      n->decimal = true;
    }
    if (n->int_digits > kMaxDigits) {
      *next = j + 1;
      return false;
    }
    // Digit fractions: "3/4", "-4/5" (see FractionDenominator).
    double slash = 0;
    if (!n->decimal && !n->grouped && SlashFraction(j, &slash)) {
      n->value = slash;
      n->fraction = true;
      n->e = j + 3;
      return true;
    }
    // Times, ratios, slashed dates and phone numbers: "10:30", "9/11",
    // "555-123-4567".
    if (Glued(j + 1) && Glued(j + 2) && IsDigits(j + 2) &&
        (IsSym(j + 1, ':') || IsSym(j + 1, '/'))) {
      *next = SkipChain(i);
      return false;
    }
    if (IsSym(j + 1, '-') && Glued(j + 1) && IsDigits(j + 2) && Glued(j + 2) &&
        IsSym(j + 3, '-') && Glued(j + 3) && IsDigits(j + 4) && Glued(j + 4)) {
      *next = SkipChain(i);
      return false;
    }
    // Exchange suffixes: "0700.HK".
    if (IsSym(j + 1, '.') && Glued(j + 1) && Glued(j + 2) && AllUpper(j + 2) &&
        S(T(j + 2)).size() <= 2 && !IsWord(j + 3) &&
        (T(j + 3).space_before || T(j + 3).kind != TokKind::kWord)) {
      if (!(T(j + 3).kind == TokKind::kWord && Glued(j + 3))) {
        *next = j + 3;
        return false;
      }
    }
    n->value = std::strtod(digits.c_str(), nullptr);
    ParsePower(n, &j);
    n->e = j + 1;
    return true;
  }

  // Exponents glued to a mantissa ending at token *j: "1.3e6", "12.32e+14",
  // "1.1^23", "2.5^-1", "1.3x10^6". Advances *j past them.
  void ParsePower(Numeral* n, size_t* j) {
    size_t k = *j + 1;
    bool ten = false;
    if (Glued(k) && (WordIs(k, "e") || WordIs(k, "E"))) {
      ten = true;
      ++k;
    } else if (Glued(k) && WordIs(k, "x") && Glued(k + 1) &&
               S(T(k + 1)) == "10" && IsSym(k + 2, '^') && Glued(k + 2)) {
      ten = true;
      k += 3;
    } else if (IsSym(k, '^') && Glued(k)) {
      ++k;
    } else {
      return;
    }
    double sign = 1;
    for (int guard = 0; guard < 2 && Glued(k) &&
                        (IsSym(k, '+') || IsSym(k, '-') || IsSym(k, 0x2212));
         ++guard, ++k) {
      if (!IsSym(k, '+')) sign = -sign;
    }
    if (!IsDigits(k) || !Glued(k) || S(T(k)).size() > 3) return;
    if (Glued(k + 1) && (IsWord(k + 1) || IsDigits(k + 1))) return;
    const double exponent =
        sign * std::strtod(std::string(S(T(k))).c_str(), nullptr);
    n->value = ten ? n->value * std::pow(10.0, exponent)
                   : std::pow(n->value, exponent);
    n->decimal = true;
    *j = k;
  }

  // "3/4" at token k: digits, a glued slash, digits, nothing more glued.
  bool SlashFraction(size_t k, double* value) {
    if (!IsDigits(k) || !IsSym(k + 1, '/') || !Glued(k + 1) ||
        !IsDigits(k + 2) || !Glued(k + 2)) {
      return false;
    }
    if (S(T(k)).size() > 2 || S(T(k + 2)).size() > 3) return false;
    if (Glued(k + 3) && (IsSym(k + 3, '/') || IsDigits(k + 3) ||
                         IsWord(k + 3) || IsSym(k + 3, '-'))) {
      return false;
    }
    if (k > 0 && Glued(k) && (IsSym(k - 1, '/') || IsDigits(k - 1))) {
      return false;
    }
    const long num = std::strtol(std::string(S(T(k))).c_str(), nullptr, 10);
    const long den =
        std::strtol(std::string(S(T(k + 2))).c_str(), nullptr, 10);
    if (!FractionDenominator(den) || num <= 0 || num >= den) return false;
    *value = static_cast<double>(num) / static_cast<double>(den);
    return true;
  }

  // Spelled-out numerals. Standalone "first" and "second" are not
  // ordinals here: they are almost always lexical.
  bool ParseWords(size_t i, Numeral* n) {
    n->b = i;
    n->is_word = true;
    double total = 0, current = 0;
    enum Last { kNone, kUnit, kTens, kHundred, kScale, kAnd } last = kNone;
    size_t j = i;
    if (WordIs(i, "a") || WordIs(i, "an")) {
      if (!Spaced(i + 1)) return false;
      const WordInfo* info = Info(i + 1);
      if (info == nullptr) return false;
      const bool full_scale =
          (info->flags & kScaleWord) && T(i + 1).end - T(i + 1).begin >= 5;
      if (!(info->flags & kHundredWord) && !full_scale &&
          !WordIs(i + 1, "dozen")) {
        return false;
      }
      current = 1;
      last = kUnit;
      j = i + 1;
    }
    bool any = last != kNone;
    while (true) {
      const WordInfo* info = Info(j);
      if (info == nullptr) break;
      if (j > i && !Spaced(j)) break;
      const uint32_t f = info->flags;
      const bool plain_word = !IsUpper(text_[T(j).begin]) || j == i ||
                              Capitalized(i);
      if (!plain_word) break;
      if ((f & kUnitWord) && (last == kNone || last == kHundred ||
                              last == kScale || last == kAnd ||
                              (last == kTens && info->value > 0 &&
                               info->value < 10))) {
        current += info->value;
        last = kUnit;
      } else if ((f & kTensWord) && (last == kNone || last == kHundred ||
                                     last == kScale || last == kAnd)) {
        current += info->value;
        last = kTens;
        // "fifty - two" (spaced hyphen, as in transcripts)
        if (IsDash(j + 1) && Spaced(j + 1) && Spaced(j + 2) &&
            Has(j + 2, kUnitWord) && Info(j + 2)->value >= 1 &&
            Info(j + 2)->value <= 9) {
          current += Info(j + 2)->value;
          j += 3;
          last = kUnit;
          any = true;
          continue;
        }
        // "twenty-one", "twenty-first"
        if (IsDash(j + 1) && Glued(j + 1) && Glued(j + 2)) {
          const WordInfo* unit = Info(j + 2);
          if (unit != nullptr && unit->value >= 1 && unit->value <= 9 &&
              ((unit->flags & kUnitWord) || (unit->flags & kOrdinalWord) ||
               WordIs(j + 2, "first") || WordIs(j + 2, "second"))) {
            current += unit->value;
            n->ordinal = !(unit->flags & kUnitWord);
            j += 3;
            last = kUnit;
            any = true;
            if (n->ordinal) break;
            continue;
          }
        }
      } else if ((f & kHundredWord) && last == kUnit) {
        current *= 100;
        last = kHundred;
      } else if (WordIs(j, "dozen") && last == kUnit) {
        current *= 12;
        last = kScale;
        ++j;
        any = true;
        break;
      } else if ((f & kScaleWord) && T(j).end - T(j).begin >= 5 &&
                 (last == kUnit || last == kTens || last == kHundred)) {
        total += current * info->scale;
        current = 0;
        last = kScale;
        n->scaled = true;
        n->scale = info->scale;
      } else if (WordIs(j, "and") && (last == kHundred || last == kScale) &&
                 Spaced(j + 1) &&
                 (Has(j + 1, kUnitWord) || Has(j + 1, kTensWord) ||
                  (Has(j + 1, kOrdinalWord) && Info(j + 1)->value < 10)) &&
                 !FractionAt(j + 1)) {
        last = kAnd;
        n->before_and = total + current;
      } else if ((f & kOrdinalWord) && (last == kNone || last == kHundred ||
                                        last == kScale || last == kAnd)) {
        current += info->value;
        n->ordinal = true;
        last = kUnit;
        ++j;
        any = true;
        break;
      } else {
        break;
      }
      any = true;
      ++j;
    }
    const bool article = WordIs(i, "a") || WordIs(i, "an");
    if (!any || last == kAnd || j <= i + (article ? 1 : 0)) return false;
    n->value = total + current;
    n->e = j;
    if (last == kTens && Has(j - 1, kTensWord)) {
      n->tail_tens = Info(j - 1)->value;
    }
    // "two hundred point zero three", "nine point nought four".
    if (!n->ordinal && WordIs(j, "point") && Spaced(j) && Spaced(j + 1)) {
      std::string decimals;
      size_t k = j + 1;
      while (Spaced(k) && Has(k, kUnitWord) && Info(k)->value <= 9 &&
             decimals.size() < 12) {
        absl::StrAppend(&decimals, static_cast<int>(Info(k)->value));
        ++k;
      }
      if (decimals.empty()) {
        Numeral two;
        if (ParseWords(j + 1, &two) && !two.scaled && !two.ordinal &&
            two.value >= 10 && two.value < 100) {
          decimals = absl::StrCat(static_cast<int>(two.value));
          k = two.e;
        }
      }
      if (!decimals.empty()) {
        n->value += std::strtod(absl::StrCat("0.", decimals).c_str(), nullptr);
        n->decimal = true;
        n->e = k;
      }
    }
    // "three dozens", "five dozs"; after "and" only the last part counts
    // dozens: "three hundred and two dozens" is 300 + 24.
    if (!n->ordinal && !n->decimal && Spaced(n->e) &&
        (WordIs(n->e, "dozens") || WordIs(n->e, "dzs") ||
         WordIs(n->e, "dozs"))) {
      n->value = n->before_and >= 0
                     ? n->before_and + (n->value - n->before_and) * 12
                     : n->value * 12;
      n->scaled = true;
      n->e += 1;
    }
    return true;
  }

  // A fraction denominator at token k: "fifths", "eighth", "hundredths",
  // "twenty-first", "twenty firsts". Sets the denominator and whether it
  // is plural, and the token after it.
  bool Denominator(size_t k, double* den, bool* plural, size_t* end) {
    const WordInfo* info = Info(k);
    if (info == nullptr) return false;
    if (info->flags & kFractionWord) {
      *den = 1.0 / info->fraction;
      *plural = S(T(k)).back() == 's';
      *end = k + 1;
      return true;
    }
    // "a thirtieth", "three twentieths".
    if ((info->flags & kOrdinalWord) && info->value >= 3) {
      *den = info->value;
      *plural = false;
      *end = k + 1;
      return true;
    }
    if (IsWord(k) && S(T(k)).size() > 4 && S(T(k)).back() == 's') {
      std::string w = Lower(k);
      w.pop_back();
      const WordInfo* singular = LookupWord(w);
      if (singular != nullptr && (singular->flags & kOrdinalWord) &&
          singular->value >= 3) {
        *den = singular->value;
        *plural = true;
        *end = k + 1;
        return true;
      }
    }
    if (!(info->flags & kTensWord)) return false;
    size_t u = k + 1;
    if (IsDash(u) && Glued(u) && Glued(u + 1)) {
      ++u;
    } else if (!Spaced(u)) {
      return false;
    }
    std::string w = Lower(u);
    const bool s = w.size() > 3 && w.back() == 's';
    if (s) w.pop_back();
    const WordInfo* unit = LookupWord(w);
    if (unit == nullptr || w == "half" || w == "quarter") return false;
    double v = 0;
    if (w == "first") {
      v = 1;
    } else if (w == "second") {
      v = 2;
    } else if (unit->flags & kFractionWord) {
      v = std::round(1.0 / unit->fraction);
    } else if (unit->flags & kOrdinalWord) {
      v = unit->value;
    }
    if (v < 1 || v > 9) return false;
    // Spaced "twenty fifths" only in the plural.
    if (!IsDash(k + 1) && !s) return false;
    *den = info->value + v;
    *plural = s;
    *end = u + 1;
    return true;
  }

  // A fraction follows at token k: "a half", "three fifths", "one fourth".
  bool FractionAt(size_t k) {
    double den = 0;
    bool plural = false;
    size_t end = 0;
    if (WordIs(k, "a") || WordIs(k, "an") || WordIs(k, "one")) {
      return Spaced(k + 1) && Denominator(k + 1, &den, &plural, &end);
    }
    // A proper fraction: "and three fifths", "and fifty-four hundredths"
    // ("one hundred and thirty fifths" is 130/5).
    double top = 0;
    size_t d = 0;
    return SmallWords(k, &top, &d) && Spaced(d) &&
           Denominator(d, &den, &plural, &end) && top < den &&
           (plural || top == 1);
  }

  // A spelled number below 100 at token k: "three", "fifty", "fifty-four".
  // Sets its value and the token after it.
  bool SmallWords(size_t k, double* value, size_t* end) {
    if (Has(k, kUnitWord)) {
      *value = Info(k)->value;
      *end = k + 1;
      return true;
    }
    if (!Has(k, kTensWord)) return false;
    *value = Info(k)->value;
    *end = k + 1;
    if (IsDash(k + 1) && Glued(k + 1) && Glued(k + 2) &&
        Has(k + 2, kUnitWord) &&
        Info(k + 2)->value >= 1 && Info(k + 2)->value <= 9) {
      *value += Info(k + 2)->value;
      *end = k + 3;
    }
    return true;
  }

  // "<whole> and a half", "<whole> and three fifths" after a numeral that
  // ends at token k. Returns the fraction's value and the token after it.
  bool MixedFraction(size_t k, double* value, size_t* end) {
    if (!WordIs(k, "and") || !Spaced(k) || !Spaced(k + 1)) return false;
    double numerator = 1;
    size_t d = k + 2;
    if (WordIs(k + 1, "a") || WordIs(k + 1, "an") || WordIs(k + 1, "one")) {
      numerator = 1;
    } else if (SmallWords(k + 1, &numerator, &d) && numerator >= 1) {
      // "three fifths", "fifty-four hundredths"
    } else {
      return false;
    }
    double den = 0;
    bool plural = false;
    if (!Spaced(d) || !Denominator(d, &den, &plural, end)) return false;
    if (numerator > 1 && !plural) return false;
    if (numerator >= den) return false;
    *value = numerator / den;
    return true;
  }

  // A scale word after a numeral: "1.5 million", "$600B", "EUR 13.1 mn".
  void ParseScale(Numeral* n, bool has_currency) {
    if (n->scaled) return;
    const size_t j = n->e;
    if (!SameLine(j)) return;
    if ((WordIs(j, "dozen") || WordIs(j, "dozens") || WordIs(j, "dzs") ||
         WordIs(j, "dozs")) &&
        !n->is_word && T(j).space_before) {
      n->value *= 12;
      n->e = j + 1;
      n->scaled = true;
      return;
    }
    const WordInfo* info = Info(j);
    if (info == nullptr) return;
    if (WordIs(j, "hundred") && !n->is_word && T(j).space_before &&
        !n->fraction) {
      // "322 hundred"
      n->value *= 100;
      n->scale = 100;
      n->scaled = true;
      n->e = j + 1;
      return;
    }
    if (!(info->flags & kScaleWord)) return;
    const size_t len = T(j).end - T(j).begin;
    const char first = text_[T(j).begin];
    if (len == 1) {
      if (n->is_word) return;
      if (T(j).space_before) {
        // "2.33 k", "1,674.5 M" at the end of a phrase.
        const bool ok = (first == 'k' || first == 'K' || first == 'M') &&
                        T(j).thin_space_before &&
                        !(IsWord(j + 1) || IsDigits(j + 1)) &&
                        !IsSym(j + 1, '.');
        if (!ok) return;
      }
      const bool ok = first == 'k' || first == 'K' || first == 'B' ||
                      first == 'M' || first == 'b' ||
                      (has_currency &&
                       (first == 'm' || first == 'T' || first == 't'));
      if (!ok) return;
      n->abbreviated_scale = true;
    } else if (len <= 3) {
      if (n->is_word) return;
      // "1mm" is a millimetre unless it is money ("US$ 1MM").
      if (WordIs(j, "mm") && !has_currency && !AllUpper(j)) return;
      n->abbreviated_scale = true;
    } else if (n->is_word && !T(j).space_before) {
      return;
    }
    n->value *= info->scale;
    n->scale = info->scale;
    n->scaled = true;
    n->e = j + 1;
  }

  // ---- full expressions ---------------------------------------------------
  bool ParseFull(size_t i, Item* item, size_t* next) {
    if (!ParseSingle(i, item, next, /*allow_range=*/true)) return false;
    FindQualifier(item);
    return true;
  }

  // One amount with its markers; with allow_range, also "X to Y" etc.
  bool ParseSingle(size_t i, Item* item, size_t* next, bool allow_range) {
    item->b = i;
    size_t j = i;
    std::string currency;
    double prefix_factor = 1;
    // Currency before the numeral: "$", "US$", "HK$", "EUR 13.1".
    if (T(i).kind == TokKind::kSymbol) {
      const char* code = CurrencyOfSymbol(T(i).symbol);
      if (code != nullptr) {
        currency = code;
        j = i + 1;
      }
    } else if (DollarPrefixAt(i)) {
      currency = Info(i)->currency;
      j = i + 2;
    } else if (Has(i, kIsoCode) && (AllUpper(i) || WordIs(i, "rs")) &&
               Capitalized(i)) {
      j = i + 1;
      if (IsSym(j, '.') && Glued(j)) ++j;  // "Rs."
      if (!IsDigits(j) || !Spaced(j)) {
        // "Rs100", "USD115"
        if (!(IsDigits(j) && Glued(j) &&
              (WordIs(i, "rs") || S(T(i)).size() == 3))) {
          return false;
        }
      }
      currency = Info(i)->currency;
    } else if (const char* code = MillionCurrency(i);
               code != nullptr && IsDigits(i + 1) && Spaced(i + 1)) {
      currency = code;
      prefix_factor = 1e6;
      j = i + 1;
    }
    if (!currency.empty()) {
      item->currency_prefix = true;
      if (!IsDigits(j) || !SameLine(j)) {
        // "US$" with something else after it.
        return false;
      }
      if (T(j).space_before && !Spaced(j)) return false;
      if (RejectLeftOfCurrency(i)) return false;
    }
    double sign = 1;
    // "minus five", "negative 3".
    if (currency.empty() && (WordIs(j, "minus") || WordIs(j, "negative")) &&
        Spaced(j + 1) &&
        (IsDigits(j + 1) || Has(j + 1, kUnitWord) || Has(j + 1, kTensWord))) {
      sign = -1;
      ++j;
    } else if (currency.empty() && T(j).kind == TokKind::kSymbol &&
               !IsSym(j, '.')) {
      const char32_t s = T(j).symbol;
      if (!(s == '+' || s == '-' || s == 0x2212) || !IsDigits(j + 1) ||
          !Glued(j + 1)) {
        return false;
      }
      // A sign only where no number or word precedes: not "5-10".
      if (j > 0 && Glued(j) &&
          (IsDigits(j - 1) || IsWord(j - 1) ||
           T(j - 1).kind == TokKind::kOther)) {
        return false;
      }
      if (j > 0 && Glued(j) && T(j - 1).kind == TokKind::kSymbol &&
          T(j - 1).symbol != '(') {
        return false;
      }
      if (s != '+') sign = -1;
      ++j;
    }
    Numeral& n = item->num;
    if (IsSym(j, '.') && IsDigits(j + 1) && Glued(j + 1)) {
      // ".08"
      if (Glued(j + 2) && (IsWord(j + 2) || IsSym(j + 2, '.'))) return false;
      n.b = j;
      n.e = j + 2;
      n.decimal = true;
      n.int_digits = 1;
      n.value = std::strtod(absl::StrCat("0.", S(T(j + 1))).c_str(), nullptr);
    } else if (IsDigits(j)) {
      if (!ParseDigits(j, &n, next)) return false;
      // "2 1/4", "7 3/4": a whole number and a digit fraction.
      double slash = 0;
      if (!n.fraction && !n.decimal && !n.grouped && n.int_digits <= 3 &&
          Spaced(n.e) && SlashFraction(n.e, &slash)) {
        n.value += slash;
        n.fraction = true;
        n.e += 3;
      }
      // "7½"
      if (!n.fraction && !n.decimal && Glued(n.e) &&
          T(n.e).kind == TokKind::kSymbol &&
          VulgarFraction(T(n.e).symbol) > 0) {
        n.value += VulgarFraction(T(n.e).symbol);
        n.fraction = true;
        n.e += 1;
      }
    } else if (IsWord(j)) {
      if (!ParseWordNumeral(j, item, next)) return false;
      // A scaled fraction ("three quarters billion") may still take a
      // currency after it; other word forms are complete.
      if (item->kind != v1::Number::KIND_UNSPECIFIED && sign < 0 &&
          item->kind != v1::Number::MULTIPLIER) {
        // "minus three fifths"
        item->value = -item->value;
        n.value = -n.value;
        item->b = i;
        n.b = i;
      }
      if (item->kind != v1::Number::KIND_UNSPECIFIED &&
          !(item->num.fraction && item->num.scaled && sign > 0)) {
        return true;
      }
    } else {
      return false;
    }
    n.b = i;
    n.value *= sign * prefix_factor;
    ParseScale(&n, !currency.empty());
    if (n.scaled && !n.is_word && !n.abbreviated_scale) {
      // "3 million and a half"
      double frac = 0;
      size_t end = 0;
      if (!n.decimal && n.scale >= 1e3 && MixedFraction(n.e, &frac, &end)) {
        n.value += sign * frac * n.scale;
        n.e = end;
      }
    }
    if (n.scaled && !n.abbreviated_scale) ExtendScaled(&n);
    if (currency.empty()) ParseRatio(&n);
    item->e = n.e;
    item->value = n.value;
    if (!currency.empty()) {
      item->kind = v1::Number::MONEY;
      item->unit = currency;
      item->marked = true;
    }
    if (!ParseSuffix(item, next)) return false;
    if (!currency.empty()) {
      if (!n.scaled && !n.decimal && prefix_factor == 1 &&
          item->e == n.e) {
        AddCentsAfter(item, currency, /*require_and=*/true);
      }
      ClassifyMoney(item);
    }
    if (allow_range && ParseRange(item)) return true;
    return Finish(item, next);
  }

  // Continues a numeral that ends in a word scale. A larger scale word
  // multiplies ("three lakh crore"); a smaller part adds: with its own
  // scale ("4 thousand 3 hundred"), or after "and" when the remainder is
  // below the last scale ("3 hundred and 21", "6 crore and two hundred").
  // A bare digit remainder after "and" is taken only below a thousand
  // ("3 million and 20 staff" stays two numbers).
  void ExtendScaled(Numeral* n) {
    size_t k = n->e;
    if (Spaced(k) && Has(k, kScaleWord) && S(T(k)).size() >= 4 &&
        Info(k)->scale > n->scale) {
      n->value *= Info(k)->scale;
      n->scale *= Info(k)->scale;
      n->e = k + 1;
    }
    double unit = n->scale;
    for (int guard = 0; guard < 4 && unit > 1; ++guard) {
      k = n->e;
      bool and_join = false;
      if (WordIs(k, "and") && Spaced(k) && Spaced(k + 1)) {
        and_join = true;
        ++k;
      }
      if (!Spaced(k)) return;
      Numeral c;
      size_t ignored = 0;
      if (IsDigits(k)) {
        if (S(T(k)).size() > 3 || !ParseDigits(k, &c, &ignored)) return;
        if (c.decimal || c.grouped || c.fraction) return;
        if (c.e < k + 1 || (Glued(c.e) && !IsSym(c.e, '.') &&
                            !IsSym(c.e, ',') && T(c.e).kind !=
                            TokKind::kEnd)) {
          return;
        }
        ParseScale(&c, false);
      } else if (Has(k, kUnitWord) || Has(k, kTensWord)) {
        if (!ParseWords(k, &c) || c.ordinal || c.decimal) return;
        if (!c.scaled) ParseScale(&c, false);
      } else {
        return;
      }
      if (c.abbreviated_scale || c.value < 1 || c.value >= unit) return;
      if (!c.scaled && !and_join) return;
      if (!c.scaled && !c.is_word && unit > 1e3) return;
      if (c.scaled && (c.scale >= unit || (and_join && c.scale >= 1e6))) {
        return;
      }
      if (!n->is_word && !c.is_word && Has(c.e, kFractionWord)) return;
      n->value += n->value < 0 ? -c.value : c.value;
      n->e = c.e;
      unit = c.scaled ? c.scale : 1;
    }
  }

  // "US$", "C$", "usd$", "Mex$", and in lower-cased text "c $", "hk $".
  bool DollarPrefixAt(size_t i) {
    if (!IsWord(i) || !IsSym(i + 1, '$')) return false;
    if (!Has(i, kDollarPrefix) && !Has(i, kIsoCode)) return false;
    if (i > 0 && Glued(i) && (IsWord(i - 1) || IsDigits(i - 1))) return false;
    const size_t len = S(T(i)).size();
    if (Glued(i + 1)) return AllUpper(i) || len >= 2;
    // Spaced: only prefixes that are not English words ("a", "s" are).
    return T(i + 1).thin_space_before && !AllUpper(i) &&
           (WordIs(i, "c") || WordIs(i, "hk") || WordIs(i, "nz") ||
            WordIs(i, "us") || WordIs(i, "mex"));
  }

  // "1 over 3", "one out of three", "1 in 21": a ratio read as a fraction.
  // "over" needs nothing word-like after the divisor ("2000 over 3 years"
  // is an amount and a duration); "out of" needs a larger divisor; "in"
  // needs a numerator of one.
  void ParseRatio(Numeral* n) {
    if (n->scaled || n->fraction || n->ordinal || n->grouped) return;
    const size_t k = n->e;
    if (!Spaced(k)) return;
    size_t d = 0;
    enum { kOver, kOutOf, kIn } how;
    if (WordIs(k, "over")) {
      how = kOver;
      d = k + 1;
    } else if (WordIs(k, "out") && WordIs(k + 1, "of") && Spaced(k + 1)) {
      how = kOutOf;
      d = k + 2;
    } else if (WordIs(k, "in")) {
      how = kIn;
      d = k + 1;
    } else {
      return;
    }
    if (!Spaced(d)) return;
    Numeral den;
    size_t ignored = 0;
    if (IsDigits(d)) {
      if (!ParseDigits(d, &den, &ignored)) return;
    } else if (!ParseWords(d, &den)) {
      return;
    }
    if (den.ordinal || den.fraction || den.decimal || den.value <= 0) return;
    if (T(den.e).kind != TokKind::kEnd && Glued(den.e) &&
        !IsSym(den.e, '.') && !IsSym(den.e, ',') &&
        !IsSym(den.e, '?') && !IsSym(den.e, '!')) {
      return;
    }
    if (IsYearShape(den) || IsYearShape(*n)) return;
    switch (how) {
      case kOver:
        if (IsWord(den.e) || IsDigits(den.e)) return;
        break;
      case kOutOf:
        if (!(n->value < den.value)) return;
        break;
      case kIn:
        if (n->value != 1 || den.value < 2) return;
        break;
    }
    n->value /= den.value;
    n->fraction = true;
    n->e = den.e;
  }

  // "A$", "C$": "A" glued to "$" is handled as a prefix; any other word
  // glued to a currency sign is not a price.
  bool RejectLeftOfCurrency(size_t i) {
    if (T(i).kind != TokKind::kSymbol) return false;
    if (!Glued(i)) return false;
    const Tok prev = T(i - 1);
    return prev.kind == TokKind::kDigits || prev.kind == TokKind::kWord;
  }

  // Word numerals and the word-only forms: "twice", "half", "a quarter of".
  bool ParseWordNumeral(size_t j, Item* item, size_t* next) {
    Numeral& n = item->num;
    const WordInfo* info = Info(j);
    if (info == nullptr) return false;
    if (info->flags & kMultiplierWord) {
      n.b = j;
      n.e = j + 1;
      item->b = j;
      item->e = j + 1;
      item->kind = v1::Number::MULTIPLIER;
      item->value = info->value;
      item->marked = true;
      return !(IsDash(j + 1) && Glued(j + 1));
    }
    // "half a million", "half million", "a quarter million", "half a dozen".
    if (WordIs(j, "half") || WordIs(j, "quarter") ||
        ((WordIs(j, "a") || WordIs(j, "one")) && WordIs(j + 1, "quarter") &&
         Spaced(j + 1))) {
      const size_t f = WordIs(j, "half") || WordIs(j, "quarter") ? j : j + 1;
      size_t k = f + 1;
      if (Spaced(k) && WordIs(k, "a") && WordIs(f, "half")) ++k;
      if (Spaced(k) && Spaced(f + 1) &&
          ((Has(k, kScaleWord) && S(T(k)).size() >= 7) ||
           WordIs(k, "dozen"))) {
        const double scale = WordIs(k, "dozen") ? 12 : Info(k)->scale;
        const double part = WordIs(f, "half") ? 0.5 : 0.25;
        // A plain amount: currency or unit words may follow.
        n.b = j;
        n.e = k + 1;
        n.is_word = true;
        n.scaled = true;
        n.value = part * scale;
        return true;
      }
    }
    // Fractions: "half of", "a quarter of", "two-thirds".
    if (WordIs(j, "half")) {
      if ((IsDash(j + 1) && Glued(j + 1)) || !Spaced(j + 1)) return false;
      if (j > 0 && (WordIs(j - 1, "first") || WordIs(j - 1, "second") ||
                    WordIs(j - 1, "latter") || WordIs(j - 1, "other"))) {
        return false;  // "the first half of 2024" is a period
      }
      const bool before_ok = j > 0 && (WordIs(j - 1, "by") ||
                                       WordIs(j - 1, "in") ||
                                       WordIs(j - 1, "than") ||
                                       WordIs(j - 1, "nearly") ||
                                       WordIs(j - 1, "almost") ||
                                       WordIs(j - 1, "about") ||
                                       WordIs(j - 1, "roughly"));
      const bool after_ok = WordIs(j + 1, "of") || WordIs(j + 1, "a") ||
                            WordIs(j + 1, "an") || WordIs(j + 1, "the") ||
                            WordIs(j + 1, "its") || WordIs(j + 1, "their");
      if (!before_ok && !after_ok) return false;
      return SetFraction(item, j, j + 1, 0.5);
    }
    // "a fifth", "one eighth", "a twenty-first" (of ...): singular, so
    // only before "of" or the end of a phrase ("a fifth term" is ordinal).
    if ((WordIs(j, "a") || WordIs(j, "one")) && Spaced(j + 1)) {
      double den = 0;
      bool plural = false;
      size_t end = 0;
      if (Denominator(j + 1, &den, &plural, &end) && !plural &&
          !WordIs(j + 1, "tenth") && !(IsDash(end) && Glued(end)) &&
          ((WordIs(end, "of") && Spaced(end)) || !IsWord(end))) {
        return SetFraction(item, j, end, 1.0 / den);
      }
    }
    if (!ParseWords(j, &n)) return false;
    if (n.ordinal) return true;
    // "five and a half million", "one million and a half",
    // "twenty and three fifths".
    {
      double frac = 0;
      size_t end = 0;
      if (!n.decimal && MixedFraction(n.e, &frac, &end)) {
        double value = n.value;
        if (Spaced(end) && Has(end, kScaleWord) &&
            S(T(end)).size() >= 7) {
          const double scale = Info(end)->scale;
          value = n.scaled ? value + frac * scale : (value + frac) * scale;
          ++end;
        } else {
          value += n.scaled && n.scale >= 1e3 ? frac * n.scale : frac;
        }
        if (!SetFraction(item, j, end, value)) return false;
        item->num.scaled = n.scaled;
        return true;
      }
    }
    // "one hundred thirty-fifths", "one hundred thirty fifths": a tens word
    // and a plural unit denominator form one compound denominator
    // (100/35), as they form one ordinal in "thirty-fifth".
    if (!n.decimal && !n.scaled && n.tail_tens > 0 &&
        n.value - n.tail_tens >= 1 && !WordIs(n.e - 2, "and")) {
      size_t u = n.e;
      bool joined = Spaced(u);
      if (IsDash(u) && Glued(u) && Glued(u + 1)) {
        ++u;
        joined = true;
      }
      double den = 0;
      bool plural = false;
      size_t end = 0;
      if (joined && Denominator(u, &den, &plural, &end) && plural &&
          den >= 2 && den <= 9 && !WordIs(u, "halves") &&
          !WordIs(u, "quarters")) {
        return SetFraction(item, j, end,
                           (n.value - n.tail_tens) / (n.tail_tens + den));
      }
    }
    // "one - fourth", "five - eighths" (spaced hyphen, as in transcripts).
    if (!n.decimal && !n.scaled && n.value >= 1 && n.value < 20 &&
        IsDash(n.e) && Spaced(n.e) && Spaced(n.e + 1)) {
      double den = 0;
      bool plural = false;
      size_t end = 0;
      if (Denominator(n.e + 1, &den, &plural, &end) && n.value < den &&
          (plural || (n.value == 1 && !IsWord(end) &&
                      !(IsDash(end) && Glued(end))))) {
        return SetFraction(item, j, end, n.value / den);
      }
    }
    // "one one hundred fifth": "one" before a spelled ordinal.
    if (n.value == 1 && n.e == j + 1 && WordIs(j, "one") && Spaced(n.e) &&
        (Has(n.e, kUnitWord) || Has(n.e, kTensWord))) {
      Numeral den;
      if (ParseWords(n.e, &den) && den.ordinal && den.value >= 3 &&
          !IsWord(den.e)) {
        return SetFraction(item, j, den.e, 1 / den.value);
      }
    }
    // "five eighths", "three twenty-firsts", "a hundred trillionths".
    if (!n.decimal && Spaced(n.e)) {
      double den = 0;
      bool plural = false;
      size_t end = 0;
      if (Denominator(n.e, &den, &plural, &end) &&
          !WordIs(n.e, "half") && !WordIs(n.e, "quarter") &&
          !WordIs(n.e, "quarters") && !WordIs(n.e, "halves") &&
          (plural || (n.value == 1 && !IsWord(end) &&
                      !(IsDash(end) && Glued(end))))) {
        double value = n.value / den;
        // "two thirds of a million", "three quarters billion"
        size_t k = end;
        if (WordIs(k, "of") && WordIs(k + 1, "a") && Spaced(k + 2) &&
            Has(k + 2, kScaleWord) && S(T(k + 2)).size() >= 7) {
          value *= Info(k + 2)->scale;
          end = k + 3;
        } else if (Spaced(k) && Has(k, kScaleWord) &&
                   S(T(k)).size() >= 7) {
          value *= Info(k)->scale;
          end = k + 1;
        }
        return SetFraction(item, j, end, value);
      }
    }
    // "two-thirds", "three quarters of".
    const size_t k = n.e;
    if (!n.scaled && Has(k, kFractionWord) && !WordIs(k, "half") &&
        Spaced(k)) {
      const bool plural = S(T(k)).back() == 's';
      if (plural || WordIs(k + 1, "of")) {
        // "three quarters billion"
        if (plural && Spaced(k + 1) && Has(k + 1, kScaleWord) &&
            S(T(k + 1)).size() >= 7) {
          const double scale = Info(k + 1)->scale;
          SetFraction(item, j, k + 2, n.value * Info(k)->fraction * scale);
          item->num.scaled = true;
          item->num.scale = scale;
          return true;
        }
        return SetFraction(item, j, k + 1, n.value * Info(k)->fraction);
      }
    }
    if (!n.scaled && IsDash(k) && Glued(k) && Glued(k + 1) &&
        Has(k + 1, kFractionWord)) {
      const double f = Info(k + 1)->fraction;
      return SetFraction(item, j, k + 2, n.value * f);
    }
    (void)next;
    return true;
  }

  bool SetFraction(Item* item, size_t b, size_t e, double value) {
    item->num.b = b;
    item->num.e = e;
    item->num.fraction = true;
    item->num.is_word = true;
    item->num.value = value;
    item->b = b;
    item->e = e;
    item->kind = v1::Number::CARDINAL;
    item->value = value;
    item->marked = true;
    return true;
  }

  // Markers after the numeral: percent, currency, time unit, "-fold", unit.
  bool ParseSuffix(Item* item, size_t* next) {
    Numeral& n = item->num;
    size_t j = n.e;
    const bool digits = !n.is_word;
    // Letters glued to digits: ordinals, decades, "3x", codes like "5G".
    if (digits && IsWord(j) && Glued(j) && !n.scaled) {
      const std::string w = Lower(j);
      if ((w == "st" || w == "nd" || w == "rd" || w == "th") && !n.decimal &&
          !n.grouped) {
        n.ordinal = true;
        item->e = j + 1;
        return true;
      }
      if (w == "s" && !n.decimal && !n.grouped && n.int_digits == 4 &&
          static_cast<long>(n.value) % 10 == 0) {
        item->kind = v1::Number::DATE;
        item->timex = std::string(S(T(n.e - 1))).substr(0, 3);
        item->e = j + 1;
        item->marked = true;
        return true;
      }
      if (w == "x" && !item->currency_prefix) {
        item->kind = v1::Number::MULTIPLIER;
        item->e = j + 1;
        item->marked = true;
        return true;
      }
      if (w == "fold") {
        item->kind = v1::Number::MULTIPLIER;
        item->e = j + 1;
        item->marked = true;
        return true;
      }
      const WordInfo* info = Info(j);
      if (info == nullptr ||
          !(info->flags & (kPercentWord | kIsoCode | kTimeUnit |
                           kMeasureUnit))) {
        *next = SkipChain(j);
        return false;
      }
    }
    if (item->kind == v1::Number::MONEY) {
      // "$1.5T" is handled by ParseScale; "$5 million dollars" is rare.
      return true;
    }
    // A currency sign after the amount: "10 €", "100₾", "100元". Not when
    // a number follows it: then it is the prefix of that number.
    if (SameLine(j) && !n.ordinal && (Glued(j) || T(j).thin_space_before)) {
      const char* code = nullptr;
      if (T(j).kind == TokKind::kSymbol) {
        code = CurrencyOfSymbol(T(j).symbol);
      } else if (T(j).kind == TokKind::kOther && S(T(j)) == "\xE5\x85\x83") {
        code = "CNY";
      }
      const bool number_after =
          (IsDigits(j + 1) ||
           (IsSym(j + 1, '.') && IsDigits(j + 2) && Glued(j + 2))) &&
          SameLine(j + 1);
      if (code != nullptr && !(Glued(j + 1) && IsWord(j + 1))) {
        if (!number_after) return SetMoney(item, j + 1, code, 1);
        // "10 $ 30 $", "10 $ 30 cents": the next number has its own
        // marker, so this sign closes the amount before it.
        const size_t m = j + 2;
        if (IsDigits(j + 1) && T(j + 1).space_before && SameLine(m) &&
            T(m).kind == TokKind::kSymbol && T(m).symbol == T(j).symbol &&
            T(j).kind == TokKind::kSymbol) {
          return SetMoney(item, j + 1, code, 1);
        }
        if (IsDigits(j + 1) && T(j + 1).space_before && Spaced(m) &&
            (WordIs(m, "cent") || WordIs(m, "cents"))) {
          SetMoney(item, j + 1, code, 1);
          AddCentsAfter(item, code);
          return true;
        }
      }
    }
    // Percent; not a URL escape such as "%20".
    if (IsSym(j, '%') || IsSym(j, 0xFF05)) {
      if (!SameLine(j)) return true;
      if (Glued(j + 1) && (IsDigits(j + 1) || IsWord(j + 1))) {
        *next = SkipChain(j + 1);
        return false;
      }
      return SetPercent(item, j + 1, "%");
    }
    if (IsWord(j) && SameLine(j)) {
      if (WordIs(j, "per") && WordIs(j + 1, "cent") && Spaced(j + 1)) {
        return SetPercent(item, j + 2, "%");
      }
      const WordInfo* info = Info(j);
      if (info != nullptr && (info->flags & kPercentWord)) {
        if (WordIs(j, "percentage") || WordIs(j, "basis")) {
          if (Spaced(j + 1) && (WordIs(j + 1, "point") ||
                                WordIs(j + 1, "points"))) {
            return SetPercent(item, j + 2, info->percent_unit);
          }
          // "100 percentage": read as per cent.
          if (WordIs(j, "percentage") && !IsWord(j + 1)) {
            return SetPercent(item, j + 1, "%");
          }
        } else if (WordIs(j, "percent") || WordIs(j, "percents") ||
                   WordIs(j, "pct") || !n.is_word) {
          return SetPercent(item, j + 1, info->percent_unit);
        }
      }
      // Currency after the amount: "5.6 million USD", "100 euros".
      if (ParseCurrencyAfter(item, j)) return true;
    }
    // Durations: "four years", "25-year", "one-day".
    {
      size_t u = j;
      bool hyphen = false;
      if (IsDash(j) && Glued(j) && Glued(j + 1)) {
        u = j + 1;
        hyphen = true;
      }
      if ((hyphen || Spaced(u)) && !n.ordinal && !n.fraction) {
        const WordInfo* info = Info(u);
        if (info != nullptr && (info->flags & kTimeUnit) &&
            !n.abbreviated_scale) {
          const bool lower = !IsUpper(text_[T(u).begin]);
          const bool quarter_fraction =
              WordIs(u, "quarter") || WordIs(u, "quarters");
          if (lower && !(quarter_fraction && WordIs(u + 1, "of"))) {
            item->kind = v1::Number::DURATION;
            item->unit = info->time_unit;
            const absl::string_view tx = info->timex;
            item->timex = tx[0] == 'T'
                              ? absl::StrCat("PT", FormatNumber(n.value),
                                             tx.substr(1))
                              : absl::StrCat("P", FormatNumber(n.value), tx);
            item->e = u + 1;
            item->marked = true;
            return true;
          }
        }
      }
      // "12-cent", "one-yen".
      if (hyphen && Has(u, kCurrencyWord) && !n.ordinal && !n.fraction) {
        const WordInfo* info = Info(u);
        std::string code = info->currency;
        if (code.empty()) code = last_currency_;
        return SetMoney(item, u + 1, code, info->currency_factor);
      }
      // "2500-fold", "ten-fold".
      if (hyphen && WordIs(u, "fold")) {
        item->kind = v1::Number::MULTIPLIER;
        item->e = u + 1;
        item->marked = true;
        return true;
      }
      if (hyphen && IsWord(u) && AllUpper(u) && S(T(u)).size() == 1) {
        // Form names: "10-K", "8-K".
        *next = u + 1;
        return false;
      }
    }
    // Multipliers: "3x", "3 ×", "three times larger".
    if (IsSym(j, 0x00D7) && SameLine(j) && !(Glued(j + 1) && IsDigits(j + 1))) {
      item->kind = v1::Number::MULTIPLIER;
      item->e = j + 1;
      item->marked = true;
      return true;
    }
    if (Spaced(j) && WordIs(j, "times") && Spaced(j + 1) &&
        Has(j + 1, kComparative)) {
      item->kind = v1::Number::MULTIPLIER;
      item->e = j + 1;
      item->marked = true;
      return true;
    }
    // Measurement units stay outside the span.
    if (Spaced(j) && Has(j, kMeasureUnit) && !n.ordinal && !n.fraction) {
      if (!WordIs(j, "sq") && !WordIs(j, "square") && !WordIs(j, "cubic")) {
        item->kind = v1::Number::QUANTITY;
        item->unit = Lower(j);
        item->marked = true;
        return true;
      }
    }
    // A bare abbreviated scale is money in this genre: "the 32.5 TN close".
    if (n.abbreviated_scale && S(T(n.e - 1)).size() >= 2) {
      item->kind = v1::Number::MONEY;
      item->unit = last_currency_;
      item->marked = true;
    }
    return true;
  }

  bool SetPercent(Item* item, size_t e, const char* unit) {
    item->kind = v1::Number::PERCENT;
    item->unit = unit;
    item->e = e;
    item->marked = true;
    return true;
  }

  // "USD", "RMB", "dollars", "U.S. dollars", "Hong Kong dollars", "cents".
  bool ParseCurrencyAfter(Item* item, size_t j) {
    if (!Spaced(j) && !(Glued(j) && AllUpper(j))) return false;
    // "10 swiss francs", "420 million Finnish markka", "10 us dollars".
    if (Spaced(j) && IsWord(j + 1) && Spaced(j + 1)) {
      const char* code = CurrencyOfAdjective(Lower(j), Lower(j + 1));
      if (code != nullptr) return SetMoney(item, j + 2, code, 1);
    }
    // "30 MUSD": millions of the currency.
    if (const char* code = MillionCurrency(j); code != nullptr) {
      item->value *= 1e6;
      return SetMoney(item, j + 1, code, 1);
    }
    const WordInfo* info = Info(j);
    if (info == nullptr) return false;
    if ((info->flags & kIsoCode) && !WordIs(j, "rs") &&
        (AllUpper(j) || (Spaced(j) && !IsoIsEnglishWord(Lower(j))))) {
      // "3 USD50": the code is the prefix of the next amount.
      if (IsDigits(j + 1) && Glued(j + 1)) return false;
      SetMoney(item, j + 1, info->currency, 1);
      // "75 USD million"
      const size_t e = item->e;
      if (!item->num.scaled && Spaced(e) && Has(e, kScaleWord) &&
          S(T(e)).size() >= 7) {
        item->value *= Info(e)->scale;
        item->e = e + 1;
      } else if (!item->num.scaled) {
        AddCentsAfter(item, info->currency);
      }
      return true;
    }
    if (info->flags & kCurrencyWord) {
      if (WordIs(j, "won") && !item->num.scaled && item->num.is_word) {
        return false;
      }
      if ((WordIs(j, "pound") || WordIs(j, "pounds")) &&
          WordIs(j + 1, "of")) {
        return false;
      }
      std::string code = info->currency;
      if (code.empty()) code = last_currency_;
      SetMoney(item, j + 1, code, info->currency_factor);
      if (info->currency_factor == 1) AddCentsAfter(item, code);
      return true;
    }
    // "U.S. dollars"
    if (WordIs(j, "u") && IsSym(j + 1, '.') && WordIs(j + 2, "s") &&
        IsSym(j + 3, '.') && Spaced(j + 4) &&
        (WordIs(j + 4, "dollars") || WordIs(j + 4, "dollar"))) {
      return SetMoney(item, j + 5, "USD", 1);
    }
    // Up to three capitalised words, the last naming whose dollars.
    for (size_t k = j; k < j + 3; ++k) {
      if (!Capitalized(k) || !Spaced(k)) break;
      if (Has(k, kDollarAdjective) && Spaced(k + 1) &&
          (WordIs(k + 1, "dollars") || WordIs(k + 1, "dollar"))) {
        return SetMoney(item, k + 2, Info(k)->currency, 1);
      }
    }
    return false;
  }

  // "3 dollars 50 cents", "thirteen dollars and forty-five cents". The
  // subunit word may be left out when nothing noun-like follows the
  // remainder ("15 dollars 50.", "17 USD 25 more", "one dollar and two"):
  // a bare whole number below 100 after a currency is its cents, as in
  // spoken prices. With require_and, only "and <number>" qualifies
  // ("$100 and fifty").
  void AddCentsAfter(Item* item, const std::string& code,
                     bool require_and = false) {
    size_t k = item->e;
    if (!Spaced(k)) return;
    const bool and_join = WordIs(k, "and");
    if (and_join) ++k;
    if (require_and && !and_join) return;
    if (!Spaced(k)) return;
    Numeral c;
    size_t ignored = 0;
    if (IsDigits(k)) {
      if (S(T(k)).size() > 2 || !ParseDigits(k, &c, &ignored)) return;
    } else if (!ParseWords(k, &c)) {
      return;
    }
    if (c.decimal || c.ordinal || c.scaled || c.fraction || c.grouped ||
        c.value >= 100) {
      return;
    }
    const size_t u = c.e;
    if (Spaced(u) && (WordIs(u, "cents") || WordIs(u, "cent") ||
                      (code == "GBP" && WordIs(u, "pence")))) {
      item->value += c.value * 0.01;
      item->e = u + 1;
      return;
    }
    if (c.value < 1 || code.empty() || code == "JPY" || code == "KRW") return;
    const Tok after = T(u);
    bool bare = after.kind == TokKind::kEnd || after.newline_before;
    if (!bare && after.kind == TokKind::kWord && after.space_before) {
      // "and 20 more" adds to the amount rather than giving its cents.
      bare = WordIs(u, "and") ||
             (!and_join && (WordIs(u, "more") || WordIs(u, "or")));
    }
    if (!bare && after.kind == TokKind::kSymbol) {
      bare = (after.symbol == '.' || after.symbol == ',' ||
              after.symbol == ';' || after.symbol == '!' ||
              after.symbol == '?' || after.symbol == ')') &&
             !(IsDigits(u + 1) && Glued(u + 1));
    }
    if (!bare) return;
    item->value += (item->value < 0 ? -c.value : c.value) * 0.01;
    item->e = u;
  }

  bool SetMoney(Item* item, size_t e, const std::string& code, double factor) {
    item->kind = v1::Number::MONEY;
    item->unit = code;
    item->value *= factor;
    item->e = e;
    item->marked = true;
    ClassifyMoney(item);
    return true;
  }

  // Per-share prices: "$142.62 a share", "closed at $118.58".
  void ClassifyMoney(Item* item) {
    const Numeral& n = item->num;
    if (n.scaled || std::fabs(item->value) >= 1e4) return;
    const size_t e = item->e;
    if (Spaced(e) && (WordIs(e, "a") || WordIs(e, "per")) &&
        (WordIs(e + 1, "share") || WordIs(e + 1, "unit") ||
         WordIs(e + 1, "ADR"))) {
      item->kind = v1::Number::SHARE_PRICE;
      return;
    }
    if (IsSym(e, '/') && Glued(e) && WordIs(e + 1, "share")) {
      item->kind = v1::Number::SHARE_PRICE;
      return;
    }
    // "$75 a barrel", "$2,650 an ounce": a price per unit of something else.
    if (Spaced(e) && (WordIs(e, "a") || WordIs(e, "an") || WordIs(e, "per")) &&
        IsWord(e + 1)) {
      return;
    }
    const size_t b = item->b;
    if (b >= 2 && WordIs(b - 1, "at") &&
        (WordIs(b - 2, "closed") || WordIs(b - 2, "opened") ||
         WordIs(b - 2, "closing") || WordIs(b - 2, "trading") ||
         WordIs(b - 2, "traded") || WordIs(b - 2, "trades") ||
         WordIs(b - 2, "priced") || WordIs(b - 2, "ended") ||
         WordIs(b - 2, "finished"))) {
      item->kind = v1::Number::SHARE_PRICE;
      return;
    }
    for (size_t k = b; k > 0 && b - k < kLookBack;) {
      --k;
      if (Boundary(k) || T(k + 1).newline_before) break;
      if (Has(k, kShareContext) && !WordIs(k + 1, "market")) {
        // "shares closed at", "stock price of": a price per share.
        item->kind = v1::Number::SHARE_PRICE;
        return;
      }
    }
  }

  // ---- ranges -------------------------------------------------------------
  bool ParseRange(Item* a) {
    if (a->kind == v1::Number::DATE || a->num.ordinal || a->num.fraction ||
        a->kind == v1::Number::MULTIPLIER) {
      return false;
    }
    const size_t c = a->e;
    if (!SameLine(c)) return false;
    size_t bstart;
    enum { kDashJoin, kTo, kAnd, kOr } how;
    if (IsDash(c)) {
      // Glued on both sides or spaced on both sides.
      if (Glued(c) != Glued(c + 1)) return false;
      if (a->num.is_word) return false;
      how = kDashJoin;
      bstart = c + 1;
    } else if (WordIs(c, "to") && Spaced(c)) {
      how = kTo;
      bstart = c + 1;
    } else if (WordIs(c, "and") && Spaced(c) && a->b > 0 &&
               WordIs(a->b - 1, "between")) {
      how = kAnd;
      bstart = c + 1;
    } else if (WordIs(c, "or") && Spaced(c)) {
      how = kOr;
      bstart = c + 1;
    } else {
      return false;
    }
    if (!SameLine(bstart)) return false;
    if (how == kDashJoin && !IsDigits(bstart) &&
        CurrencyOfSymbol(T(bstart).symbol) == nullptr) {
      return false;
    }
    // "rose from 5% to 7%" is a change, not a range.
    if (how == kTo) {
      for (size_t k = a->b; k > 0 && a->b - k < 8;) {
        --k;
        if (Boundary(k)) break;
        if (Has(k, kChangeWord)) return false;
      }
    }
    Item b;
    size_t ignored = 0;
    if (!ParseSingle(bstart, &b, &ignored, /*allow_range=*/false)) {
      return false;
    }
    if (b.kind == v1::Number::DATE || b.num.ordinal || b.num.fraction ||
        b.kind == v1::Number::MULTIPLIER) {
      return false;
    }
    if (b.num.is_word != a->num.is_word && how != kTo) return false;
    const bool a_year = IsYearShape(a->num) && !a->marked;
    const bool b_year = IsYearShape(b.num) && !b.marked;
    if (how == kDashJoin && a_year) return false;  // "2023-24", "2023-2025"
    if (a_year && b_year) return false;
    if (how == kDashJoin && a->num.int_digits == 3 && !a->num.decimal &&
        b.num.int_digits == 4 && !b.marked) {
      return false;  // phone numbers "555-1234"
    }
    // Kind and unit: shared when only one end states them.
    if (a->marked && b.marked) {
      if (a->kind != b.kind || a->unit != b.unit) {
        const bool money_pair =
            (a->kind == v1::Number::MONEY ||
             a->kind == v1::Number::SHARE_PRICE) &&
            (b.kind == v1::Number::MONEY ||
             b.kind == v1::Number::SHARE_PRICE) &&
            a->unit == b.unit;
        if (!money_pair) return false;
      }
    } else if (a->marked) {
      if (a->kind == v1::Number::QUANTITY) return false;
      b.kind = a->kind;
      b.unit = a->unit;
    } else if (b.marked) {
      a->kind = b.kind;
      a->unit = b.unit;
    }
    if (how == kOr && !(b.value > a->value)) return false;
    // Dash-joined ends that do not rise are a score or a code ("won 2-1",
    // "drew 3-3"), not a range.
    if (how == kDashJoin && !a->marked && !b.marked && !b.num.scaled &&
        !(b.value > a->value)) {
      return false;
    }
    double low = a->value, high = b.value;
    // The high end's scale binds to an unscaled low end when the low end,
    // read in that scale, is still below the high end: "$3-5 billion",
    // "between 5 and 10 million", "one or two million". Otherwise the low
    // end stands as written: "$100 to 1 billion" is 100 .. 1e9, because
    // "100 billion to 1 billion" would be inverted.
    if (b.num.scaled && !a->num.scaled && b.num.scale > 1 && low > 0 &&
        (how == kDashJoin || low * b.num.scale <= high)) {
      low *= b.num.scale;
    }
    if (a->marked || b.marked) {
      if (a->kind == v1::Number::QUANTITY) {
        a->e = b.num.e;
      } else {
        a->e = b.e;
      }
    } else {
      a->e = b.e;
      a->kind = v1::Number::CARDINAL;
    }
    if (b.kind == v1::Number::QUANTITY) a->e = b.e;
    a->is_range = true;
    a->low = low;
    a->high = high;
    a->value = low;
    a->marked = a->marked || b.marked;
    if (a->kind == v1::Number::DURATION) a->timex.clear();
    if (a->kind == v1::Number::MONEY || a->kind == v1::Number::SHARE_PRICE) {
      last_currency_ = a->unit;
    }
    return true;
  }

  static bool IsYearShape(const Numeral& n) {
    return !n.is_word && !n.grouped && !n.decimal && !n.scaled &&
           n.int_digits == 4 && n.value >= 1900 && n.value <= 2100;
  }

  // ---- final classification of a single amount ---------------------------
  bool Finish(Item* item, size_t* next) {
    Numeral& n = item->num;
    if (item->kind == v1::Number::MONEY ||
        item->kind == v1::Number::SHARE_PRICE) {
      last_currency_ = item->unit;
      return true;
    }
    if (item->marked) return true;
    if (n.ordinal) {
      item->kind = v1::Number::ORDINAL;
      return true;
    }
    const size_t b = item->b;
    const size_t e = item->e;
    if (!n.is_word) {
      if (IsYearShape(n)) {
        if (LooksLikeYear(b)) {
          item->kind = v1::Number::DATE;
          item->timex = std::string(S(T(b)));
          return true;
        }
      }
      // Leading zeros and runs of bare digit groups are codes and phone
      // numbers: "020 7946 0958".
      // A neighbour with a scale word is an amount, not a code group:
      // "4000 3 hundred".
      const bool scaled_after =
          IsDigits(e) && Spaced(e) && Spaced(e + 1) &&
          (WordIs(e + 1, "hundred") ||
           (Has(e + 1, kScaleWord) && S(T(e + 1)).size() >= 5));
      if ((n.int_digits > 1 && text_[T(b).begin] == '0') ||
          (b > 0 && IsDigits(b - 1) && SameLine(b) && !n.scaled) ||
          (IsDigits(e) && Spaced(e) && !scaled_after)) {
        *next = e;
        return false;
      }
      // A bare number right after a capitalised word is part of a name:
      // "Stoxx 600", "Gemini 2.0", "ISO 9001", "iPhone 16".
      if (!n.grouped && !n.scaled && b > 0 && T(b).thin_space_before &&
          !T(b).newline_before && HasUpper(b - 1) &&
          !Has(b - 1, kCapitalStop) && !Has(b - 1, kMonthWord) &&
          !Has(b - 1, kYearContext) && !HeadlineCount(b, e)) {
        *next = e;
        return false;
      }
      item->kind = v1::Number::CARDINAL;
      return true;
    }
    // Spelled-out numbers.
    if (!n.scaled && n.value == 1 && e == b + 1 && WordIs(b, "one")) {
      if (!OneIsNumber(b)) return false;
    }
    item->kind = v1::Number::CARDINAL;
    return true;
  }

  // In a Title Case headline a count sits between a verb in the third
  // person and a plural noun: "Hires 40 Engineers", "Sheds 75 Stores".
  // Names with numbers lack that shape: the word before is not a verb in
  // -s ("Boeing 737 Deliveries", "iPhone 16 Sales") or the number is not
  // followed by a plural ("Windows 11 Launch", "Stoxx 600 Falls" has the
  // verb after it).
  bool HeadlineCount(size_t b, size_t e) {
    if (!Spaced(e) || !IsWord(e) || AllUpper(e) || !Capitalized(b - 1)) {
      return false;
    }
    const std::string noun = Lower(e);
    if (noun.size() < 4 || noun.back() != 's') return false;
    if (absl::EndsWith(noun, "ss") || absl::EndsWith(noun, "us") ||
        absl::EndsWith(noun, "is")) {
      return false;
    }
    const std::string verb = Lower(b - 1);
    if (verb.size() < 4 || verb.back() != 's') return false;
    // Upper case after the first letter marks a brand ("iPhones", "GPUs").
    for (uint32_t k = T(b - 1).begin + 1; k < T(b - 1).end; ++k) {
      if (IsUpper(text_[k])) return false;
    }
    for (absl::string_view tail : {"ss", "us", "is", "os", "ys"}) {
      if (absl::EndsWith(verb, tail)) return false;
    }
    for (absl::string_view name : {"windows", "series", "games", "sales",
                                   "news", "times", "jeans", "pages"}) {
      if (verb == name) return false;
    }
    return true;
  }

  // A four-digit number 1900..2100 is a year unless a count noun follows.
  // News style writes counts of 1,000 and more with a comma, so a bare
  // 1900..2100 is a year ("2024 sales") unless hedged like a count.
  bool LooksLikeYear(size_t b) {
    if (b > 0 && !T(b).newline_before) {
      for (absl::string_view w : {"about", "nearly", "around", "roughly",
                                  "approximately", "almost", "some", "over",
                                  "than", "least", "only", "just"}) {
        if (WordIs(b - 1, w)) return false;
      }
    }
    return true;
  }
  // "one" as a number ("one week", "one Alibaba"), not the pronoun ("one
  // wonders", "one of the", "no one").
  bool OneIsNumber(size_t b) {
    const Tok after = T(b + 1);
    if (after.kind != TokKind::kWord || after.newline_before) return false;
    if (!after.space_before) return false;
    if (Has(b + 1, kNotAfterOne)) return false;
    if (b > 0 && !T(b).newline_before) {
      for (absl::string_view w :
           {"no", "any", "every", "each", "the", "this", "that", "which",
            "such", "only", "last", "big", "little", "new", "old", "someone",
            "another", "right", "wrong", "other"}) {
        if (WordIs(b - 1, w)) return false;
      }
    }
    return true;
  }

  // ---- qualifiers ---------------------------------------------------------
  void FindQualifier(Item* item) {
    static const absl::string_view kPhrases[] = {
        "slightly more than", "slightly less than", "no more than",
        "no less than", "not more than", "not less than", "in excess of",
        "as much as", "as many as", "as high as", "as low as",
        "as little as", "more than", "less than", "fewer than", "up to",
        "at least", "at most", "close to", "just over", "just under",
        "well over", "well above", "well below", "slightly over",
        "slightly above", "slightly below", "slightly exceeded",
        "just above", "just below", "upwards of", "north of", "an estimated",
        "nearly", "about", "around", "approximately", "roughly", "almost",
        "over", "under", "some", "slightly", "circa", "approx", "exceeded",
        "exceeding", "surpassing", "surpassed", "topping", "below", "above",
        "estimated", "beyond", "nearly"};
    size_t b = item->b;
    // Allow one article between a verb-like qualifier and the amount:
    // "surpassing a $2 trillion value".
    constexpr size_t kMaxWords = 6;
    std::string words[kMaxWords];
    size_t word_tok[kMaxWords];
    size_t count = 0;
    if (b > 0 && IsSym(b - 1, '~')) {
      item->qualifier = "~";
      return;
    }
    size_t k = b;
    bool skipped_article = false;
    while (count < kMaxWords && k > 0) {
      if (!Spaced(k)) break;
      --k;
      if (!IsWord(k)) break;
      if (count == 0 && !skipped_article && !item->num.is_word &&
          (WordIs(k, "a") || WordIs(k, "an")) && !WordIs(k, "an")) {
        skipped_article = true;
        continue;
      }
      words[count] = Lower(k);
      word_tok[count] = k;
      ++count;
    }
    // The longest qualifier phrase made of words[from, from + len).
    auto match = [&](size_t from, bool after_article) -> size_t {
      for (size_t len = std::min<size_t>(3, count - from); len >= 1; --len) {
        std::string phrase;
        for (size_t w = from + len; w-- > from;) {
          if (!phrase.empty()) phrase.push_back(' ');
          phrase += words[w];
        }
        for (absl::string_view q : kPhrases) {
          if (phrase != q) continue;
          if (after_article && len == 1 && phrase != "surpassing" &&
              phrase != "exceeding" && phrase != "topping" &&
              phrase != "exceeded" && phrase != "surpassed") {
            continue;
          }
          return len;
        }
      }
      return 0;
    };
    if (count > 0) {
      const size_t first = match(0, skipped_article);
      if (first > 0) {
        // Stacked qualifiers: "up to about 5%", "well over roughly 10".
        size_t total = first;
        if (!skipped_article && first < count) total += match(first, false);
        const uint32_t qb = T(word_tok[total - 1]).begin;
        const uint32_t qe = T(word_tok[0]).end;
        item->qualifier = std::string(text_.substr(qb, qe - qb));
        return;
      }
    }
    // After the amount: "80 million USD or more".
    const size_t e = item->e;
    if (!item->is_range && Spaced(e) && WordIs(e, "or") && Spaced(e + 1)) {
      for (absl::string_view w : {"more", "so", "less", "fewer", "higher",
                                  "above", "greater"}) {
        if (WordIs(e + 1, w)) {
          item->qualifier =
              std::string(text_.substr(T(e).begin, T(e + 1).end - T(e).begin));
          return;
        }
      }
    }
  }

  // ---- dates --------------------------------------------------------------
  bool ParseIsoDate(size_t i, Item* item) {
    if (S(T(i)).size() != 4 || !IsDash(i + 1) || !Glued(i + 1) ||
        !IsDigits(i + 2) || !Glued(i + 2) || S(T(i + 2)).size() != 2 ||
        !IsDash(i + 3) || !Glued(i + 3) || !IsDigits(i + 4) ||
        !Glued(i + 4) || S(T(i + 4)).size() != 2) {
      return false;
    }
    const int month = std::atoi(std::string(S(T(i + 2))).c_str());
    const int day = std::atoi(std::string(S(T(i + 4))).c_str());
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    if (Glued(i + 5) && (IsDigits(i + 5) || IsWord(i + 5))) return false;
    item->b = i;
    item->e = i + 5;
    item->kind = v1::Number::DATE;
    item->value = std::atof(std::string(S(T(i))).c_str());
    item->timex = absl::StrCat(S(T(i)), "-", S(T(i + 2)), "-", S(T(i + 4)));
    return true;
  }

  static std::string Two(int v) {
    return v < 10 ? absl::StrCat("0", v) : absl::StrCat(v);
  }

  // "2025-01-21", or "XXXX-01-21" when the year is unknown (0).
  static std::string DayTimex(int year, int month, int day) {
    return absl::StrCat(year ? absl::StrCat(year) : "XXXX", "-", Two(month),
                        "-", Two(day));
  }

  // A year after a date: ", 2025" or " 2025".
  size_t ParseDateYear(size_t j, int* year) {
    size_t k = j;
    if (IsSym(k, ',') && Glued(k)) ++k;
    if (!IsDigits(k) || !Spaced(k) || S(T(k)).size() != 4) return j;
    if (Glued(k + 1) && (IsWord(k + 1) || IsDigits(k + 1))) return j;
    const int y = std::atoi(std::string(S(T(k))).c_str());
    if (y < 1000 || y > 2999) return j;
    *year = y;
    return k + 1;
  }

  // "January 21st", "Jan. 21, 2025", "September 2022".
  bool ParseMonthDate(size_t i, Item* item) {
    const WordInfo* info = Info(i);
    const int month = info->month;
    size_t j = i + 1;
    const bool abbreviated = S(T(i)).size() <= 4 && !WordIs(i, "june") &&
                             !WordIs(i, "july") && !WordIs(i, "may");
    if (abbreviated && IsSym(j, '.') && Glued(j)) ++j;
    if (!IsDigits(j) || !Spaced(j)) return false;
    const absl::string_view d = S(T(j));
    if (d.size() <= 2) {
      const int day = std::atoi(std::string(d).c_str());
      if (day < 1 || day > 31) return false;
      size_t e = j + 1;
      if (IsWord(e) && Glued(e)) {
        const std::string w = Lower(e);
        if (w != "st" && w != "nd" && w != "rd" && w != "th") return false;
        ++e;
      } else if (Glued(e) && (IsDigits(e) || IsSym(e, '.') || IsSym(e, ':'))) {
        if (!(IsSym(e, '.') && !IsDigits(e + 1))) return false;
      }
      int year = 0;
      e = ParseDateYear(e, &year);
      item->b = i;
      item->e = e;
      item->kind = v1::Number::DATE;
      item->value = year;
      item->timex = DayTimex(year, month, day);
      return true;
    }
    if (d.size() == 4) {
      const int year = std::atoi(std::string(d).c_str());
      if (year < 1000 || year > 2999) return false;
      if (Glued(j + 1) && (IsWord(j + 1) || IsDigits(j + 1))) return false;
      item->b = i;
      item->e = j + 1;
      item->kind = v1::Number::DATE;
      item->value = year;
      item->timex = absl::StrCat(year, "-", Two(month));
      return true;
    }
    return false;
  }

  // "21 January 2025", "21st of January".
  bool ParseDayMonth(size_t i, Item* item) {
    const absl::string_view d = S(T(i));
    if (d.size() > 2) return false;
    const int day = std::atoi(std::string(d).c_str());
    if (day < 1 || day > 31) return false;
    size_t j = i + 1;
    if (IsWord(j) && Glued(j)) {
      const std::string w = Lower(j);
      if (w != "st" && w != "nd" && w != "rd" && w != "th") return false;
      ++j;
      if (WordIs(j, "of") && Spaced(j)) ++j;
    }
    if (!Spaced(j) || !Capitalized(j) || !Has(j, kMonthWord)) return false;
    const int month = Info(j)->month;
    if (WordIs(j, "may") && !IsDigits(j + 1)) {
      // "5 May" is fine; keep it.
    }
    size_t e = j + 1;
    if (S(T(j)).size() <= 4 && IsSym(e, '.') && Glued(e) &&
        IsDigits(e + 1)) {
      ++e;
    }
    int year = 0;
    e = ParseDateYear(e, &year);
    item->b = i;
    item->e = e;
    item->kind = v1::Number::DATE;
    item->value = year;
    item->timex = DayTimex(year, month, day);
    FindQualifier(item);
    return true;
  }

  // ---- vague magnitudes ---------------------------------------------------
  // "dozens", "billions of dollars", "tens or even hundreds of millions".
  bool ParseVague(size_t i, Item* item) {
    const WordInfo* info = Info(i);
    if (Capitalized(i) && AllUpper(i) && S(T(i)).size() > 1) return false;
    double low = info->scale, high = 0;
    size_t j = i + 1;
    if (Spaced(j) && WordIs(j, "or")) {
      size_t k = j + 1;
      if (WordIs(k, "even") && Spaced(k)) ++k;
      if (Spaced(k) && Has(k, kVagueWord) && Info(k)->scale > low) {
        high = Info(k)->scale;
        j = k + 1;
      }
    }
    const bool needs_of = WordIs(i, "tens") || WordIs(i, "scores");
    while (Spaced(j) && WordIs(j, "of") && Spaced(j + 1) &&
           Has(j + 1, kVagueWord) && Info(j + 1)->scale >= 1e3) {
      low *= Info(j + 1)->scale;
      if (high > 0) high *= Info(j + 1)->scale;
      j += 2;
    }
    std::string currency;
    if (Spaced(j) && WordIs(j, "of") && Spaced(j + 1) &&
        Has(j + 1, kCurrencyWord) && Info(j + 1)->currency[0] != '\0' &&
        Info(j + 1)->currency_factor == 1) {
      currency = Info(j + 1)->currency;
      j += 2;
    }
    const bool followed_by_of = Spaced(j) && WordIs(j, "of");
    if (needs_of && j == i + 1 && !followed_by_of) return false;
    if (WordIs(i, "dozens") && !currency.empty()) return false;
    item->b = i;
    item->e = j;
    item->vague = true;
    item->value = low;
    if (high > 0) {
      item->is_range = true;
      item->low = low;
      item->high = high;
    }
    if (!currency.empty()) {
      item->kind = v1::Number::MONEY;
      item->unit = currency;
      last_currency_ = currency;
    } else if (!followed_by_of && low >= 1e9) {
      item->kind = v1::Number::MONEY;
      item->unit = last_currency_;
    } else {
      item->kind = v1::Number::CARDINAL;
    }
    return true;
  }

  // ---- output -------------------------------------------------------------
  void Emit(const Item& item) {
    const Tok first = T(item.b);
    const Tok last = T(item.e - 1);
    if (first.kind == TokKind::kEnd || last.end <= first.begin) return;
    v1::Number* number = out_->Add();
    number->mutable_span()->set_byte_begin(first.begin);
    number->mutable_span()->set_byte_end(last.end);
    number->set_text(std::string(text_.substr(first.begin,
                                              last.end - first.begin)));
    number->set_kind(item.kind);
    number->set_value(item.value);
    number->set_unit(item.unit);
    number->set_timex(item.timex);
    number->set_qualifier(item.qualifier);
    number->set_vague(item.vague);
    number->set_approximate(item.vague || !item.qualifier.empty());
    if (item.is_range) {
      number->mutable_range()->set_low(item.low);
      number->mutable_range()->set_high(item.high);
    }
  }

  absl::string_view text_;
  TokenWindow win_;
  google::protobuf::RepeatedPtrField<v1::Number>* out_;
  // The currency of the last amount with one; bare "32.5 TN" takes it.
  std::string last_currency_ = "USD";
};

}  // namespace

void ScanNumbers(absl::string_view text,
                 google::protobuf::RepeatedPtrField<v1::Number>* out) {
  Scanner(text, out).Run();
}

}  // namespace numbers_internal
}  // namespace loupe
