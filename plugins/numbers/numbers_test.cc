#include "plugins/numbers/numbers.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

using Kind = v1::Number::Kind;

std::vector<v1::Number> Scan(const std::string& text) {
  auto plugin = NumbersPlugin::Create({});
  EXPECT_TRUE(plugin.ok());
  v1::Document doc;
  doc.set_text(text);
  v1::Annotations out;
  EXPECT_TRUE((*plugin)->Process(doc, &out).ok());
  std::vector<v1::Number> numbers(out.numbers().begin(), out.numbers().end());
  for (const v1::Number& n : numbers) {
    // The span invariant of document.proto.
    EXPECT_LE(n.span().byte_begin(), n.span().byte_end());
    EXPECT_LE(n.span().byte_end(), text.size());
    EXPECT_EQ(text.substr(n.span().byte_begin(),
                          n.span().byte_end() - n.span().byte_begin()),
              n.text());
  }
  return numbers;
}

// The number whose text is `surface`; fails the test if there is none.
v1::Number Find(const std::string& text, const std::string& surface) {
  for (const v1::Number& n : Scan(text)) {
    if (n.text() == surface) return n;
  }
  ADD_FAILURE() << "no number '" << surface << "' in: " << text;
  return v1::Number();
}

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> texts;
  for (const v1::Number& n : Scan(text)) texts.push_back(n.text());
  return texts;
}

TEST(NumbersPluginTest, Spec) {
  const v1::PluginSpec spec = NumbersPlugin::Spec();
  EXPECT_EQ(spec.id(), "numbers");
  EXPECT_EQ(spec.version(), "0.1.0");
  EXPECT_EQ(spec.kind(), v1::PluginSpec::NUMBERS);
  EXPECT_TRUE(spec.requires_fields().empty());
  ASSERT_EQ(spec.assigns_fields_size(), 1);
  EXPECT_EQ(spec.assigns_fields(0), "numbers");
}

TEST(NumbersPluginTest, MoneyWithSymbolsAndScales) {
  const std::string text =
      "Zephyr Mills lost $750B in a day, then raised $ 2 TN, €4.5m and "
      "HK$3.2 billion, and paid ¥80 million and C$12,500.";
  v1::Number n = Find(text, "$750B");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_DOUBLE_EQ(n.value(), 7.5e11);
  EXPECT_EQ(n.unit(), "USD");
  n = Find(text, "$ 2 TN");
  EXPECT_DOUBLE_EQ(n.value(), 2e12);
  n = Find(text, "€4.5m");
  EXPECT_EQ(n.unit(), "EUR");
  EXPECT_DOUBLE_EQ(n.value(), 4.5e6);
  n = Find(text, "HK$3.2 billion");
  EXPECT_EQ(n.unit(), "HKD");
  EXPECT_DOUBLE_EQ(n.value(), 3.2e9);
  EXPECT_EQ(Find(text, "¥80 million").unit(), "JPY");
  n = Find(text, "C$12,500");
  EXPECT_EQ(n.unit(), "CAD");
  EXPECT_DOUBLE_EQ(n.value(), 12500);
}

TEST(NumbersPluginTest, MoneyWithCodesAndWords) {
  const std::string text =
      "The mill spent EUR 9.4 mn, 2.7 million USD, 6.1 trillion RMB, "
      "40 billion yuan, 300 kroons and 15 Canadian dollars.";
  EXPECT_EQ(Find(text, "EUR 9.4 mn").unit(), "EUR");
  EXPECT_DOUBLE_EQ(Find(text, "EUR 9.4 mn").value(), 9.4e6);
  EXPECT_DOUBLE_EQ(Find(text, "2.7 million USD").value(), 2.7e6);
  v1::Number n = Find(text, "6.1 trillion RMB");
  EXPECT_EQ(n.unit(), "CNY");
  EXPECT_DOUBLE_EQ(n.value(), 6.1e12);
  EXPECT_EQ(Find(text, "40 billion yuan").unit(), "CNY");
  EXPECT_EQ(Find(text, "300 kroons").unit(), "EEK");
  EXPECT_EQ(Find(text, "15 Canadian dollars").unit(), "CAD");
  // Cents take the currency of the context.
  EXPECT_EQ(Find("It cost C$2, then 40 cents.", "40 cents").unit(), "CAD");
  n = Find("A stamp costs 75 cents.", "75 cents");
  EXPECT_EQ(n.unit(), "USD");
  EXPECT_DOUBLE_EQ(n.value(), 0.75);
}

TEST(NumbersPluginTest, BareAbbreviatedScaleTakesContextCurrency) {
  const v1::Number n =
      Find("It fell by €2 from the 41.5 bn close.", "41.5 bn");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_EQ(n.unit(), "EUR");
  EXPECT_DOUBLE_EQ(n.value(), 4.15e10);
}

TEST(NumbersPluginTest, SharePrices) {
  EXPECT_EQ(Find("Orbix stock ended the week at $57.30.", "$57.30").kind(),
            v1::Number::SHARE_PRICE);
  EXPECT_EQ(Find("Buyers paid $8.25 a share.", "$8.25").kind(),
            v1::Number::SHARE_PRICE);
  EXPECT_EQ(Find("Later it closed at $61.", "$61").kind(),
            v1::Number::SHARE_PRICE);
  // A price per barrel is not a share price; neither is a scaled amount.
  EXPECT_EQ(Find("Crude traded at $71 a barrel.", "$71").kind(),
            v1::Number::MONEY);
  EXPECT_EQ(Find("Its shares lost $30 billion in value.", "$30 billion")
                .kind(),
            v1::Number::MONEY);
}

TEST(NumbersPluginTest, Percentages) {
  const std::string text =
      "Sales rose 12.5%, costs 8 %, margins 3 per cent, tax 4 percent, "
      "fees 2 pct, spreads 40 basis points and share 1.5 percentage points.";
  EXPECT_DOUBLE_EQ(Find(text, "12.5%").value(), 12.5);
  EXPECT_EQ(Find(text, "8 %").unit(), "%");
  EXPECT_EQ(Find(text, "3 per cent").kind(), v1::Number::PERCENT);
  EXPECT_EQ(Find(text, "4 percent").unit(), "%");
  EXPECT_EQ(Find(text, "2 pct").unit(), "%");
  EXPECT_EQ(Find(text, "40 basis points").unit(), "bp");
  EXPECT_EQ(Find(text, "1.5 percentage points").unit(), "pp");
  EXPECT_DOUBLE_EQ(Find("It slid -2.4% today.", "-2.4%").value(), -2.4);
}

TEST(NumbersPluginTest, CardinalsInDigitsAndWords) {
  const std::string text =
      "The co-op has 2,345 members, 7 130 214 visitors, 0.75 acres of "
      "orchards, twenty-six barns, one hundred and five goats and a dozen "
      "hens; three tractors stand idle.";
  EXPECT_DOUBLE_EQ(Find(text, "2,345").value(), 2345);
  EXPECT_DOUBLE_EQ(Find(text, "7 130 214").value(), 7130214);
  EXPECT_DOUBLE_EQ(Find(text, "twenty-six").value(), 26);
  EXPECT_DOUBLE_EQ(Find(text, "one hundred and five").value(), 105);
  EXPECT_DOUBLE_EQ(Find(text, "a dozen").value(), 12);
  const v1::Number three = Find(text, "three");
  EXPECT_EQ(three.kind(), v1::Number::CARDINAL);
  EXPECT_DOUBLE_EQ(three.value(), 3);
  // Grouping needs exactly three digits after each separator.
  EXPECT_EQ(Texts("Rows 12 34 differ."), std::vector<std::string>{});
}

TEST(NumbersPluginTest, QuantitiesKeepTheUnitOutsideTheSpan) {
  const v1::Number n = Find("They shipped 4 million tonnes of ore.",
                            "4 million");
  EXPECT_EQ(n.kind(), v1::Number::QUANTITY);
  EXPECT_EQ(n.unit(), "tonnes");
  EXPECT_DOUBLE_EQ(n.value(), 4e6);
}

TEST(NumbersPluginTest, VagueMagnitudes) {
  const std::string text =
      "Dozens of funds poured billions of dollars and hundreds of "
      "billions of euros into chips, reaching millions of users.";
  v1::Number n = Find(text, "Dozens");
  EXPECT_TRUE(n.vague());
  EXPECT_TRUE(n.approximate());
  EXPECT_DOUBLE_EQ(n.value(), 24);
  n = Find(text, "billions of dollars");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_DOUBLE_EQ(n.value(), 1e9);
  n = Find(text, "hundreds of billions of euros");
  EXPECT_EQ(n.unit(), "EUR");
  EXPECT_DOUBLE_EQ(n.value(), 1e11);
  n = Find(text, "millions");
  EXPECT_EQ(n.kind(), v1::Number::CARDINAL);
  n = Find("Repairs may run to tens or even hundreds of millions of "
           "pounds.",
           "tens or even hundreds of millions of pounds");
  EXPECT_DOUBLE_EQ(n.range().low(), 1e7);
  EXPECT_DOUBLE_EQ(n.range().high(), 1e8);
}

TEST(NumbersPluginTest, OrdinalsMultipliersFractions) {
  EXPECT_EQ(Find("It placed 42nd overall.", "42nd").kind(),
            v1::Number::ORDINAL);
  EXPECT_DOUBLE_EQ(Find("It placed fifth again.", "fifth").value(), 5);
  const std::string text =
      "Output grew 1200-fold, then doubled to 4x, twice the target; half of "
      "it went abroad, a quarter of it stayed and two-thirds was sold.";
  v1::Number n = Find(text, "1200-fold");
  EXPECT_EQ(n.kind(), v1::Number::MULTIPLIER);
  EXPECT_DOUBLE_EQ(n.value(), 1200);
  EXPECT_DOUBLE_EQ(Find(text, "4x").value(), 4);
  EXPECT_EQ(Find(text, "twice").kind(), v1::Number::MULTIPLIER);
  EXPECT_DOUBLE_EQ(Find(text, "half").value(), 0.5);
  EXPECT_DOUBLE_EQ(Find(text, "a quarter").value(), 0.25);
  EXPECT_NEAR(Find(text, "two-thirds").value(), 2.0 / 3, 1e-12);
}

TEST(NumbersPluginTest, Ranges) {
  // "rose ... to" is a change, not a range.
  EXPECT_EQ(Texts("Rents rose 4% to 9% in the suburbs."),
            (std::vector<std::string>{"4%", "9%"}));
  v1::Number n = Find("Analysts see 4% to 9% growth.", "4% to 9%");
  EXPECT_EQ(n.kind(), v1::Number::PERCENT);
  EXPECT_DOUBLE_EQ(n.range().low(), 4);
  EXPECT_DOUBLE_EQ(n.range().high(), 9);
  EXPECT_DOUBLE_EQ(n.value(), 4);
  n = Find("Estimates run from $ 300 to 2 billion.", "$ 300 to 2 billion");
  EXPECT_EQ(n.unit(), "USD");
  EXPECT_DOUBLE_EQ(n.range().low(), 300);
  EXPECT_DOUBLE_EQ(n.range().high(), 2e9);
  n = Find("Margins of 11-15 % are typical.", "11-15 %");
  EXPECT_EQ(n.kind(), v1::Number::PERCENT);
  EXPECT_DOUBLE_EQ(n.range().high(), 15);
  n = Find("Yields between 3 and 6 % are expected.", "3 and 6 %");
  EXPECT_DOUBLE_EQ(n.range().low(), 3);
  n = Find("It takes three or four weeks.", "three or four weeks");
  EXPECT_EQ(n.kind(), v1::Number::DURATION);
  EXPECT_EQ(n.unit(), "week");
  EXPECT_DOUBLE_EQ(n.range().high(), 4);
  n = Find("A deal worth $2-4 billion.", "$2-4 billion");
  EXPECT_DOUBLE_EQ(n.range().low(), 2e9);
}

TEST(NumbersPluginTest, ScoresAreNotRanges) {
  EXPECT_EQ(Texts("Rovers won 3-1 and then drew 2-2 at home."),
            (std::vector<std::string>{"3", "1", "2", "2"}));
  for (const v1::Number& n : Scan("Rovers won 3-1 at home.")) {
    EXPECT_FALSE(n.has_range()) << n.text();
  }
  EXPECT_TRUE(Find("Expect 8-12 new stores.", "8-12").has_range());
}

TEST(NumbersPluginTest, Qualifiers) {
  struct Case {
    std::string text, surface, qualifier;
  } cases[] = {
      {"It lost nearly $40 billion.", "$40 billion", "nearly"},
      {"It hired more than 300 people.", "300", "more than"},
      {"Up to 15% may go.", "15%", "Up to"},
      {"At least 12 plants shut.", "12", "At least"},
      {"It slightly exceeded 5 % today.", "5 %", "slightly exceeded"},
      {"They kept 80 million USD or more.", "80 million USD", "or more"},
      {"It is surpassing a $2 trillion value.", "$2 trillion", "surpassing"},
  };
  for (const Case& c : cases) {
    const v1::Number n = Find(c.text, c.surface);
    EXPECT_EQ(n.qualifier(), c.qualifier) << c.text;
    EXPECT_TRUE(n.approximate()) << c.text;
  }
  EXPECT_FALSE(Find("It earned $3 million.", "$3 million").approximate());
}

TEST(NumbersPluginTest, DatesAndYears) {
  EXPECT_EQ(Find("Talks began in October 2019.", "October 2019").timex(),
            "2019-10");
  EXPECT_EQ(Find("It opens on March 3rd.", "March 3rd").timex(),
            "XXXX-03-03");
  EXPECT_EQ(Find("Due Feb. 9, 2026, in full.", "Feb. 9, 2026").timex(),
            "2026-02-09");
  EXPECT_EQ(Find("Signed 14 July 2023 in Oslo.", "14 July 2023").timex(),
            "2023-07-14");
  EXPECT_EQ(Find("The filing dated 2024-11-05 is late.", "2024-11-05")
                .timex(),
            "2024-11-05");
  const v1::Number y = Find("Profits peaked in 2019.", "2019");
  EXPECT_EQ(y.kind(), v1::Number::DATE);
  EXPECT_EQ(y.timex(), "2019");
  EXPECT_EQ(Find("Its 2031's plan is vague.", "2031").kind(),
            v1::Number::DATE);
  EXPECT_EQ(Find("Prices in the 1980s were low.", "1980s").kind(),
            v1::Number::DATE);
}

TEST(NumbersPluginTest, Durations) {
  v1::Number n = Find("The lease runs six years.", "six years");
  EXPECT_EQ(n.kind(), v1::Number::DURATION);
  EXPECT_EQ(n.unit(), "year");
  EXPECT_EQ(n.timex(), "P6Y");
  n = Find("A 30-year bond.", "30-year");
  EXPECT_EQ(n.timex(), "P30Y");
  EXPECT_EQ(Find("Wait one week.", "one week").timex(), "P1W");
  EXPECT_EQ(Find("It took 36 hours.", "36 hours").timex(), "PT36H");
}

TEST(NumbersPluginTest, NotNumbers) {
  const std::string text =
      "The X200 chip, Orion-7 model, K2 and Q9-mini, the Fortune 500, "
      "Zeta 3.0 release, ISO 14001 rules and covid-19 era; one wonders "
      "why. One must wait, one of the leaders said, and no one knows. "
      "A single-day drop, a few days, once, both sides, on Friday, in "
      "December; may we ask? A recent percent change. Call 555-201-8833, "
      "install v2.4.1 or 10.0.0.1, meet at 10:30, file the 10-K, use 5G.";
  EXPECT_EQ(Texts(text), std::vector<std::string>{});
}

TEST(NumbersPluginTest, OneAsANumber) {
  EXPECT_EQ(Find("It built one factory.", "one").kind(),
            v1::Number::CARDINAL);
  EXPECT_EQ(Find("Two Acmes and one Globex merged.", "one").value(), 1);
}

TEST(NumbersPluginTest, EdgesOfTheText) {
  EXPECT_TRUE(Scan("").empty());
  EXPECT_TRUE(Scan("   \n ").empty());
  EXPECT_TRUE(Scan("?!.,;:-%$€").empty());
  std::vector<v1::Number> n = Scan("42%");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].span().byte_begin(), 0u);
  EXPECT_EQ(n[0].span().byte_end(), 3u);
  n = Scan("$7");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].text(), "$7");
  n = Scan("Total: 1,250");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].text(), "1,250");
}

TEST(NumbersPluginTest, NonLatinTextAroundNumbers) {
  const std::string text =
      "销售额增长 15% 😀 $3 million 🚀 "
      "e\xCC\x81 12 \xE2\x80\x94 收入 4.5 billion yuan。";
  std::vector<std::string> texts = Texts(text);
  EXPECT_EQ(texts, (std::vector<std::string>{"15%", "$3 million", "12",
                                             "4.5 billion yuan"}));
}

TEST(NumbersPluginTest, InvalidUtf8DoesNotCrash) {
  const std::string text = std::string("\xFF\xFE 12% \xC3") + "$5";
  std::vector<std::string> texts = Texts(text);
  EXPECT_EQ(texts, (std::vector<std::string>{"12%", "$5"}));
}

TEST(NumbersPluginTest, OneMegabyteOfDigitsAndSeparators) {
  std::string text;
  while (text.size() < (1u << 20)) text += "1,2.3 4,5 ";
  const std::vector<v1::Number> numbers = Scan(text);
  EXPECT_GT(numbers.size(), 0u);
  std::string digits(1u << 20, '7');
  EXPECT_TRUE(Scan(digits).empty());  // too long to be a number
}

TEST(NumbersPluginTest, RunsInTheBuiltinPipeline) {
  absl::StatusOr<v1::Document> doc =
      AnalyzeWithBuiltins("Revenue hit $12 billion in 2021.", {"numbers"});
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->numbers_size(), 2);
  EXPECT_EQ(doc->numbers(0).text(), "$12 billion");
  EXPECT_EQ(doc->numbers(1).kind(), v1::Number::DATE);
  EXPECT_GT(doc->numbers(0).run_id(), 0u);
}


// ---- rules added for the Recognizers-Text specs (own sentences) ----------

TEST(NumbersPluginTest, SpelledFractionsAndMixedNumbers) {
  EXPECT_NEAR(Find("Nearly five eighths of the fleet idled.", "five eighths")
                  .value(), 0.625, 1e-12);
  EXPECT_NEAR(Find("Only a fifth of the loans soured.", "a fifth").value(),
              0.2, 1e-12);
  EXPECT_NEAR(Find("The ratio fell to one twenty-fifth.", "one twenty-fifth")
                  .value(), 0.04, 1e-12);
  EXPECT_DOUBLE_EQ(
      Find("Output reached four and a half million barrels.",
           "four and a half million").value(), 4.5e6);
  EXPECT_DOUBLE_EQ(
      Find("It employs two million and a half people.",
           "two million and a half").value(), 2.5e6);
  EXPECT_NEAR(Find("Add seven and three fifths.", "seven and three fifths")
                  .value(), 7.6, 1e-12);
  EXPECT_DOUBLE_EQ(Find("They sold half a million units.", "half a million")
                       .value(), 5e5);
  // An ordinal before a noun stays an ordinal: no fraction.
  for (const v1::Number& n : Scan("It was a fifth straight loss.")) {
    EXPECT_NE(n.text(), "a fifth");
  }
}

TEST(NumbersPluginTest, PointDecimalsDozensAndSpacedHyphen) {
  EXPECT_NEAR(Find("It weighs three point zero seven tons.",
                   "three point zero seven").value(), 3.07, 1e-12);
  EXPECT_DOUBLE_EQ(Find("We packed four dozens.", "four dozens").value(), 48);
  EXPECT_DOUBLE_EQ(Find("We packed 4 dozens.", "4 dozens").value(), 48);
  EXPECT_DOUBLE_EQ(Find("sixty - three", "sixty - three").value(), 63);
}

TEST(NumbersPluginTest, NegativeWordsAndRatios) {
  EXPECT_DOUBLE_EQ(Find("Growth was minus 4 last year.", "minus 4").value(),
                   -4);
  EXPECT_DOUBLE_EQ(
      Find("Margins were negative seven percent.", "negative seven percent")
          .value(), -7);
  EXPECT_NEAR(Find("one out of four", "one out of four").value(), 0.25,
              1e-12);
  EXPECT_NEAR(Find("Risk is 1 in 8 adults.", "1 in 8").value(), 0.125,
              1e-12);
  EXPECT_NEAR(Find("5 over 8", "5 over 8").value(), 0.625, 1e-12);
  // "over" before a unit is not a ratio.
  EXPECT_EQ(Texts("It lent $4000 over 5 years."),
            (std::vector<std::string>{"$4000", "5 years"}));
  // A larger first number is not "out of".
  EXPECT_EQ(Texts("They scored 14 out of 9."),
            (std::vector<std::string>{"14", "9"}));
}

TEST(NumbersPluginTest, DigitShapes) {
  EXPECT_DOUBLE_EQ(Find("a yield of .35 on paper", ".35").value(), 0.35);
  EXPECT_DOUBLE_EQ(Find("about 2.5e6 cells", "2.5e6").value(), 2.5e6);
  EXPECT_DOUBLE_EQ(Find("value 4e-2 here", "4e-2").value(), 0.04);
  EXPECT_DOUBLE_EQ(Find("take 3^4 now", "3^4").value(), 81);
  EXPECT_DOUBLE_EQ(Find("a 7 3/4% coupon", "7 3/4%").value(), 7.75);
  EXPECT_DOUBLE_EQ(Find("about 3/8 of it", "3/8").value(), 0.375);
  EXPECT_DOUBLE_EQ(Find("only \xC2\xBD of them", "\xC2\xBD").value(), 0.5);
  // Dates and scores with slashes are not fractions.
  EXPECT_TRUE(Texts("after 9/11 and on 4/17/2021").empty());
  EXPECT_DOUBLE_EQ(Find("sold 45 hundred", "45 hundred").value(), 4500);
  EXPECT_DOUBLE_EQ(Find("a 4.2b deal", "4.2b").value(), 4.2e9);
  EXPECT_DOUBLE_EQ(Find("it had 3 214 556.25 left.", "3 214 556.25").value(),
                   3214556.25);
}

TEST(NumbersPluginTest, MoreCurrencyForms) {
  v1::Number n = Find("Fees were 12 €, paid late.", "12 \xE2\x82\xAC");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_EQ(n.unit(), "EUR");
  n = Find("It fetched 250 swiss francs.", "250 swiss francs");
  EXPECT_EQ(n.unit(), "CHF");
  n = Find("a bill of 90 Turkish lira", "90 Turkish lira");
  EXPECT_EQ(n.unit(), "TRY");
  n = Find("priced at 40 usd", "40 usd");
  EXPECT_EQ(n.unit(), "USD");
  n = Find("raised 25 MEUR last year", "25 MEUR");
  EXPECT_DOUBLE_EQ(n.value(), 2.5e7);
  EXPECT_EQ(n.unit(), "EUR");
  n = Find("a c $ 45 million charge", "c $ 45 million");
  EXPECT_EQ(n.unit(), "CAD");
  n = Find("paid cad$ 30 for it", "cad$ 30");
  EXPECT_EQ(n.unit(), "CAD");
  n = Find("lost 60 USD million", "60 USD million");
  EXPECT_DOUBLE_EQ(n.value(), 6e7);
  n = Find("a 15-cent dividend", "15-cent");
  EXPECT_DOUBLE_EQ(n.value(), 0.15);
  n = Find("it cost 7 dollars and 25 cents", "7 dollars and 25 cents");
  EXPECT_DOUBLE_EQ(n.value(), 7.25);
  n = Find("paid 300 satoshis", "300 satoshis");
  EXPECT_EQ(n.unit(), "BTC");
  EXPECT_NEAR(n.value(), 3e-6, 1e-15);
  // "try" after a number is the verb, not the Turkish lira code.
  for (const v1::Number& x : Scan("give 2 try again")) {
    EXPECT_NE(x.kind(), v1::Number::MONEY);
  }
}

TEST(NumbersPluginTest, PercentForms) {
  EXPECT_EQ(Find("rose by 40 percentage, they said", "40 percentage").unit(),
            "%");
  EXPECT_EQ(Find("40 percentage points", "40 percentage points").unit(),
            "pp");
  EXPECT_DOUBLE_EQ(Find("percent of 35", "percent of 35").value(), 35);
  // URL escapes are not percentages.
  EXPECT_TRUE(Texts("see x.com/a?q=50%25%2099").empty());
}


TEST(NumbersPluginTest, RangeScaleBindsToASmallerLowEnd) {
  v1::Number n = Find("Output of between 4 and 9 million barrels.",
                      "4 and 9 million");
  EXPECT_DOUBLE_EQ(n.range().low(), 4e6);
  EXPECT_DOUBLE_EQ(n.range().high(), 9e6);
  n = Find("Costs of 2 to 3 billion dollars loom.", "2 to 3 billion dollars");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_DOUBLE_EQ(n.range().low(), 2e9);
  n = Find("It needs one or two million doses.", "one or two million");
  EXPECT_DOUBLE_EQ(n.range().low(), 1e6);
  // A low end larger than the high numeral is meant as written.
  n = Find("Bids ranged from $250 to 2 billion.", "$250 to 2 billion");
  EXPECT_DOUBLE_EQ(n.range().low(), 250);
  EXPECT_DOUBLE_EQ(n.range().high(), 2e9);
  n = Find("between 700 and 5 million users", "700 and 5 million");
  EXPECT_DOUBLE_EQ(n.range().low(), 700);
}

TEST(NumbersPluginTest, StackedQualifiers) {
  v1::Number n = Find("Fees may climb up to about 7% next year.", "7%");
  EXPECT_EQ(n.qualifier(), "up to about");
  n = Find("It hired well over roughly 40 people.", "40");
  EXPECT_EQ(n.qualifier(), "well over roughly");
  n = Find("Nearly a fifth of stores closed.", "a fifth");
  EXPECT_EQ(n.qualifier(), "Nearly");
}

TEST(NumbersPluginTest, FewAndSeveralWithAScale) {
  v1::Number n = Find("They lost several billion dollars.",
                      "several billion dollars");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_EQ(n.unit(), "USD");
  EXPECT_DOUBLE_EQ(n.value(), 3e9);
  EXPECT_TRUE(n.vague());
  n = Find("The app has a few million users.", "a few million");
  EXPECT_DOUBLE_EQ(n.value(), 2e6);
  EXPECT_TRUE(n.approximate());
  n = Find("A few hundred thousand fans came.", "A few hundred thousand");
  EXPECT_DOUBLE_EQ(n.value(), 2e5);
  EXPECT_TRUE(Texts("We waited a few days and several weeks.").empty());
  n = Find("Tens of thousands marched.", "Tens of thousands");
  EXPECT_DOUBLE_EQ(n.value(), 1e4);
}

TEST(NumbersPluginTest, HeadlineCountsVersusNamesWithNumbers) {
  EXPECT_EQ(Texts("Grocer Sheds 75 Stores In Slump"),
            (std::vector<std::string>{"75"}));
  EXPECT_EQ(Texts("Lab Hires 40 Engineers"),
            (std::vector<std::string>{"40"}));
  EXPECT_TRUE(Texts("Airbus 320 Deliveries Slow").empty());
  EXPECT_TRUE(Texts("Windows 11 Updates Arrive").empty());
  EXPECT_TRUE(Texts("The Nikkei 225 Gains").empty());
}

TEST(NumbersPluginTest, BareCentsAfterACurrency) {
  EXPECT_DOUBLE_EQ(Find("The toy costs 12 euros 40.", "12 euros 40").value(),
                   12.4);
  EXPECT_DOUBLE_EQ(
      Find("Fares rose to 9 USD 75.", "9 USD 75").value(), 9.75);
  EXPECT_DOUBLE_EQ(Find("9 USD 75 this week", "9 USD").value(), 9);
  EXPECT_DOUBLE_EQ(
      Find("It was two dollars and ten.", "two dollars and ten").value(),
      2.10);
  EXPECT_EQ(Texts("He got 50 dollars and 20 more."),
            (std::vector<std::string>{"50 dollars", "20"}));
  // A number followed by a noun is its own count.
  EXPECT_EQ(Texts("She paid 20 dollars 30 years ago."),
            (std::vector<std::string>{"20 dollars", "30 years"}));
  EXPECT_DOUBLE_EQ(Find("Bread was 8 $ 40 cents.", "8 $ 40 cents").value(),
                   8.40);
  EXPECT_EQ(Texts("Seats: 7 $ 20 $"),
            (std::vector<std::string>{"7 $", "20 $"}));
}

TEST(NumbersPluginTest, DigitsWithScaleWordChains) {
  EXPECT_DOUBLE_EQ(Find("We counted 2 thousand 5 hundred and 12 votes.",
                        "2 thousand 5 hundred and 12").value(),
                   2512);
  EXPECT_DOUBLE_EQ(Find("It raised 7 crore and three hundred.",
                        "7 crore and three hundred").value(),
                   70000300);
  EXPECT_DOUBLE_EQ(Find("A plan of two lakh crore.", "two lakh crore").value(),
                   2e12);
  EXPECT_EQ(Texts("It has 3 million and 20 staff."),
            (std::vector<std::string>{"3 million", "20"}));
  EXPECT_EQ(Texts("Sales hit 5 billion and 300 million."),
            (std::vector<std::string>{"5 billion", "300 million"}));
  EXPECT_EQ(Texts("we wrote 6000 8 hundred."),
            (std::vector<std::string>{"6000", "8 hundred"}));
  EXPECT_DOUBLE_EQ(Find("A town of 2 million and a half.",
                        "2 million and a half").value(),
                   2.5e6);
  EXPECT_DOUBLE_EQ(Find("Pack 5 dzs now", "5 dzs").value(), 60);
}

TEST(NumbersPluginTest, TextbookFractions) {
  struct Case {
    std::string text, surface;
    double value;
  } cases[] = {
      {"Add one and a fourth cups.", "one and a fourth", 1.25},
      {"It is two and thirty-one hundredths", "two and thirty-one hundredths",
       2.31},
      {"four hundred and seven tenths", "four hundred and seven tenths",
       400.7},
      {"Take seven - eighths now", "seven - eighths", 0.875},
      {"one - third", "one - third", 1.0 / 3},
      {"one hundred twenty-sevenths", "one hundred twenty-sevenths",
       100.0 / 27},
      {"one hundred and twenty sevenths", "one hundred and twenty sevenths",
       120.0 / 7},
      {"The result is minus three fifths", "minus three fifths", -0.6},
      {"one one hundred sixth", "one one hundred sixth", 1.0 / 106},
      {"We sold four hundred and three dozens.",
       "four hundred and three dozens", 436},
      {"It grew by a fortieth.", "a fortieth", 1.0 / 40},
      {"seventy - five hundred thirds", "seventy - five hundred thirds",
       2500},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(Find(c.text, c.surface).value(), c.value, 1e-9) << c.text;
  }
  const v1::Number n = Find("A deal of three quarters billion pounds.",
                            "three quarters billion pounds");
  EXPECT_EQ(n.kind(), v1::Number::MONEY);
  EXPECT_EQ(n.unit(), "GBP");
  EXPECT_DOUBLE_EQ(n.value(), 7.5e8);
  EXPECT_EQ(Find("the one hundred and fifth day", "one hundred and fifth")
                .kind(),
            v1::Number::ORDINAL);
  // A hyphenated ordinal modifier is no fraction.
  for (const v1::Number& x :
       Scan("a third-quarter loss, a fourth-quarter gain, one fifth-place")) {
    EXPECT_GE(x.value(), 1) << x.text();
  }
  // An ordinal in a phrase stays an ordinal.
  EXPECT_EQ(Find("for a fourth straight year", "fourth").kind(),
            v1::Number::ORDINAL);
}

TEST(NumbersPluginTest, IndianAndContinentalGrouping) {
  v1::Number n = Find("a loan of 3,45,67,890 rupees", "3,45,67,890 rupees");
  EXPECT_DOUBLE_EQ(n.value(), 34567890);
  EXPECT_DOUBLE_EQ(Find("It is 1,00,000.50 now", "1,00,000.50").value(),
                   100000.5);
  EXPECT_DOUBLE_EQ(Find("The bill was 2.345,50 in total", "2.345,50").value(),
                   2345.5);
  EXPECT_DOUBLE_EQ(Find("It reads 4.128.900,7 here", "4.128.900,7").value(),
                   4128900.7);
  // Without the decimal comma a point is a decimal point.
  EXPECT_DOUBLE_EQ(Find("It rose 1.234 points", "1.234").value(), 1.234);
  // Pairs that do not end in a group of three are a list.
  EXPECT_EQ(Texts("See items 12,34,56."),
            (std::vector<std::string>{"12"}));
}

}  // namespace
}  // namespace loupe
