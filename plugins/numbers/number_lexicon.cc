#include "plugins/numbers/number_lexicon.h"

#include <string>

#include "absl/container/flat_hash_map.h"

namespace loupe {
namespace numbers_internal {
namespace {

using Lexicon = absl::flat_hash_map<std::string, WordInfo>;

WordInfo& Entry(Lexicon& lex, const char* word, uint32_t flag) {
  WordInfo& info = lex[word];
  info.flags |= flag;
  return info;
}

void AddFlag(Lexicon& lex, std::initializer_list<const char*> words,
             uint32_t flag) {
  for (const char* word : words) Entry(lex, word, flag);
}

void AddNumberWords(Lexicon& lex) {
  const char* units[] = {"zero",    "one",     "two",       "three",
                         "four",    "five",    "six",       "seven",
                         "eight",   "nine",    "ten",       "eleven",
                         "twelve",  "thirteen", "fourteen", "fifteen",
                         "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) Entry(lex, units[i], kUnitWord).value = i;
  Entry(lex, "nought", kUnitWord).value = 0;
  Entry(lex, "naught", kUnitWord).value = 0;
  const char* tens[] = {"twenty", "thirty",  "forty",  "fifty",
                        "sixty",  "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) Entry(lex, tens[i], kTensWord).value = 20 + 10 * i;
  Entry(lex, "hundred", kHundredWord).value = 100;
  Entry(lex, "dozen", 0).value = 12;

  struct Scale {
    const char* word;
    double scale;
  };
  for (const Scale& s : std::initializer_list<Scale>{
           {"thousand", 1e3}, {"k", 1e3}, {"million", 1e6}, {"mn", 1e6},
           {"mln", 1e6}, {"mio", 1e6}, {"m", 1e6}, {"billion", 1e9},
           {"bn", 1e9}, {"bln", 1e9}, {"b", 1e9}, {"trillion", 1e12},
           {"tn", 1e12}, {"trn", 1e12}, {"tln", 1e12}, {"t", 1e12},
           {"mil", 1e6}, {"mm", 1e6}, {"lakh", 1e5}, {"lakhs", 1e5}, {"crore", 1e7}, {"crores", 1e7}}) {
    Entry(lex, s.word, kScaleWord).scale = s.scale;
  }
  for (const Scale& s : std::initializer_list<Scale>{
           {"tens", 10}, {"dozens", 24}, {"scores", 20}, {"hundreds", 100},
           {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9},
           {"trillions", 1e12}}) {
    Entry(lex, s.word, kVagueWord).scale = s.scale;
  }

  struct Valued {
    const char* word;
    double value;
  };
  // "first" and "second" are left out on purpose: standalone they are
  // almost always lexical ("at first", "second-largest", "a second").
  for (const Valued& o : std::initializer_list<Valued>{
           {"third", 3},        {"fourth", 4},        {"fifth", 5},
           {"sixth", 6},        {"seventh", 7},       {"eighth", 8},
           {"ninth", 9},        {"tenth", 10},        {"eleventh", 11},
           {"twelfth", 12},     {"thirteenth", 13},   {"fourteenth", 14},
           {"fifteenth", 15},   {"sixteenth", 16},    {"seventeenth", 17},
           {"eighteenth", 18},  {"nineteenth", 19},   {"twentieth", 20},
           {"thirtieth", 30},   {"fortieth", 40},     {"fiftieth", 50},
           {"sixtieth", 60},    {"seventieth", 70},   {"eightieth", 80},
           {"ninetieth", 90},   {"hundredth", 100}}) {
    Entry(lex, o.word, kOrdinalWord).value = o.value;
  }
  // Ordinal endings of compounds ("twenty-first"); not standalone ordinals.
  Entry(lex, "first", 0).value = 1;
  Entry(lex, "second", 0).value = 2;

  for (const Valued& f : std::initializer_list<Valued>{
           {"half", 0.5},       {"halves", 0.5},     {"third", 1.0 / 3},
           {"thirds", 1.0 / 3}, {"quarter", 0.25},   {"quarters", 0.25},
           {"fourth", 0.25},    {"fourths", 0.25},   {"fifth", 0.2},
           {"fifths", 0.2},
           {"tenth", 0.1},      {"tenths", 0.1}}) {
    Entry(lex, f.word, kFractionWord).fraction = f.value;
  }
  // Denominators: "five eighths", "a hundredth", "three trillionths".
  for (const Valued& f : std::initializer_list<Valued>{
           {"sixth", 6},  {"sixths", 6},  {"seventh", 7}, {"sevenths", 7},
           {"eighth", 8}, {"eighths", 8}, {"ninth", 9},   {"ninths", 9},
           {"hundredth", 100},           {"hundredths", 100},
           {"thousandth", 1e3},          {"thousandths", 1e3},
           {"millionth", 1e6},           {"millionths", 1e6},
           {"billionth", 1e9},           {"billionths", 1e9},
           {"trillionth", 1e12},         {"trillionths", 1e12}}) {
    Entry(lex, f.word, kFractionWord).fraction = 1.0 / f.value;
  }
  for (const Valued& f : std::initializer_list<Valued>{}) {
    Entry(lex, f.word, kFractionWord).fraction = f.value;
  }
  for (const Valued& m : std::initializer_list<Valued>{
           {"twice", 2},       {"thrice", 3},     {"twofold", 2},
           {"threefold", 3},   {"fourfold", 4},   {"fivefold", 5},
           {"sixfold", 6},     {"sevenfold", 7},  {"eightfold", 8},
           {"ninefold", 9},    {"tenfold", 10},   {"hundredfold", 100},
           {"thousandfold", 1000}}) {
    Entry(lex, m.word, kMultiplierWord).value = m.value;
  }
}

void AddMonths(Lexicon& lex) {
  const char* full[] = {"january", "february", "march",     "april",
                        "may",     "june",     "july",      "august",
                        "september", "october", "november", "december"};
  const char* abbr[] = {"jan", "feb", "mar", "apr", "", "jun",
                        "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    Entry(lex, full[i], kMonthWord).month = i + 1;
    if (abbr[i][0] != '\0') Entry(lex, abbr[i], kMonthWord).month = i + 1;
  }
  Entry(lex, "sept", kMonthWord).month = 9;
}

void AddCurrencies(Lexicon& lex) {
  struct Currency {
    const char* word;
    const char* code;
  };
  for (const char* code :
       {"USD", "EUR", "GBP", "JPY", "CNY", "CNH", "HKD", "CHF", "CAD", "AUD",
        "NZD", "SEK", "NOK", "DKK", "INR", "KRW", "RUB", "BRL", "MXN", "ZAR",
        "SGD", "TWD", "TRY", "PLN", "HUF", "CZK", "ILS", "SAR", "AED", "THB",
        "IDR", "MYR", "PHP", "VND", "NGN", "EGP", "KES", "EEK", "ARS", "CLP",
        "COP", "PEN", "QAR", "KWD", "UAH", "RON", "ISK", "BTC", "XBT", "FIM",
        "ESP", "NLG", "DEM", "FRF", "ITL", "CRC", "GEL", "LAK", "LKR", "PKR"}) {
    std::string lower(code);
    for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
    Entry(lex, lower.c_str(), kIsoCode).currency = code;
  }
  Entry(lex, "rmb", kIsoCode).currency = "CNY";
  for (const Currency& c : std::initializer_list<Currency>{
           {"dollar", "USD"},    {"dollars", "USD"},   {"bucks", "USD"},   {"euro", "EUR"},
           {"euros", "EUR"},     {"pound", "GBP"},     {"pounds", "GBP"},
           {"sterling", "GBP"},  {"yen", "JPY"},       {"yuan", "CNY"},
           {"renminbi", "CNY"},  {"won", "KRW"},       {"rupee", "INR"},
           {"rupees", "INR"},    {"ruble", "RUB"},     {"rubles", "RUB"},
           {"rouble", "RUB"},    {"roubles", "RUB"},   {"franc", "CHF"},
           {"francs", "CHF"},    {"kroon", "EEK"},     {"kroons", "EEK"},
           {"krona", "SEK"},     {"kronor", "SEK"},    {"krone", "NOK"},
           {"kroner", "NOK"},    {"reais", "BRL"},     {"rand", "ZAR"},
           {"lira", "TRY"},      {"liras", "TRY"},     {"peso", "MXN"},
           {"pesos", "MXN"},     {"ringgit", "MYR"},   {"baht", "THB"},
           {"rupiah", "IDR"},    {"zloty", "PLN"},     {"zlotys", "PLN"},
           {"forint", "HUF"},    {"shekel", "ILS"},    {"shekels", "ILS"},
           {"dirham", "AED"},    {"dirhams", "AED"},   {"riyal", "SAR"},
           {"riyals", "SAR"},    {"naira", "NGN"},     {"dong", "VND"},
           {"hryvnia", "UAH"},   {"hryvnias", "UAH"},  {"markka", "FIM"},
           {"markkaa", "FIM"},   {"peseta", "ESP"},    {"pesetas", "ESP"},
           {"guilder", "NLG"},   {"guilders", "NLG"},  {"bitcoin", "BTC"},
           {"bitcoins", "BTC"},  {"kuai", "CNY"}}) {
    Entry(lex, c.word, kCurrencyWord).currency = c.code;
  }
  // Subunits: the currency is that of the context (see the scanner).
  for (const char* word : {"cent", "cents", "pence", "penny"}) {
    WordInfo& info = Entry(lex, word, kCurrencyWord);
    info.currency = word[0] == 'c' ? "" : "GBP";
    info.currency_factor = 0.01;
  }
  for (const char* word : {"satoshi", "satoshis"}) {
    WordInfo& info = Entry(lex, word, kCurrencyWord);
    info.currency = "BTC";
    info.currency_factor = 1e-8;
  }
  Entry(lex, "rs", kIsoCode).currency = "INR";
  for (const Currency& c : std::initializer_list<Currency>{
           {"us", "USD"}, {"c", "CAD"},  {"ca", "CAD"},  {"a", "AUD"},
           {"au", "AUD"}, {"hk", "HKD"}, {"nz", "NZD"},  {"s", "SGD"},
           {"sg", "SGD"}, {"nt", "TWD"}, {"r", "BRL"},   {"mx", "MXN"},
           {"mex", "MXN"}}) {
    Entry(lex, c.word, kDollarPrefix).currency = c.code;
  }
  for (const Currency& c : std::initializer_list<Currency>{
           {"us", "USD"},        {"american", "USD"},  {"canadian", "CAD"},
           {"australian", "AUD"}, {"singapore", "SGD"}, {"taiwan", "TWD"},
           {"taiwanese", "TWD"}, {"zealand", "NZD"},   {"kong", "HKD"},
           {"jamaican", "JMD"},  {"namibian", "NAD"}}) {
    Entry(lex, c.word, kDollarAdjective).currency = c.code;
  }
}

void AddUnits(Lexicon& lex) {
  struct Percent {
    const char* word;
    const char* unit;
  };
  for (const Percent& p : std::initializer_list<Percent>{
           {"percent", "%"}, {"percents", "%"}, {"pct", "%"},  {"percentage", "pp"},
           {"bp", "bp"},     {"bps", "bp"}, {"basis", "bp"},
           {"pp", "pp"},     {"ppt", "pp"}, {"ppts", "pp"}}) {
    Entry(lex, p.word, kPercentWord).percent_unit = p.unit;
  }
  struct Time {
    const char* word;
    const char* unit;
    const char* timex;
  };
  for (const Time& t : std::initializer_list<Time>{
           {"year", "year", "Y"},       {"years", "year", "Y"},
           {"yr", "year", "Y"},         {"yrs", "year", "Y"},
           {"month", "month", "M"},     {"months", "month", "M"},
           {"week", "week", "W"},       {"weeks", "week", "W"},
           {"day", "day", "D"},         {"days", "day", "D"},
           {"hour", "hour", "TH"},      {"hours", "hour", "TH"},
           {"minute", "minute", "TM"},  {"minutes", "minute", "TM"},
           {"second", "second", "TS"},  {"seconds", "second", "TS"},
           {"decade", "decade", "DE"},  {"decades", "decade", "DE"},
           {"century", "century", "CE"}, {"centuries", "century", "CE"},
           {"quarter", "quarter", "Q"}, {"quarters", "quarter", "Q"}}) {
    WordInfo& info = Entry(lex, t.word, kTimeUnit);
    info.time_unit = t.unit;
    info.timex = t.timex;
  }
  AddFlag(lex,
          {"ton",        "tons",        "tonne",       "tonnes",
           "barrel",     "barrels",     "bpd",         "kilometre",
           "kilometres", "kilometer",   "kilometers",  "km",
           "mile",       "miles",       "kilogram",    "kilograms",
           "kg",         "gram",        "grams",       "ounce",
           "ounces",     "oz",          "megawatt",    "megawatts",
           "mw",         "gigawatt",    "gigawatts",   "gw",
           "kilowatt",   "kilowatts",   "kw",          "kwh",
           "mwh",        "gwh",         "twh",         "gigabyte",
           "gigabytes",  "terabyte",    "terabytes",   "acre",
           "acres",      "hectare",     "hectares",    "metre",
           "metres",     "meter",       "meters",      "litre",
           "litres",     "liter",       "liters",      "gallon",
           "gallons",    "mph",         "degrees",     "sq",
           "square",     "cubic",       "bushels",     "carats"},
          kMeasureUnit);
}

void AddContextWords(Lexicon& lex) {
  AddFlag(lex,
          {"in", "since", "by", "until", "till", "during", "through",
           "before", "after", "early", "late", "mid", "fiscal", "summer",
           "winter", "spring", "autumn", "throughout", "circa", "between"},
          kYearContext);
  AddFlag(lex,
          {"and", "or", "to", "when", "with", "the", "as", "was", "is",
           "were", "had", "has", "have", "saw", "will", "would", "could",
           "that", "which", "but", "in", "on", "at", "for", "from", "after",
           "before", "by", "amid", "while", "where", "than", "compared",
           "versus", "vs", "against", "alone", "levels", "level", "high",
           "highs", "low", "lows", "election", "elections", "season",
           "budget", "results", "earnings", "guidance", "forecast",
           "forecasts", "outlook", "figures", "peak", "average", "annual",
           "so", "also", "already", "it", "he", "she", "they", "we", "this",
           "these", "those", "there", "of", "until", "through", "onward",
           "onwards", "if", "because", "since", "due", "though", "although",
           "then", "before", "ahead", "alone", "ended", "began", "started",
           "brought", "marked", "showed", "could", "may", "might", "should",
           "can", "did", "does", "do", "are", "be", "been", "being", "into"},
          kFunctionWord);
  AddFlag(lex,
          {"of",    "another", "must",   "may",    "might",  "can",
           "could", "should",  "would",  "will",   "wonders", "wonder",
           "wondered", "thinks", "think", "has",    "had",    "is",
           "was",   "needs",   "need",   "does",   "did",    "cannot",
           "can't", "shall",   "ought",  "finds",  "sees",   "gets",
           "knows", "feels",   "says",   "hopes",  "imagines", "suspects",
           "notes", "realizes", "realises", "and",  "or",     "by",
           "another's", "s",   "who",    "that",   "which",  "in",
           "on",    "at",      "to",     "for",    "with",   "from",
           "as",    "the",     "a",      "an",     "another", "such",
           "way",   "thing",   "day"},
          kNotAfterOne);
  AddFlag(lex,
          {"rose",     "rise",     "rises",    "rising",   "fell",
           "fall",     "falls",    "falling",  "increased", "increase",
           "increases", "increasing", "decreased", "decrease", "decreasing",
           "jumped",   "jump",     "jumps",    "climbed",  "climb",
           "climbs",   "dropped",  "drop",     "drops",    "cut",
           "cuts",     "raised",   "raise",    "raises",   "lowered",
           "lower",    "lowers",   "grew",     "grow",     "grows",
           "growing",  "declined", "decline",  "declines", "slipped",
           "slid",     "surged",   "soared",   "plunged",  "tumbled",
           "gained",   "lost",     "upgraded", "downgraded", "revised",
           "boosted",  "trimmed",  "slashed",  "hiked",    "reduced",
           "expanded", "narrowed", "widened",  "shrank",   "doubled",
           "went",     "moved",    "changed",  "shifted",  "up",
           "down",     "higher",   "sank",     "dipped",   "eased",
           "sinking",  "plummeted", "plummet", "dropping", "slumped"},
          kChangeWord);
  AddFlag(lex,
          {"the",      "in",      "on",      "at",     "by",      "for",
           "from",     "to",      "of",      "and",    "or",      "about",
           "nearly",   "some",    "over",    "under",  "around",  "approximately",
           "only",     "just",    "since",   "until",  "between", "after",
           "before",   "during",  "with",    "than",   "almost",  "roughly",
           "top",      "all",     "its",     "their",  "his",     "her",
           "our",      "my",      "your",    "these",  "those",   "this",
           "that",     "another", "up",      "down",   "by",      "rose",
           "fell",     "a",       "an",      "as",     "if",      "when",
           "while",    "more",    "less",    "fewer",  "least",   "most",
           "another",  "every",   "each",    "per",    "than",    "plus",
           "minus",    "nearly",  "almost",  "already", "also",   "still",
           "then",     "now",     "once",    "even",   "further", "another",
           "additional", "another", "last",  "next",   "first",   "past",
           "latest",   "within",  "through", "against", "versus", "vs",
           "excluding", "including", "estimated", "mere", "record", "over",
           "roughly",  "reached", "hit",     "topped", "surpassed", "exceeded",
           "was",      "were",    "is",      "are",    "be",      "has",
           "had",      "have",    "will",    "would",  "could",   "may",
           "might",    "must",    "shall",   "should", "can",     "did",
           "does",     "do",      "but",     "yet",    "so",      "because",
           "although", "though",  "where",   "which",  "who",     "whom",
           "whose",    "what",    "why",     "how",    "it",      "he",
           "she",      "they",    "we",      "i",      "you",     "there",
           "here",     "total",   "totaling", "totalling", "worth", "valued",
           "cost",     "costs",   "paid",    "pay",    "raised",  "invested",
           "employs",  "employed", "hired",  "cut",    "cuts",    "added",
           "lost",     "gained",  "sold",    "bought", "owns",    "holds",
           "had",      "got",     "said",    "says",   "than",    "like",
           "page",     "chapter", "figure",  "table",  "step",    "phase",
           "level",    "tier",    "class",   "group",  "no",      "number"},
          kCapitalStop);
  AddFlag(lex,
          {"more", "less", "larger", "bigger", "higher", "greater", "faster",
           "cheaper", "smaller", "lower", "as", "the", "that", "its",
           "their", "what", "slower", "better", "stronger", "longer",
           "costlier", "more", "fewer", "over", "his", "her", "our"},
          kComparative);
  AddFlag(lex, {"share", "shares", "stock", "stocks"}, kShareContext);
}

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = [] {
    auto* lex = new Lexicon;
    AddNumberWords(*lex);
    AddMonths(*lex);
    AddCurrencies(*lex);
    AddUnits(*lex);
    AddContextWords(*lex);
    return lex;
  }();
  return *lexicon;
}

}  // namespace

const WordInfo* LookupWord(absl::string_view lower) {
  const Lexicon& lex = GetLexicon();
  auto it = lex.find(lower);
  return it == lex.end() ? nullptr : &it->second;
}

const char* CurrencyOfAdjective(absl::string_view adjective,
                                absl::string_view currency_word) {
  struct Pair {
    absl::string_view adjective, stem;  // stem: the singular currency word
    const char* code;
  };
  static constexpr Pair kPairs[] = {
      {"swiss", "franc", "CHF"},       {"french", "franc", "FRF"},
      {"belgian", "franc", "BEF"},     {"turkish", "lira", "TRY"},
      {"italian", "lira", "ITL"},      {"chinese", "yuan", "CNY"},
      {"japanese", "yen", "JPY"},      {"dutch", "guilder", "NLG"},
      {"finnish", "markka", "FIM"},    {"mexican", "peso", "MXN"},
      {"philippine", "peso", "PHP"},   {"indian", "rupee", "INR"},
      {"pakistani", "rupee", "PKR"},   {"russian", "ruble", "RUB"},
      {"swedish", "krona", "SEK"},     {"norwegian", "krone", "NOK"},
      {"danish", "krone", "DKK"},      {"south", "rand", "ZAR"},
      {"us", "dollar", "USD"},         {"american", "dollar", "USD"},
      {"canadian", "dollar", "CAD"},   {"australian", "dollar", "AUD"},
      {"singapore", "dollar", "SGD"},  {"taiwan", "dollar", "TWD"},
      {"taiwanese", "dollar", "TWD"},  {"zealand", "dollar", "NZD"},
      {"kong", "dollar", "HKD"},       {"jamaican", "dollar", "JMD"},
      {"british", "pound", "GBP"},     {"egyptian", "pound", "EGP"},
      {"german", "mark", "DEM"},       {"brazilian", "real", "BRL"},
  };
  for (const Pair& p : kPairs) {
    if (p.adjective != adjective) continue;
    const absl::string_view w = currency_word;
    if (w == p.stem ||
        (w.size() > p.stem.size() && w.substr(0, p.stem.size()) == p.stem &&
         w.size() - p.stem.size() <= 2)) {
      return p.code;
    }
  }
  return nullptr;
}

const char* CurrencyOfSymbol(char32_t symbol) {
  switch (symbol) {
    case U'$': return "USD";
    case U'€': return "EUR";
    case U'£': return "GBP";
    case U'¥': return "JPY";
    case U'₹': return "INR";
    case U'₩': return "KRW";
    case U'₽': return "RUB";
    case U'₺': return "TRY";
    case U'₪': return "ILS";
    case U'₫': return "VND";
    case U'₦': return "NGN";
    case U'₱': return "PHP";
    case U'฿': return "THB";
    case U'￥': return "CNY";
    case U'元': return "CNY";
    case U'₡': return "CRC";
    case U'₾': return "GEL";
    case U'₭': return "LAK";
    case U'₿': return "BTC";
    default: return nullptr;
  }
}

}  // namespace numbers_internal
}  // namespace loupe
