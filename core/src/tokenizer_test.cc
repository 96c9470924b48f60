#include "core/src/tokenizer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Texts(absl::string_view text) {
  std::vector<std::string> out;
  for (const TokenSpan& t : Tokenize(text)) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

// The tokens split off by glue, as text.
std::vector<std::string> Glued(absl::string_view text) {
  std::vector<std::string> out;
  for (const TokenSpan& t : Tokenize(text)) {
    if (t.glued) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

v1::Token::Kind KindOf(absl::string_view text, absl::string_view token) {
  for (const TokenSpan& t : Tokenize(text)) {
    if (text.substr(t.begin, t.end - t.begin) == token) return t.kind;
  }
  return v1::Token::KIND_UNSPECIFIED;
}

TEST(TokenizerTest, EmptyAndWhitespaceOnly) {
  EXPECT_THAT(Tokenize(""), IsEmpty());
  EXPECT_THAT(Tokenize(" \t\n\r\n  "), IsEmpty());
  // NBSP, ideographic space, zero-width space, BOM.
  EXPECT_THAT(Tokenize("\xC2\xA0\xE3\x80\x80\xE2\x80\x8B\xEF\xBB\xBF"),
              IsEmpty());
}

TEST(TokenizerTest, UnicodeSpacesSeparate) {
  EXPECT_THAT(Texts("costs\xC2\xA0" "fell\xE3\x80\x80sharply"),
              ElementsAre("costs", "fell", "sharply"));
}

TEST(TokenizerTest, WordsAndPunctuation) {
  EXPECT_THAT(Texts("Rain fell; roads (mostly) closed!"),
              ElementsAre("Rain", "fell", ";", "roads", "(", "mostly", ")",
                          "closed", "!"));
  EXPECT_EQ(KindOf("Rain fell.", "Rain"), v1::Token::WORD);
  EXPECT_EQ(KindOf("Rain fell.", "."), v1::Token::PUNCTUATION);
}

TEST(TokenizerTest, EllipsisAndRepeatedTerminators) {
  EXPECT_THAT(Texts("Wait... what?! No\xE2\x80\xA6"),
              ElementsAre("Wait", "...", "what", "?!", "No", "\xE2\x80\xA6"));
}

TEST(TokenizerTest, NumbersKeepSeparators) {
  EXPECT_THAT(Texts("1,500 and 7,205,311 rose 98.25 or 0.5 on 3rd"),
              ElementsAre("1,500", "and", "7,205,311", "rose", "98.25", "or",
                          "0.5", "on", "3rd"));
  EXPECT_EQ(KindOf("up 98.25 now", "98.25"), v1::Token::NUMBER);
  EXPECT_EQ(KindOf("a 3rd try", "3rd"), v1::Token::NUMBER);
}

TEST(TokenizerTest, NumberCommaNeedsThreeDigits) {
  EXPECT_THAT(Texts("items 1,2 and 12,3456"),
              ElementsAre("items", "1", ",", "2", "and", "12", ",", "3456"));
}

TEST(TokenizerTest, SentenceFinalPeriodAfterNumber) {
  EXPECT_THAT(Texts("It opened in 1998."),
              ElementsAre("It", "opened", "in", "1998", "."));
  EXPECT_THAT(Texts("closed at 41.07."),
              ElementsAre("closed", "at", "41.07", "."));
}

TEST(TokenizerTest, NumberSuffixesAndRanges) {
  EXPECT_THAT(Texts("a 300M deal, 40-fold growth, 12-18 months, 5G"),
              ElementsAre("a", "300M", "deal", ",", "40-fold", "growth", ",",
                          "12-18", "months", ",", "5G"));
  EXPECT_EQ(KindOf("40-fold growth", "40-fold"), v1::Token::NUMBER);
}

TEST(TokenizerTest, CurrencyAndPercentStandAlone) {
  EXPECT_THAT(Texts("$75B and \xE2\x82\xAC" "3.2bn, 12.5% or \xC2\xA3" "9"),
              ElementsAre("$", "75B", "and", "\xE2\x82\xAC", "3.2bn", ",",
                          "12.5", "%", "or", "\xC2\xA3", "9"));
  EXPECT_THAT(Texts("$ 2 TN"), ElementsAre("$", "2", "TN"));
  EXPECT_THAT(Texts("US$40 and C$7"),
              ElementsAre("US", "$", "40", "and", "C", "$", "7"));
  EXPECT_EQ(KindOf("$75B", "$"), v1::Token::SYMBOL);
  EXPECT_EQ(KindOf("12%", "%"), v1::Token::SYMBOL);
  EXPECT_EQ(KindOf("R&D", "R&D"), v1::Token::WORD);
  EXPECT_EQ(KindOf("salt & pepper", "&"), v1::Token::SYMBOL);
}

TEST(TokenizerTest, PossessivesAndContractionsSplitPtbStyle) {
  EXPECT_THAT(Texts("Acme\xE2\x80\x99s plan"),
              ElementsAre("Acme", "\xE2\x80\x99s", "plan"));
  EXPECT_THAT(Texts("ACME's chips"), ElementsAre("ACME", "'s", "chips"));
  EXPECT_THAT(Texts("it doesn\xE2\x80\x99t work"),
              ElementsAre("it", "does", "n\xE2\x80\x99t", "work"));
  EXPECT_THAT(Texts("it's fine, we'll see, they've gone, I'm here"),
              ElementsAre("it", "'s", "fine", ",", "we", "'ll", "see", ",",
                          "they", "'ve", "gone", ",", "I", "'m", "here"));
  EXPECT_THAT(Texts("the farmers' union"),
              ElementsAre("the", "farmers", "'", "union"));
  EXPECT_THAT(Texts("O'Neill and rock'n'roll"),
              ElementsAre("O'Neill", "and", "rock'n'roll"));
  EXPECT_EQ(KindOf("ACME's", "'s"), v1::Token::WORD);
}

TEST(TokenizerTest, AbbreviationsKeepTheirPeriod) {
  EXPECT_THAT(Texts("Ms. Park of Globex Corp. and Acme Inc. met Dr. Roe"),
              ElementsAre("Ms.", "Park", "of", "Globex", "Corp.", "and",
                          "Acme", "Inc.", "met", "Dr.", "Roe"));
  EXPECT_THAT(Texts("the U.K. and U.S. markets, e.g. bonds, i.e. debt"),
              ElementsAre("the", "U.K.", "and", "U.S.", "markets", ",",
                          "e.g.", "bonds", ",", "i.e.", "debt"));
  EXPECT_THAT(Texts("John Q. Public vs. Feb. 3"),
              ElementsAre("John", "Q.", "Public", "vs.", "Feb.", "3"));
  EXPECT_THAT(Texts("ranked No. 4 but said no."),
              ElementsAre("ranked", "No.", "4", "but", "said", "no", "."));
}

TEST(TokenizerTest, AbbreviationAtSentenceEndKeepsPeriod) {
  EXPECT_THAT(Texts("Sales grew in the U.S."),
              ElementsAre("Sales", "grew", "in", "the", "U.S."));
}

TEST(TokenizerTest, OrdinaryWordDoesNotKeepPeriod) {
  EXPECT_THAT(Texts("The plan failed."),
              ElementsAre("The", "plan", "failed", "."));
}

TEST(TokenizerTest, HyphenatedCompoundsAreOneToken) {
  EXPECT_THAT(Texts("low-cost Llama-3 x5-pro Model-V2 U.K.-based run-time"),
              ElementsAre("low-cost", "Llama-3", "x5-pro", "Model-V2",
                          "U.K.-based", "run-time"));
  EXPECT_THAT(Texts("well -known"), ElementsAre("well", "-", "known"));
}

TEST(TokenizerTest, SlashAndColonBetweenAlphanumerics) {
  EXPECT_THAT(Texts("NYSE:IBM open 24/7 at 09:15 and/or later: yes"),
              ElementsAre("NYSE:IBM", "open", "24/7", "at", "09:15", "and/or",
                          "later", ":", "yes"));
}

TEST(TokenizerTest, UrlsAndEmails) {
  EXPECT_THAT(Texts("See https://example.org/a?b=1. Mail news@paper.co.uk, or "
                    "visit www.sample.net."),
              ElementsAre("See", "https://example.org/a?b=1", ".", "Mail",
                          "news@paper.co.uk", ",", "or", "visit",
                          "www.sample.net", "."));
  EXPECT_EQ(KindOf("Mail news@paper.co.uk now", "news@paper.co.uk"),
            v1::Token::URL);
  EXPECT_THAT(Texts("per MarketWatch.com, shares"),
              ElementsAre("per", "MarketWatch.com", ",", "shares"));
  EXPECT_EQ(KindOf("per MarketWatch.com, shares", "MarketWatch.com"),
            v1::Token::URL);
  EXPECT_THAT(Texts("Reuters.com's report"),
              ElementsAre("Reuters.com", "'s", "report"));
  EXPECT_THAT(Texts("(see http://a.io/x)"),
              ElementsAre("(", "see", "http://a.io/x", ")"));
}

TEST(TokenizerTest, GlueLowercaseBeforeCapitalizedWordIsSplit) {
  EXPECT_THAT(Texts("prices fellAnalysts said"),
              ElementsAre("prices", "fell", "Analysts", "said"));
  EXPECT_THAT(Glued("prices fellAnalysts said"), ElementsAre("Analysts"));
  EXPECT_THAT(Texts("shares of droppingINTEL fell"),
              ElementsAre("shares", "of", "dropping", "INTEL", "fell"));
  EXPECT_THAT(Texts("the marketGlobex\xE2\x80\x99s shares"),
              ElementsAre("the", "market", "Globex", "\xE2\x80\x99s",
                          "shares"));
  EXPECT_THAT(Texts("its valueJapan's"),
              ElementsAre("its", "value", "Japan", "'s"));
}

TEST(TokenizerTest, CamelCaseNamesAreNotSplit) {
  for (absl::string_view name :
       {"DeepMind", "OpenAI", "iPhone", "iOS", "eBay", "YouTube", "McDonald",
        "TechCrunch", "macOS", "PlayStation", "watchOS", "LinkedIn",
        "JavaScript", "iPadOS", "GoTo"}) {
    EXPECT_THAT(Texts(name), ElementsAre(std::string(name))) << name;
    EXPECT_THAT(Glued(name), IsEmpty()) << name;
  }
}

TEST(TokenizerTest, GlueCapitalizedWordBeforeFunctionWord) {
  EXPECT_THAT(Texts("on Main StreetThe mayor"),
              ElementsAre("on", "Main", "Street", "The", "mayor"));
  EXPECT_THAT(Glued("on Main StreetThe mayor"), ElementsAre("The"));
  // A capitalized name ending in another capitalized word stays whole.
  EXPECT_THAT(Texts("SeaWorld"), ElementsAre("SeaWorld"));
}

TEST(TokenizerTest, GlueDottedInitialsBeforeLowercase) {
  EXPECT_THAT(Texts("the U.Sbanking sector and U.Kin talks"),
              ElementsAre("the", "U.S", "banking", "sector", "and", "U.K",
                          "in", "talks"));
  EXPECT_THAT(Glued("the U.Sbanking sector"), ElementsAre("banking"));
  EXPECT_THAT(Texts("in the U.S"), ElementsAre("in", "the", "U.S"));
}

TEST(TokenizerTest, GluePeriodBeforeCapitalizedWord) {
  EXPECT_THAT(Texts("was approved.Critics said"),
              ElementsAre("was", "approved", ".", "Critics", "said"));
  EXPECT_THAT(Glued("was approved.Critics said"), ElementsAre("Critics"));
  EXPECT_THAT(Texts("in the U.S.The"), ElementsAre("in", "the", "U.S.", "The"));
  EXPECT_THAT(Glued("in the U.S.The"), ElementsAre("The"));
  // Not domains, decimals or inner periods of lowercase words.
  EXPECT_THAT(Glued("Bloomberg.com 3.5 node.js U.S. growth"), IsEmpty());
}

TEST(TokenizerTest, IdeographsAreOneTokenEach) {
  EXPECT_THAT(Texts("\xE6\x96\xB0\xE9\x97\xBB\xE3\x80\x82"),  // 新闻。
              ElementsAre("\xE6\x96\xB0", "\xE9\x97\xBB", "\xE3\x80\x82"));
  EXPECT_EQ(KindOf("\xE6\x96\xB0", "\xE6\x96\xB0"), v1::Token::WORD);
  EXPECT_EQ(KindOf("a\xE3\x80\x82", "\xE3\x80\x82"), v1::Token::PUNCTUATION);
}

TEST(TokenizerTest, CombiningMarksStayWithTheirBase) {
  // "cafe" + U+0301, and "naïve" precomposed.
  EXPECT_THAT(Texts("cafe\xCC\x81 na\xC3\xAFve"),
              ElementsAre("cafe\xCC\x81", "na\xC3\xAFve"));
  // A mark after whitespace is a token of its own, not dropped.
  EXPECT_THAT(Texts("a \xCC\x81"), ElementsAre("a", "\xCC\x81"));
}

TEST(TokenizerTest, EmojiSequencesAreOneSymbol) {
  // Thumbs up + skin tone; family ZWJ sequence; flag.
  const std::string text =
      "ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 "
      "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5";
  const std::vector<TokenSpan> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(tokens[i].kind, v1::Token::SYMBOL);
}

TEST(TokenizerTest, NonLatinWords) {
  EXPECT_THAT(Texts("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, "
                    "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"),
              ElementsAre("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
                          ",", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"));
}

TEST(TokenizerTest, InvalidUtf8BytesAreCovered) {
  const std::string text = "ab\xFF\xC3 cd";
  EXPECT_THAT(Texts(text), ElementsAre("ab", "\xFF", "\xC3", "cd"));
}

// Every byte is either whitespace or in exactly one token; tokens are
// ordered, non-empty and on character boundaries.
void ExpectCoverage(absl::string_view text) {
  const std::vector<TokenSpan> tokens = Tokenize(text);
  std::vector<int> owner(text.size(), 0);
  uint32_t last_end = 0;
  for (const TokenSpan& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_GE(t.begin, last_end);
    last_end = t.end;
    for (uint32_t p = t.begin; p < t.end; ++p) ++owner[p];
    ASSERT_NE(t.kind, v1::Token::KIND_UNSPECIFIED);
    if (t.begin > 0) {
      ASSERT_NE(static_cast<unsigned char>(text[t.begin]) & 0xC0, 0x80);
    }
  }
  for (size_t p = 0; p < text.size(); ++p) {
    const unsigned char c = text[p];
    const bool ascii_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ascii_space) {
      EXPECT_EQ(owner[p], 0) << "byte " << p << " of " << text;
    } else if (c < 0x80) {
      EXPECT_EQ(owner[p], 1) << "byte " << p << " of " << text;
    } else {
      EXPECT_LE(owner[p], 1) << "byte " << p << " of " << text;
    }
  }
}

TEST(TokenizerTest, PropertyEveryByteCoveredOnce) {
  const std::vector<std::string> pieces = {
      "word", "Word", "WORD", "w", "U.S", "U.S.", ".", ",", "'", "\xE2\x80\x99",
      "s", "n't", "1", "1,000", "2.5", "$", "%", "-", "--", "/", ":", "@",
      "x.com", "http://a.b/c", "\xC2\xA0", " ", "\n", "\n\n", "\xE6\x96\xB0",
      "\xCC\x81", "\xF0\x9F\x91\x8D", "\xE2\x80\x8D", "(", "\"", "\xE2\x80\x9C",
      "Inc.", "e.g.", "The", "fellThe", "a.B", "\xE3\x80\x82", "#", "&"};
  // A deterministic pseudo-random walk over concatenations of the pieces.
  uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = 1 + round % 12;
    for (int k = 0; k < n; ++k) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 8) % pieces.size()];
    }
    ExpectCoverage(text);
    if (HasFailure()) return;
  }
}

TEST(TokenizerTest, LongSingleLineIsHandledLinearly) {
  std::string text;
  const std::string chunk =
      "Stocks fellThe U.Smarket lost $1.5B (3.2%) on Monday\xE2\x80\x94"
      "analysts\xE2\x80\x99 views vary: see x.com/a, \xE6\x96\xB0 "
      "\xF0\x9F\x93\x89 ";
  while (text.size() < 5'000'000) text += chunk;
  const std::vector<TokenSpan> tokens = Tokenize(text);
  EXPECT_GT(tokens.size(), 500'000u);
  EXPECT_EQ(tokens.back().end, text.size() - 1);  // the final space is free
  // One long word without separators.
  const std::string word(5'000'000, 'a');
  EXPECT_EQ(Tokenize(word).size(), 1u);
  // Many glue points in a row.
  std::string glue;
  while (glue.size() < 1'000'000) glue += "abCd";
  EXPECT_GT(Tokenize(glue).size(), 1u);
  ExpectCoverage(glue);
}

}  // namespace
}  // namespace loupe
