// The loupe CLI end to end: real inputs, bad inputs, formats, plugins.
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/src/utf8.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "gtest/gtest.h"
#include "tests/cli_runner.h"

namespace loupe {
namespace {

using ::loupe::testing::ParseJsonl;
using ::loupe::testing::RunLoupe;
using ::loupe::testing::WriteTempFile;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSample = LOUPE_SOURCE_DIR "/tests/data/sample.txt";
const std::string kLib = LOUPE_BINARY_DIR "/lib/";

// The text's UTF-16 code units [begin, end), back in UTF-8.
std::string SliceUtf16(const std::string& text, uint32_t begin, uint32_t end) {
  std::string out;
  uint32_t unit = 0;
  for (size_t pos = 0; pos < text.size() && unit < end;) {
    const char32_t c = DecodeUtf8(text, &pos);
    if (unit >= begin) AppendUtf8(c, &out);
    unit += c >= 0x10000 ? 2 : 1;
  }
  return out;
}

// Every span's bytes and UTF-16 units cut out the same text.
void ExpectOffsetsAgree(const v1::Document& doc) {
  const auto check = [&](const v1::TextSpan& span, const char* what) {
    ASSERT_LE(span.byte_end(), doc.text().size()) << what;
    const std::string by_bytes = doc.text().substr(
        span.byte_begin(), span.byte_end() - span.byte_begin());
    EXPECT_EQ(by_bytes, SliceUtf16(doc.text(), span.utf16_begin(), span.utf16_end()))
        << doc.id() << " " << what << " [" << span.byte_begin() << ", "
        << span.byte_end() << ")";
  };
  for (const auto& t : doc.tokens()) check(t.span(), "token");
  for (const auto& s : doc.sentences()) check(s.span(), "sentence");
  for (const auto& e : doc.entities()) {
    check(e.span(), "entity");
    EXPECT_EQ(e.text(), doc.text().substr(e.span().byte_begin(),
                                          e.span().byte_end() - e.span().byte_begin()));
  }
  for (const auto& n : doc.numbers()) check(n.span(), "number");
}

// A document with every kind of annotation, as `analyze` promises.
void ExpectFullyAnnotated(const v1::Document& doc) {
  EXPECT_GT(doc.tokens_size(), 0) << doc.id();
  EXPECT_GT(doc.sentences_size(), 0) << doc.id();
  EXPECT_GT(doc.entities_size(), 0) << doc.id();
  EXPECT_TRUE(doc.has_sentiment()) << doc.id();
  EXPECT_NE(doc.sentiment().label(), v1::Sentiment::LABEL_UNSPECIFIED) << doc.id();
  EXPECT_GT(doc.entity_sentiments_size(), 0) << doc.id();
  ASSERT_EQ(doc.runs_size(), 4) << doc.id();
  EXPECT_EQ(doc.runs(0).plugin(), "segmenter");
  EXPECT_EQ(doc.runs(3).plugin(), "sentiment");
  for (const auto& r : doc.runs()) EXPECT_FALSE(r.version().empty());
  ExpectOffsetsAgree(doc);
}

TEST(CliTest, SeedArticlesGiveFiveFullDocuments) {
  const std::string seeds = LOUPE_CORPUS_DIR "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << seeds << " not found";
  const auto result = RunLoupe({"analyze", seeds, "--format", "jsonl"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 5u);
  for (size_t i = 1; i < docs.size(); ++i) EXPECT_LT(docs[i - 1].id(), docs[i].id());
  int numbers = 0;
  for (const auto& doc : docs) {
    ExpectFullyAnnotated(doc);
    numbers += doc.numbers_size();
  }
  EXPECT_GT(numbers, 20);
}

TEST(CliTest, BundledSampleIsFullyAnnotated) {
  const auto result = RunLoupe({"analyze", "--format=jsonl", kSample});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id(), kSample);
  ExpectFullyAnnotated(docs[0]);
  EXPECT_GT(docs[0].numbers_size(), 5);
}

TEST(CliTest, OffsetsAgreeForEmojiCjkAndCombiningMarks) {
  const std::string text =
      "Caf\xC3\xA9 owner Jose\xCC\x81 Garci\xCC\x81" "a said \xF0\x9F\x9A\x80 "
      "Tencent (\xE8\x85\xBE\xE8\xAE\xAF) rose 5% to $12.5 billion. "
      "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Nvidia fell 17 % on Monday.\n";
  const auto result = RunLoupe({"analyze", "--format", "jsonl"}, text);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id(), "-");
  EXPECT_EQ(docs[0].text(), text);
  EXPECT_GT(docs[0].numbers_size(), 0);
  ExpectOffsetsAgree(docs[0]);
}

TEST(CliTest, MissingFileIsReportedAndOthersStillRun) {
  const auto result = RunLoupe({"analyze", "--format", "jsonl",
                                "/nonexistent/none.txt", kSample});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("/nonexistent/none.txt"));
  EXPECT_THAT(result.err, HasSubstr("No such file or directory"));
  EXPECT_EQ(ParseJsonl(result.out).size(), 1u);
}

TEST(CliTest, FolderWithoutTxtFilesIsAnError) {
  const std::string dir = ::testing::TempDir() + "no_txt_here";
  std::filesystem::create_directories(dir + "/sub");
  WriteTempFile("no_txt_here/notes.md", "not a txt file");
  const auto result = RunLoupe({"analyze", dir});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(dir + ": folder contains no .txt files"));
  EXPECT_EQ(result.out, "");
}

TEST(CliTest, FolderIsReadRecursivelyInSortedOrder) {
  const std::string dir = ::testing::TempDir() + "corpus_tree";
  std::filesystem::create_directories(dir + "/b");
  WriteTempFile("corpus_tree/b/one.txt", "One.");
  WriteTempFile("corpus_tree/a.txt", "Two.");
  WriteTempFile("corpus_tree/c.md", "skipped");
  const auto result = RunLoupe({"analyze", "--format", "jsonl", dir});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id(), dir + "/a.txt");
  EXPECT_EQ(docs[1].id(), dir + "/b/one.txt");
}

TEST(CliTest, InvalidUtf8NamesFileAndOffset) {
  const std::string path = WriteTempFile("bad.txt", "Good text\n\xE2\x82 broken");
  const auto result = RunLoupe({"analyze", path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(path + ": invalid UTF-8 at byte offset 10"));
  EXPECT_EQ(result.out, "");
}

TEST(CliTest, RepairReplacesBadBytesAndRecordsThem) {
  const std::string path = WriteTempFile("repair.txt", "Price \xFF$5.");
  const auto result = RunLoupe({"analyze", "--repair", "--format", "jsonl", path});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "Price \xEF\xBF\xBD$5.");
  ASSERT_GE(docs[0].diagnostics_size(), 1);
  const auto& d = docs[0].diagnostics(0);
  EXPECT_EQ(d.severity(), v1::Diagnostic::INFO);
  EXPECT_THAT(d.message(), HasSubstr("byte offset 6"));
  EXPECT_EQ(d.span().byte_begin(), 6u);
  EXPECT_EQ(d.span().utf16_begin(), 6u);
}

TEST(CliTest, NulByteIsRejectedWithOffset) {
  const std::string path =
      WriteTempFile("nul.txt", std::string("abc\0def", 7));
  const auto result = RunLoupe({"analyze", path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(path + ": NUL byte at byte offset 3"));
}

TEST(CliTest, BinaryFileIsRejected) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 256; ++i) png.push_back(static_cast<char>(i));
  const std::string path = WriteTempFile("image.txt", png);
  const auto result = RunLoupe({"analyze", path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(path + ": invalid UTF-8 at byte offset 0"));
}

TEST(CliTest, EmptyFileIsAnEmptyDocument) {
  const std::string path = WriteTempFile("empty.txt", "");
  const auto result = RunLoupe({"analyze", "--format", "jsonl", path});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "");
  EXPECT_EQ(docs[0].tokens_size(), 0);
  EXPECT_EQ(docs[0].runs_size(), 4);
}

TEST(CliTest, LinesModeGivesOneDocumentPerLine) {
  const auto result = RunLoupe({"analyze", "--lines", "--format", "jsonl"},
                               "Shares rose 5%.\r\n\nApple fell.\nlast line");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id(), "-:1");
  EXPECT_EQ(docs[0].text(), "Shares rose 5%.");
  EXPECT_EQ(docs[1].text(), "");
  EXPECT_EQ(docs[3].id(), "-:4");
  EXPECT_EQ(docs[3].text(), "last line");
}

TEST(CliTest, LinesModeReportsBadLineAndKeepsTheRest) {
  const auto result = RunLoupe({"analyze", "--lines", "--format", "jsonl"},
                               "fine\nbro\xC3ken\nalso fine\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("-:2: invalid UTF-8 at byte offset 8"));
  EXPECT_EQ(ParseJsonl(result.out).size(), 2u);
}

TEST(CliTest, OneFiftyMegabyteLine) {
  std::string line;
  line.reserve(50u << 20);
  const std::string chunk =
      "Acme shed almost $42 billion, or 12.5%, as Rivalco spooked traders; ";
  while (line.size() + chunk.size() <= (50u << 20)) line += chunk;
  const std::string path = WriteTempFile("long_line.txt", line);
  const auto result = RunLoupe({"analyze", "--lines", "--format", "table", path});
  std::remove(path.c_str());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr(absl::StrCat(line.size(), " bytes")));
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{}, {"frobnicate"}, {"analyze", "--bogus"},
        {"analyze", "--format", "xml"}, {"analyze", "--format"},
        {"plugins", "extra"}}) {
    const auto result = RunLoupe(args);
    EXPECT_EQ(result.exit_code, 2) << absl::StrJoin(args, " ");
    EXPECT_THAT(result.err, HasSubstr("loupe: ")) << absl::StrJoin(args, " ");
  }
}

TEST(CliTest, HelpAndVersion) {
  auto result = RunLoupe({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("loupe analyze"));
  result = RunLoupe({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("plugin ABI 1"));
}

TEST(CliTest, OutputFileAndOtherFormats) {
  const std::string out = ::testing::TempDir() + "out.jsonl";
  auto result = RunLoupe({"analyze", "--format", "jsonl", "-o", out, kSample});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(std::filesystem::file_size(out) > 0);

  result = RunLoupe({"analyze", "--format", "textproto", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  v1::Document from_text;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(result.out, &from_text));
  EXPECT_GT(from_text.tokens_size(), 0);

  result = RunLoupe({"analyze", "--format", "binary", kSample, kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  google::protobuf::io::ArrayInputStream stream(result.out.data(),
                                                static_cast<int>(result.out.size()));
  for (int i = 0; i < 2; ++i) {
    v1::Document doc;
    bool clean_eof = false;
    ASSERT_TRUE(google::protobuf::util::ParseDelimitedFromZeroCopyStream(
        &doc, &stream, &clean_eof));
    EXPECT_EQ(doc.id(), kSample);
  }

  result = RunLoupe({"analyze", "--format", "table", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("ENTITIES"));
  EXPECT_THAT(result.out, HasSubstr("NUMBERS"));
}

TEST(CliTest, PipelineFileChoosesThePlugins) {
  const std::string pipeline = WriteTempFile(
      "segment_only.pbtxt", "# tokens and sentences only\nplugin { id: \"segmenter\" }\n");
  auto result = RunLoupe({"analyze", "--pipeline", pipeline, "--format", "jsonl"},
                         "Hello world. Bye.");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].runs_size(), 1);
  EXPECT_EQ(docs[0].entities_size(), 0);

  const std::string broken = WriteTempFile("broken.pbtxt", "plugin {\n  idd: 1\n}\n");
  result = RunLoupe({"analyze", "--pipeline", broken}, "x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(broken + ":2:"));

  const std::string unordered = WriteTempFile(
      "unordered.pbtxt", "plugin { id: \"entities\" } plugin { id: \"segmenter\" }");
  result = RunLoupe({"analyze", "--pipeline", unordered}, "x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("requires"));
}

TEST(CliTest, ExternalPluginRunsWithProvenance) {
  const std::string lib = kLib + "libloupe_tickers.so";
  const auto result = RunLoupe({"analyze", "--plugin", lib, "--format", "jsonl"},
                               "Shares of Nvidia (NASDAQ:NVDA) fell.");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].runs_size(), 5);
  const v1::Run& run = docs[0].runs(4);
  EXPECT_EQ(run.plugin(), "tickers");
  EXPECT_EQ(run.source(), lib);
  int from_tickers = 0;
  for (const auto& e : docs[0].entities()) {
    if (e.run_id() == run.id()) {
      ++from_tickers;
      EXPECT_TRUE(e.text() == "NASDAQ" || e.text() == "NVDA") << e.text();
    }
  }
  EXPECT_EQ(from_tickers, 2);

  const auto listing = RunLoupe({"plugins", "--plugin", lib});
  EXPECT_EQ(listing.exit_code, 0);
  EXPECT_THAT(listing.out, HasSubstr("tickers 1.0.0"));
  EXPECT_THAT(listing.out, HasSubstr(lib + " (plugin ABI 1)"));
}

TEST(CliTest, FailingPluginKeepsOtherAnnotationsAndExitsOne) {
  const std::string lib = kLib + "libloupe_test_failing.so";
  const auto result = RunLoupe({"analyze", "--plugin", lib, "--lines", "--format", "jsonl"},
                               "Nvidia fell 17% and will fail\nApple rose 3%\n"
                               "Tesla will throw\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("plugin 'failing' failed: failed on purpose"));
  EXPECT_THAT(result.err, HasSubstr("thrown on purpose"));
  const auto docs = ParseJsonl(result.out);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_GT(docs[0].tokens_size(), 0);
  EXPECT_GT(docs[0].numbers_size(), 0);
  ASSERT_GE(docs[0].diagnostics_size(), 1);
  EXPECT_EQ(docs[0].diagnostics(docs[0].diagnostics_size() - 1).code(),
            "FAILED_PRECONDITION");
  EXPECT_EQ(docs[2].diagnostics(docs[2].diagnostics_size() - 1).code(), "INTERNAL");
  // The middle line went through every plugin.
  EXPECT_EQ(docs[1].diagnostics_size(), 0);
}

TEST(CliTest, PluginLoadFailureIsASetupError) {
  const auto result = RunLoupe({"analyze", "--plugin", "/nonexistent/libnope.so"}, "x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("cannot open plugin library '/nonexistent/libnope.so'"));
}

}  // namespace
}  // namespace loupe
