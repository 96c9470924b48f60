#include "core/cli/pipeline_config_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

TEST(ParsePipelineConfigTest, ParsesPluginsInOrder) {
  auto config = ParsePipelineConfig(R"pb(
    # comment
    plugin { id: "segmenter" }
    plugin { id: "numbers" }
  )pb", "p.pbtxt", PluginRegistry());
  ASSERT_TRUE(config.ok()) << config.status();
  ASSERT_EQ(config->plugin_size(), 2);
  EXPECT_EQ(config->plugin(1).id(), "numbers");
}

TEST(ParsePipelineConfigTest, ErrorsNameFileLineAndColumn) {
  auto config = ParsePipelineConfig("plugin { id: \"a\" }\nplugin { name: \"b\" }\n",
                                    "p.pbtxt", PluginRegistry());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("p.pbtxt:2:"));
  EXPECT_THAT(config.status().message(), HasSubstr("\"name\""));
}

TEST(ParsePipelineConfigTest, EmptyPipelineIsAnError) {
  auto config = ParsePipelineConfig("# nothing\n", "p.pbtxt", PluginRegistry());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("names no plugin"));
}

TEST(ReadPipelineConfigTest, MissingFile) {
  auto config = ReadPipelineConfig("/no/such/pipeline.pbtxt", PluginRegistry());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("/no/such/pipeline.pbtxt"));
}

}  // namespace
}  // namespace loupe
