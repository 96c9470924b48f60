#include "core/src/boilerplate.h"

#include <string>

#include "gtest/gtest.h"

namespace loupe {
namespace {

TEST(BoilerplateTest, DebrisLines) {
  for (const char* line :
       {"Advertisements", "ADVERTISEMENT", "  Advertisement  ", "Share post:",
        "Date:", "After the newsletter promotion", "Read more",
        "Sign up for our daily briefing", "Subscribe now!", "***",
        "\xE3\x80\x82", "\xE2\x80\x94"}) {
    EXPECT_EQ(ClassifyBoilerplateLine(line), BoilerplateLine::kDebris) << line;
  }
}

TEST(BoilerplateTest, NavigationLines) {
  for (const char* line :
       {"Source link", "Recent posts", "Related articles", "Related Posts",
        "You may also like", "Leave a Reply", "More stories:"}) {
    EXPECT_EQ(ClassifyBoilerplateLine(line), BoilerplateLine::kNavigation)
        << line;
  }
}

TEST(BoilerplateTest, ArticleLinesAreNotBoilerplate) {
  for (const char* line :
       {"", "Subscribers to the service grew by a third.",
        "Advertisement revenue fell 4% in the quarter.",
        "The date of the vote is not set.", "Related companies also fell.",
        "Signups rose", "Highlights:", "Tech Giants Report Earnings"}) {
    EXPECT_EQ(ClassifyBoilerplateLine(line), BoilerplateLine::kNone) << line;
  }
}

TEST(BoilerplateTest, LongLinesAreNeverBoilerplate) {
  EXPECT_EQ(ClassifyBoilerplateLine("Sign up " + std::string(200, 'x')),
            BoilerplateLine::kNone);
  EXPECT_EQ(ClassifyBoilerplateLine(std::string(300, '-')),
            BoilerplateLine::kNone);
}

}  // namespace
}  // namespace loupe
