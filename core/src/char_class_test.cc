#include "core/src/char_class.h"

#include "gtest/gtest.h"

namespace loupe {
namespace {

TEST(CharClassTest, Ascii) {
  EXPECT_EQ(ClassOf('a'), CharClass::kLetter);
  EXPECT_EQ(ClassOf('7'), CharClass::kDigit);
  EXPECT_EQ(ClassOf(' '), CharClass::kSpace);
  EXPECT_EQ(ClassOf('.'), CharClass::kPunctuation);
  EXPECT_EQ(ClassOf('$'), CharClass::kSymbol);
  EXPECT_EQ(ClassOf('%'), CharClass::kSymbol);
}

TEST(CharClassTest, Unicode) {
  EXPECT_EQ(ClassOf(0xA0), CharClass::kSpace);
  EXPECT_EQ(ClassOf(0x3000), CharClass::kSpace);
  EXPECT_EQ(ClassOf(0x2019), CharClass::kPunctuation);
  EXPECT_EQ(ClassOf(0x2014), CharClass::kPunctuation);
  EXPECT_EQ(ClassOf(0x20AC), CharClass::kSymbol);
  EXPECT_EQ(ClassOf(0x0301), CharClass::kMark);
  EXPECT_EQ(ClassOf(0x4E2D), CharClass::kIdeograph);
  EXPECT_EQ(ClassOf(0x3002), CharClass::kPunctuation);
  EXPECT_EQ(ClassOf(0x1F600), CharClass::kSymbol);
  EXPECT_EQ(ClassOf(0x0416), CharClass::kLetter);
  EXPECT_EQ(ClassOf(0xE9), CharClass::kLetter);
}

TEST(CharClassTest, Case) {
  EXPECT_TRUE(IsUpper('Q'));
  EXPECT_TRUE(IsLower('q'));
  EXPECT_TRUE(IsUpper(0xC9));   // É
  EXPECT_TRUE(IsLower(0xE9));   // é
  EXPECT_TRUE(IsUpper(0x0141));  // Ł
  EXPECT_TRUE(IsLower(0x0142));  // ł
  EXPECT_TRUE(IsUpper(0x0416));  // Ж
  EXPECT_TRUE(IsLower(0x0436));  // ж
  EXPECT_FALSE(IsUpper(0x4E2D));
  EXPECT_FALSE(IsLower(0x4E2D));
}

TEST(CharClassTest, DecodingIsSafeOnBadBytes) {
  const CharInfo bad = CharAt("\xE2\x82", 0);  // truncated
  EXPECT_EQ(bad.cp, 0xFFFDu);
  EXPECT_EQ(bad.length, 1);
  const CharInfo euro = CharAt("\xE2\x82\xAC", 0);
  EXPECT_EQ(euro.cp, 0x20ACu);
  EXPECT_EQ(euro.length, 3);
  EXPECT_EQ(CharAt("\xED\xA0\x80", 0).cp, 0xFFFDu);  // surrogate
}

}  // namespace
}  // namespace loupe
