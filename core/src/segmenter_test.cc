#include "core/src/segmenter.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace loupe {
namespace {

v1::Annotations Segment(absl::string_view text) {
  absl::StatusOr<std::unique_ptr<Plugin>> plugin =
      Segmenter::Create(Segmenter::Options());
  EXPECT_TRUE(plugin.ok());
  v1::Document doc;
  doc.set_text(std::string(text));
  v1::Annotations out;
  EXPECT_TRUE((*plugin)->Process(doc, &out).ok());
  return out;
}

// Spans are in range, tokens ordered, sentences on token edges.
void ExpectSoundSpans(absl::string_view text, const v1::Annotations& a) {
  uint32_t last = 0;
  for (const v1::Token& t : a.tokens()) {
    ASSERT_LT(t.span().byte_begin(), t.span().byte_end());
    ASSERT_LE(t.span().byte_end(), text.size());
    ASSERT_GE(t.span().byte_begin(), last);
    last = t.span().byte_end();
    ASSERT_NE(t.kind(), v1::Token::KIND_UNSPECIFIED);
  }
  for (const v1::Sentence& s : a.sentences()) {
    ASSERT_LT(s.token_begin(), s.token_end());
    ASSERT_LE(s.token_end(), static_cast<uint32_t>(a.tokens_size()));
    EXPECT_EQ(s.span().byte_begin(),
              a.tokens(s.token_begin()).span().byte_begin());
    EXPECT_EQ(s.span().byte_end(),
              a.tokens(s.token_end() - 1).span().byte_end());
  }
}

TEST(SegmenterTest, SpecAssignsTokensAndSentences) {
  const v1::PluginSpec spec = Segmenter::Spec();
  EXPECT_EQ(spec.id(), "segmenter");
  ASSERT_EQ(spec.assigns_fields_size(), 2);
}

TEST(SegmenterTest, ProducesTokensAndSentences) {
  const std::string text =
      "Harbor Traffic Recovers\n\nShips returned.Crews cleared the "
      "docks\n\nAdvertisement\n\nby noon on Friday. Costs hit $2.5B.";
  const v1::Annotations a = Segment(text);
  ExpectSoundSpans(text, a);
  ASSERT_EQ(a.sentences_size(), 5);
  EXPECT_TRUE(a.sentences(0).heading());
  EXPECT_TRUE(a.sentences(3).boilerplate());
  const v1::Sentence& outer = a.sentences(2);
  EXPECT_EQ(text.substr(outer.span().byte_begin(),
                        outer.span().byte_end() - outer.span().byte_begin()),
            "Crews cleared the docks\n\nAdvertisement\n\nby noon on Friday.");
}

TEST(SegmenterTest, EmptyDocument) {
  const v1::Annotations a = Segment("");
  EXPECT_EQ(a.tokens_size(), 0);
  EXPECT_EQ(a.sentences_size(), 0);
}

TEST(SegmenterTest, SeedArticlesHaveSoundSpans) {
  const std::string dir = LOUPE_CORPUS_DIR;
  std::ifstream probe(dir + "/seeds/000_bdd461e2009aed58.txt");
  if (dir.empty() || !probe) GTEST_SKIP() << "seed corpus not found: " << dir;
  for (const char* name :
       {"000_bdd461e2009aed58", "001_4c40ea67c71bcb68", "002_5468c6351ab6d391",
        "003_a70fe656c6e05d8f", "004_c139c3a5682bde10"}) {
    std::ifstream in(dir + "/seeds/" + name + ".txt");
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const v1::Annotations a = Segment(text);
    ExpectSoundSpans(text, a);
    EXPECT_GT(a.sentences_size(), 10) << name;
  }
}

}  // namespace
}  // namespace loupe
