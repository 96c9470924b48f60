#include "core/src/sentence_splitter.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;


std::vector<std::string> Split(absl::string_view text) {
  const std::vector<TokenSpan> tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text, tokens)) {
    std::string item(text.substr(s.begin, s.end - s.begin));
    if (s.heading) item += " [h]";
    if (s.boilerplate) item += " [b]";
    out.push_back(item);
  }
  return out;
}

TEST(SentenceSplitterTest, EmptyAndWhitespace) {
  EXPECT_THAT(Split(""), IsEmpty());
  EXPECT_THAT(Split(" \n\n\t "), IsEmpty());
}

TEST(SentenceSplitterTest, TerminatorsBeforeSentenceStarts) {
  EXPECT_THAT(Split("Prices rose. Did they? Yes! \xE2\x80\x9CNo,\xE2\x80\x9D "
                    "he said. 2024 was calm."),
              ElementsAre("Prices rose.", "Did they?", "Yes!",
                          "\xE2\x80\x9CNo,\xE2\x80\x9D he said.",
                          "2024 was calm."));
}

TEST(SentenceSplitterTest, ClosingQuotesStayWithTheSentence) {
  EXPECT_THAT(Split("She said \xE2\x80\x9CIt works.\xE2\x80\x9D Then she left. "
                    "(It rained.) Later \"ok.\" Fine."),
              ElementsAre("She said \xE2\x80\x9CIt works.\xE2\x80\x9D",
                          "Then she left.", "(It rained.)", "Later \"ok.\"",
                          "Fine."));
}

TEST(SentenceSplitterTest, NoBoundaryBeforeLowercaseOrInsideNumbers) {
  EXPECT_THAT(Split("Growth hit 4.5 percent. the rest... was flat."),
              ElementsAre("Growth hit 4.5 percent. the rest... was flat."));
}

TEST(SentenceSplitterTest, TitlesAndInitialsDoNotEndSentences) {
  EXPECT_THAT(Split("Mr. Smith met Dr. Jones and John F. Kennedy Jr. today."),
              ElementsAre("Mr. Smith met Dr. Jones and John F. Kennedy Jr. "
                          "today."));
}

TEST(SentenceSplitterTest, MayEndAbbreviationsNeedAClearStart) {
  EXPECT_THAT(Split("Trade with the U.S. Treasury grew. Sales fell in the U.S. "
                    "The drop was large. Acme Inc. Chairman Lee spoke."),
              ElementsAre("Trade with the U.S. Treasury grew.",
                          "Sales fell in the U.S.", "The drop was large.",
                          "Acme Inc. Chairman Lee spoke."));
}

TEST(SentenceSplitterTest, GluedBoundariesAreBoundaries) {
  EXPECT_THAT(Split("Profits fellAnalysts were surprised by the slumpThey "
                    "expected more. Comments are closed.Thanks for reading."),
              ElementsAre("Profits fell", "Analysts were surprised by the slump",
                          "They expected more.", "Comments are closed.",
                          "Thanks for reading."));
}

TEST(SentenceSplitterTest, GluedLowercaseIsNotABoundary) {
  EXPECT_THAT(Split("Rules in the U.Smarket changed."),
              ElementsAre("Rules in the U.Smarket changed."));
}

TEST(SentenceSplitterTest, ParagraphBreakEndsSentence) {
  EXPECT_THAT(Split("First part without a period\n\nSecond part here."),
              ElementsAre("First part without a period [h]",
                          "Second part here."));
}

TEST(SentenceSplitterTest, SingleNewlineBeforeLowercaseContinues) {
  EXPECT_THAT(Split("The committee said on Tuesday that\nthe vote would be "
                    "delayed.\nThe chair agreed."),
              ElementsAre("The committee said on Tuesday that\nthe vote would "
                          "be delayed.",
                          "The chair agreed."));
}

TEST(SentenceSplitterTest, BoilerplateInsideASentenceIsNested) {
  const std::string text =
      "Regulators have long questioned the dominance of the big\n\n"
      "Advertisement\n\n"
      "banks over lending markets. Next sentence here.";
  const std::vector<TokenSpan> tokens = Tokenize(text);
  const std::vector<SentenceSpan> s = SplitSentences(text, tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin),
            "Regulators have long questioned the dominance of the big\n\n"
            "Advertisement\n\nbanks over lending markets.");
  EXPECT_FALSE(s[0].boilerplate);
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "Advertisement");
  EXPECT_TRUE(s[1].boilerplate);
  // Nested: inside the outer span and its token range.
  EXPECT_GE(s[1].token_begin, s[0].token_begin);
  EXPECT_LE(s[1].token_end, s[0].token_end);
  EXPECT_EQ(text.substr(s[2].begin, s[2].end - s[2].begin),
            "Next sentence here.");
}

TEST(SentenceSplitterTest, BoilerplateBetweenFinishedSentencesStandsAlone) {
  EXPECT_THAT(Split("Markets closed lower\n\nAdvertisements\n\nThe next day "
                    "they rose.\nShare post:\nDate:"),
              ElementsAre("Markets closed lower [h]", "Advertisements [b]",
                          "The next day they rose.", "Share post: [b]",
                          "Date: [b]"));
}

TEST(SentenceSplitterTest, ParagraphEndingWithPeriodDoesNotContinue) {
  EXPECT_THAT(Split("It was over.\n\nthen a new section began."),
              ElementsAre("It was over.", "then a new section began."));
}

TEST(SentenceSplitterTest, WatermarkLineInsideASentenceIsNested) {
  EXPECT_THAT(Split("Officials met with the leaders of the\n\nzorblat\n\n"
                    "regional council on Friday."),
              ElementsAre("Officials met with the leaders of the\n\nzorblat\n\n"
                          "regional council on Friday.",
                          "zorblat [b]"));
}

TEST(SentenceSplitterTest, HeadingsAreShortUnpunctuatedLines) {
  EXPECT_THAT(
      Split("Ports Reopen After Storm\n"
            "Ships returned on Sunday. Crews cleared debris.\n"
            "What Comes Next for Shipping\n"
            "Insurers expect claims to rise.\n"
            "Key points:\n"
            "- Cargo volumes fell sharply.\n"
            "- Two terminals stay shut."),
      ElementsAre("Ports Reopen After Storm [h]", "Ships returned on Sunday.",
                  "Crews cleared debris.", "What Comes Next for Shipping [h]",
                  "Insurers expect claims to rise.", "Key points: [h]",
                  "Cargo volumes fell sharply.", "Two terminals stay shut."));
}

TEST(SentenceSplitterTest, LongSentenceCaseLineWithoutPeriodIsNotAHeading) {
  EXPECT_THAT(Split("Intro line.\nThe board of the regional utility decided to "
                    "postpone its long planned expansion\nIt will meet again."),
              ElementsAre("Intro line.",
                          "The board of the regional utility decided to "
                          "postpone its long planned expansion",
                          "It will meet again."));
}

TEST(SentenceSplitterTest, BulletMarkersAreOutsideSentences) {
  const std::string text = "Notes\n- First item here.\n* Second item";
  const std::vector<TokenSpan> tokens = Tokenize(text);
  const std::vector<SentenceSpan> s = SplitSentences(text, tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "First item here.");
  EXPECT_EQ(text.substr(s[2].begin, s[2].end - s[2].begin), "Second item");
  EXPECT_EQ(s[1].token_begin, 2u);  // token 1 is the "-"
}

TEST(SentenceSplitterTest, TrailingZoneIsBoilerplate) {
  const std::string body =
      "The council approved the budget on Monday. It takes effect in March. "
      "Critics called it too small. Supporters disagreed strongly.\n\n";
  EXPECT_THAT(
      Split(body + "Related articles\n\nMayor Visits Harbor\nThe mayor toured "
                   "the harbor. She met workers."),
      ElementsAre("The council approved the budget on Monday.",
                  "It takes effect in March.", "Critics called it too small.",
                  "Supporters disagreed strongly.", "Related articles [b]",
                  "Mayor Visits Harbor [b]", "The mayor toured the harbor. [b]",
                  "She met workers. [b]"));
}

TEST(SentenceSplitterTest, NavigationEarlyInTheDocumentDoesNotStartTheZone) {
  EXPECT_THAT(Split("Related articles\nThe council met. It approved the plan "
                    "after a long debate about costs and schedules."),
              ElementsAre("Related articles [b]", "The council met.",
                          "It approved the plan after a long debate about "
                          "costs and schedules."));
}

TEST(SentenceSplitterTest, StrayPunctuationIsBoilerplate) {
  EXPECT_THAT(Split("Shares fell. \xE3\x80\x82 Bonds rose.\n\xE3\x80\x82\n"
                    "Gold was flat."),
              ElementsAre("Shares fell.", "\xE3\x80\x82 [b]", "Bonds rose.",
                          "\xE3\x80\x82 [b]", "Gold was flat."));
}

TEST(SentenceSplitterTest, CjkSentences) {
  // 市场下跌。投资者担忧。
  EXPECT_THAT(
      Split("\xE5\xB8\x82\xE5\x9C\xBA\xE4\xB8\x8B\xE8\xB7\x8C\xE3\x80\x82"
            "\xE6\x8A\x95\xE8\xB5\x84\xE8\x80\x85\xE6\x8B\x85\xE5\xBF\xA7"
            "\xE3\x80\x82"),
      ElementsAre(
          "\xE5\xB8\x82\xE5\x9C\xBA\xE4\xB8\x8B\xE8\xB7\x8C\xE3\x80\x82",
          "\xE6\x8A\x95\xE8\xB5\x84\xE8\x80\x85\xE6\x8B\x85\xE5\xBF\xA7"
          "\xE3\x80\x82"));
}

// Sentences are ordered, trimmed, on token edges, and cover every token
// except bullet markers.
void ExpectSound(absl::string_view text) {
  const std::vector<TokenSpan> tokens = Tokenize(text);
  const std::vector<SentenceSpan> sentences = SplitSentences(text, tokens);
  std::vector<int> covered(tokens.size(), 0);
  uint32_t last_begin = 0;
  for (const SentenceSpan& s : sentences) {
    ASSERT_LT(s.token_begin, s.token_end);
    ASSERT_LE(s.token_end, tokens.size());
    ASSERT_EQ(s.begin, tokens[s.token_begin].begin);
    ASSERT_EQ(s.end, tokens[s.token_end - 1].end);
    ASSERT_GE(s.begin, last_begin);
    last_begin = s.begin;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) ++covered[t];
  }
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (covered[t] == 0) {
      const absl::string_view tok =
          text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
      // Only bullet markers at a line start may be left out.
      EXPECT_TRUE(tok == "-" || tok == "*" || tok == "\xE2\x80\xA2" ||
                  tok == "\xE2\x80\x93" || tok == "\xE2\x80\x94" ||
                  tok == "\xC2\xB7" || tok == "\xE2\x96\xAA" ||
                  tok == "\xE2\x96\xBA")
          << "token " << t << " '" << tok << "' uncovered in: " << text;
      const bool first_on_line =
          t == 0 || text.substr(tokens[t - 1].end,
                                tokens[t].begin - tokens[t - 1].end)
                            .find('\n') != absl::string_view::npos;
      EXPECT_TRUE(first_on_line) << "token " << t << " in: " << text;
    }
  }
}

TEST(SentenceSplitterTest, PropertyCoverageOverVariedInputs) {
  const std::vector<std::string> pieces = {
      "Word", "word", " ", "\n", "\n\n", ".", "?", "U.S.", "U.S", "Mr.",
      "Advertisements", "- ", "\xE2\x80\x9D", "\xE2\x80\x9C", "\"", "The",
      "fellThe", "Source link", "\xE3\x80\x82", "3.5", "$", "Read more",
      "x.com", "\xF0\x9F\x91\x8D", "(", ")", "...", "newsbot"};
  uint32_t state = 777;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = 1 + round % 20;
    for (int k = 0; k < n; ++k) {
      state = state * 1664525u + 1013904223u;
      text += pieces[(state >> 9) % pieces.size()];
    }
    ExpectSound(text);
    if (HasFailure()) return;
  }
}

TEST(SentenceSplitterTest, LongInputsStayLinear) {
  std::string line;
  while (line.size() < 5'000'000) {
    line += "Prices fellThe U.S. market ended lower \xE2\x80\x94 a drop. ";
  }
  const std::vector<TokenSpan> tokens = Tokenize(line);
  const std::vector<SentenceSpan> s = SplitSentences(line, tokens);
  EXPECT_GT(s.size(), 100'000u);
  std::string lines;
  while (lines.size() < 2'000'000) lines += "Advertisements\n\nword\n";
  ExpectSound(lines);
}

}  // namespace
}  // namespace loupe
