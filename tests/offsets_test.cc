// Byte and UTF-16 offsets agree for every span the built-in pipeline makes,
// on text with emoji, CJK, combining marks and other scripts.
#include <string>

#include "core/src/utf8.h"
#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

std::u16string ToUtf16(const std::string& text) {
  std::u16string out;
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = DecodeUtf8(text, &pos);
    if (c >= 0x10000) {
      c -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

TEST(OffsetsTest, BytesAndUtf16SliceTheSameText) {
  const std::string text =
      "\xF0\x9F\x93\x88 Markets: Nvidia\xE2\x80\x99s shares fell 17 % (\xE4\xB8\x8B\xE8\xB7\x8C) "
      "as DeepSeek rose.\n\nZo\xC3\xAB Garc\xC3\xAD" "a and Jose\xCC\x81 said \xE2\x80\x9C" "great\xE2\x80\x9D "
      "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD. Price: \xE2\x82\xAC" "13.1 mn; \xC2\xA5" "500; "
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 2022, \xF0\x9D\x94\xB8 1,500 units.";
  auto doc = AnalyzeWithBuiltins(text);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const std::u16string utf16 = ToUtf16(text);
  int spans = 0;
  const auto check = [&](const v1::TextSpan& span) {
    ++spans;
    ASSERT_LE(span.utf16_end(), utf16.size());
    EXPECT_EQ(ToUtf16(text.substr(span.byte_begin(), span.byte_end() - span.byte_begin())),
              utf16.substr(span.utf16_begin(), span.utf16_end() - span.utf16_begin()));
  };
  for (const auto& t : doc->tokens()) check(t.span());
  for (const auto& s : doc->sentences()) check(s.span());
  for (const auto& e : doc->entities()) check(e.span());
  for (const auto& n : doc->numbers()) check(n.span());
  EXPECT_GT(doc->tokens_size(), 20);
  EXPECT_GT(doc->numbers_size(), 0);
  EXPECT_GT(spans, 30);
}

}  // namespace
}  // namespace loupe
