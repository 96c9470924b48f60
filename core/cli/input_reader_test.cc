#include "core/cli/input_reader.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

std::string Write(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

struct Collected {
  std::vector<v1::Document> docs;
  std::vector<std::string> errors;
};

Collected Read(const std::vector<std::string>& paths, ReadOptions options = {}) {
  Collected c;
  ReadDocuments(
      paths, options, [&](v1::Document d) { c.docs.push_back(std::move(d)); },
      [&](const absl::Status& s) { c.errors.push_back(std::string(s.message())); });
  return c;
}

TEST(ReadDocumentsTest, ReadsFilesInGivenOrder) {
  const std::string a = Write("r/a.txt", "alpha");
  const std::string b = Write("r/b.txt", "beta\n");
  const Collected c = Read({b, a});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id(), b);
  EXPECT_EQ(c.docs[0].text(), "beta\n");
  EXPECT_EQ(c.docs[1].text(), "alpha");
  EXPECT_TRUE(c.errors.empty());
}

TEST(ReadDocumentsTest, LinesKeepByteOffsetsOfTheFileInErrors) {
  const std::string path = Write("r/lines.txt", "one\r\ntwo \xF0\x9F\n\nfour");
  const Collected c = Read({path}, ReadOptions{/*lines=*/true, /*repair=*/false});
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].text(), "one");
  EXPECT_EQ(c.docs[1].id(), path + ":3");
  EXPECT_EQ(c.docs[2].text(), "four");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_THAT(c.errors[0], HasSubstr(path + ":2: invalid UTF-8 at byte offset 9"));
}

TEST(ReadDocumentsTest, MissingPathsAndEmptyFoldersAreErrors) {
  const std::string empty_dir = ::testing::TempDir() + "r/empty_dir";
  std::filesystem::create_directories(empty_dir);
  const std::string ok = Write("r/ok.txt", "fine");
  const Collected c = Read({"/no/such/file.txt", empty_dir, ok});
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_THAT(c.errors[0], HasSubstr("/no/such/file.txt"));
  EXPECT_THAT(c.errors[1], HasSubstr("folder contains no .txt files"));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id(), ok);
}

TEST(CheckTextTest, ReportsTheEarlierOfNulAndBadUtf8) {
  v1::Document doc;
  std::string text("a\0b\xFF", 4);
  absl::Status status = CheckText("f", 100, false, &text, &doc);
  EXPECT_THAT(status.message(), HasSubstr("f: NUL byte at byte offset 101"));
  text = std::string("a\xFF\0", 3);
  status = CheckText("f", 0, false, &text, &doc);
  EXPECT_THAT(status.message(), HasSubstr("f: invalid UTF-8 at byte offset 1"));
}

TEST(CheckTextTest, RepairCapsTheNumberOfDiagnostics) {
  v1::Document doc;
  std::string text(500, '\xFF');
  ASSERT_TRUE(CheckText("f", 0, true, &text, &doc).ok());
  EXPECT_EQ(text.size(), 1500u);
  EXPECT_EQ(doc.diagnostics_size(), 101);
  EXPECT_THAT(doc.diagnostics(100).message(), HasSubstr("and 400 more"));
}

}  // namespace
}  // namespace loupe
