#include "core/cli/document_writer.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

v1::Document SampleDocument() {
  v1::Document doc;
  doc.set_id("doc.txt");
  doc.set_text("Acme rose 5%.");
  v1::Entity* e = doc.add_entities();
  e->mutable_span()->set_byte_end(4);
  e->set_text("Acme");
  e->set_canonical("Acme Corp");
  e->set_type(v1::Entity::ORG);
  v1::Number* n = doc.add_numbers();
  n->mutable_span()->set_byte_begin(10);
  n->mutable_span()->set_byte_end(12);
  n->set_text("5%");
  n->set_kind(v1::Number::PERCENT);
  n->set_value(5);
  n->set_unit("%");
  doc.mutable_sentiment()->set_label(v1::Sentiment::POSITIVE);
  doc.mutable_sentiment()->set_score(0.4f);
  return doc;
}

TEST(DocumentWriterTest, JsonlIsOneCompactLineWithExplicitZeros) {
  std::ostringstream out;
  DocumentWriter writer(OutputFormat::kJsonl, &out);
  ASSERT_TRUE(writer.Write(SampleDocument()).ok());
  ASSERT_TRUE(writer.Write(SampleDocument()).ok());
  const std::string s = out.str();
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 2);
  EXPECT_THAT(s, HasSubstr("\"byteBegin\":0"));
  EXPECT_THAT(s, HasSubstr("\"type\":\"ORG\""));
  EXPECT_THAT(s, HasSubstr("\"label\":\"POSITIVE\""));
}

TEST(DocumentWriterTest, TableSummarizesForPeople) {
  std::ostringstream out;
  DocumentWriter writer(OutputFormat::kTable, &out);
  ASSERT_TRUE(writer.Write(SampleDocument()).ok());
  const std::string s = out.str();
  EXPECT_THAT(s, HasSubstr("== doc.txt"));
  EXPECT_THAT(s, HasSubstr("Acme Corp"));
  EXPECT_THAT(s, HasSubstr("as: Acme"));
  EXPECT_THAT(s, HasSubstr("PERCENT"));
  EXPECT_THAT(s, HasSubstr("POSITIVE +0.40"));
}

TEST(ParseOutputFormatTest, KnownAndUnknown) {
  EXPECT_EQ(ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(ParseOutputFormat("binary"), OutputFormat::kBinary);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
}

}  // namespace
}  // namespace loupe
