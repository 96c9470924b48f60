#include "core/cli/pipeline_config_reader.h"

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.pb.h"
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

namespace loupe {
namespace {

// A plugin whose options type this binary does not link: only its
// descriptor, as a loaded library's spec carries it.
PluginRegistration PluginWithForeignOptions() {
  google::protobuf::FileDescriptorProto file;
  file.set_name("elsewhere/foreign_options.proto");
  file.set_package("elsewhere");
  file.set_syntax("proto3");
  google::protobuf::DescriptorProto* message = file.add_message_type();
  message->set_name("ForeignOptions");
  google::protobuf::FieldDescriptorProto* field = message->add_field();
  field->set_name("limit");
  field->set_number(1);
  field->set_type(google::protobuf::FieldDescriptorProto::TYPE_INT32);
  field->set_label(google::protobuf::FieldDescriptorProto::LABEL_OPTIONAL);
  google::protobuf::FileDescriptorSet set;
  *set.add_file() = file;

  PluginRegistration r;
  r.spec.set_id("foreign");
  r.spec.set_version("1.0.0");
  r.spec.set_kind(v1::PluginSpec::OTHER);
  r.spec.set_options_type("elsewhere.ForeignOptions");
  r.spec.set_options_descriptors(set.SerializeAsString());
  return r;
}

TEST(ParsePipelineConfigTest, ReadsOptionsOfTypesKnownOnlyByDescriptor) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.Register(PluginWithForeignOptions()).ok());
  ASSERT_NE(registry.FindOptionsType("elsewhere.ForeignOptions"), nullptr);
  auto config = ParsePipelineConfig(R"pb(
    plugin {
      id: "foreign"
      options { [type.googleapis.com/elsewhere.ForeignOptions] { limit: 7 } }
    })pb",
                                    "p.pbtxt", registry);
  ASSERT_TRUE(config.ok()) << config.status();
  const google::protobuf::Any& options = config->plugin(0).options();
  EXPECT_EQ(options.type_url(), "type.googleapis.com/elsewhere.ForeignOptions");
  EXPECT_EQ(options.value(), std::string("\x08\x07", 2));  // field 1 = 7

  // Without the plugin the type is unknown and the error says where.
  auto unknown = ParsePipelineConfig(R"pb(
    plugin {
      id: "foreign"
      options { [type.googleapis.com/elsewhere.ForeignOptions] { limit: 7 } }
    })pb",
                                     "p.pbtxt", PluginRegistry());
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("p.pbtxt:4:"));
}

TEST(PluginRegistryTest, RejectsUnreadableOptionsDescriptors) {
  PluginRegistration r = PluginWithForeignOptions();
  r.spec.set_options_descriptors("\xFF\xFF");
  PluginRegistry registry;
  const absl::Status status = registry.Register(r);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("options_descriptors"));
}

}  // namespace
}  // namespace loupe
