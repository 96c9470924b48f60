#include "core/src/utf8.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;

// UTF-16 length as JavaScript's String.length would report it.
size_t Utf16Length(absl::string_view text) {
  size_t units = 0;
  for (size_t pos = 0; pos < text.size();) {
    units += DecodeUtf8(text, &pos) >= 0x10000 ? 2 : 1;
  }
  return units;
}

TEST(FindInvalidUtf8Test, AcceptsWellFormedText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII text, long enough for words"),
            std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80"),
            std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
}

TEST(FindInvalidUtf8Test, ReportsTheFirstBadByte) {
  EXPECT_THAT(FindInvalidUtf8("abc\xFF"), Optional(3u));
  EXPECT_THAT(FindInvalidUtf8("0123456789abcdef\x80"), Optional(16u));
  EXPECT_THAT(FindInvalidUtf8("\xC0\xAF"), Optional(0u));          // overlong
  EXPECT_THAT(FindInvalidUtf8("ab\xE0\x80\xAF"), Optional(2u));    // overlong
  EXPECT_THAT(FindInvalidUtf8("a\xED\xA0\x80"), Optional(1u));     // surrogate
  EXPECT_THAT(FindInvalidUtf8("\xF4\x90\x80\x80"), Optional(0u));  // > U+10FFFF
  EXPECT_THAT(FindInvalidUtf8("ok \xE4\xB8"), Optional(3u));       // truncated
  EXPECT_THAT(FindInvalidUtf8("\xF5\x80\x80\x80"), Optional(0u));
}

TEST(FindNulTest, FindsNul) {
  EXPECT_EQ(FindNul("no nul"), std::nullopt);
  EXPECT_THAT(FindNul(std::string("ab\0c", 4)), Optional(2u));
}

TEST(RepairUtf8Test, ReplacesMaximalSubpartsAndNul) {
  std::vector<Utf8Repair> repairs;
  const std::string repaired =
      RepairUtf8(std::string("a\xE4\xB8" "b\0c\xFF\xFE", 8), &repairs);
  EXPECT_EQ(repaired, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_EQ(repairs.size(), 4u);
  EXPECT_EQ(repairs[0].input_offset, 1u);
  EXPECT_EQ(repairs[0].input_length, 2u);  // E4 B8 is one maximal subpart
  EXPECT_EQ(repairs[0].output_offset, 1u);
  EXPECT_EQ(repairs[1].input_offset, 4u);  // the NUL
  EXPECT_EQ(repairs[1].output_offset, 5u);
  EXPECT_EQ(repairs[2].input_offset, 6u);
  EXPECT_EQ(repairs[3].input_offset, 7u);
  EXPECT_EQ(FindInvalidUtf8(repaired), std::nullopt);
}

TEST(RepairUtf8Test, LeavesValidTextAlone) {
  std::vector<Utf8Repair> repairs;
  EXPECT_EQ(RepairUtf8("h\xC3\xA9llo", &repairs), "h\xC3\xA9llo");
  EXPECT_TRUE(repairs.empty());
}

TEST(DecodeUtf8Test, RoundTripsThroughAppend) {
  for (char32_t c : {U'a', U'\u00E9', U'\u4E2D', U'\U0001F600', U'\U0010FFFF'}) {
    std::string encoded;
    AppendUtf8(c, &encoded);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(encoded, &pos), c);
    EXPECT_EQ(pos, encoded.size());
  }
}

TEST(Utf16IndexTest, AgreesWithDecodingAtEveryBoundary) {
  // Emoji (surrogate pairs), CJK, combining marks, repeated past several
  // checkpoints.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "e\xCC\x81 \xF0\x9F\x98\x80\xE4\xB8\xAD x";
  }
  const Utf16Index index(text);
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    if (!IsCharBoundary(text, offset)) continue;
    ASSERT_EQ(index.Utf16Offset(offset), Utf16Length(text.substr(0, offset)))
        << "at byte " << offset;
  }
}

TEST(IsCharBoundaryTest, Basics) {
  const std::string text = "a\xC3\xA9";
  EXPECT_TRUE(IsCharBoundary(text, 0));
  EXPECT_TRUE(IsCharBoundary(text, 1));
  EXPECT_FALSE(IsCharBoundary(text, 2));
  EXPECT_TRUE(IsCharBoundary(text, 3));
  EXPECT_FALSE(IsCharBoundary(text, 4));
}

}  // namespace
}  // namespace loupe
