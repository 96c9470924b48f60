// The English words the numbers plugin recognises: number words, scale
// words, currencies, months, time and measurement units, and the context
// words its rules consult. Compiled in; no data files.
#ifndef LOUPE_PLUGINS_NUMBERS_NUMBER_LEXICON_H_
#define LOUPE_PLUGINS_NUMBERS_NUMBER_LEXICON_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace loupe {
namespace numbers_internal {

// What a word can be. A word may have several roles ("second": ordinal and
// time unit; "pound": currency and weight).
enum WordFlag : uint32_t {
  kUnitWord = 1u << 0,      // zero .. nineteen; value = 0 .. 19
  kTensWord = 1u << 1,      // twenty .. ninety; value = 20 .. 90
  kHundredWord = 1u << 2,   // hundred
  kScaleWord = 1u << 3,     // thousand million bn TN crore ...; scale
  kOrdinalWord = 1u << 4,   // first .. twentieth, thirtieth ...; value
  kVagueWord = 1u << 5,     // tens dozens hundreds ... trillions; scale
  kMonthWord = 1u << 6,     // January .. December, Jan .. Dec; month
  kCurrencyWord = 1u << 7,  // dollars euros yuan ...; currency
  kIsoCode = 1u << 8,       // USD EUR RMB ... (upper case only); currency
  kPercentWord = 1u << 9,   // percent pct bps pp ...; percent_unit
  kTimeUnit = 1u << 10,     // year week ...; time_unit, timex
  kMeasureUnit = 1u << 11,  // tons barrels km ...
  kFractionWord = 1u << 12, // half third quarter ... (after a numeral)
  kMultiplierWord = 1u << 13,  // twice thrice tenfold ...; value
  kDollarPrefix = 1u << 14,    // US HK C A NZ S ... before "$"; currency
  kYearContext = 1u << 15,     // in since by ... before a year
  kFunctionWord = 1u << 16,    // words that can follow a year
  kNotAfterOne = 1u << 17,     // "one" + this word is the pronoun
  kChangeWord = 1u << 18,      // rose fell cut ...: "from X to Y" is a change
  kCapitalStop = 1u << 19,     // capitalised words that are not names
  kComparative = 1u << 20,     // "three times larger"
  kShareContext = 1u << 21,    // share shares stock stocks
  kDollarAdjective = 1u << 22, // Canadian Australian ... before "dollars"
};

struct WordInfo {
  uint32_t flags = 0;
  double value = 0;           // number, ordinal and multiplier value
  double fraction = 0;        // kFractionWord: "third" -> 1/3
  double scale = 0;           // kScaleWord and kVagueWord
  int month = 0;              // kMonthWord
  const char* currency = "";  // ISO 4217, for currency roles
  double currency_factor = 1; // "cents" -> 0.01
  const char* percent_unit = "";  // "%", "pp", "bp"
  const char* time_unit = "";     // singular unit name
  const char* timex = "";         // TIMEX3 duration designator: "Y", "TH"
};

// The lexicon entry of `lower` (an ASCII-lower-cased word), or nullptr.
const WordInfo* LookupWord(absl::string_view lower);

// Currency of a currency symbol such as "$" or "€", or nullptr.
const char* CurrencyOfSymbol(char32_t symbol);

// The ISO 4217 code of a nationality adjective before a currency word
// ("swiss" + "francs" -> CHF, "turkish" + "lira" -> TRY), both lower case,
// the currency word singular or plural; nullptr if not known.
const char* CurrencyOfAdjective(absl::string_view adjective,
                                absl::string_view currency_word);

}  // namespace numbers_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_NUMBERS_NUMBER_LEXICON_H_
