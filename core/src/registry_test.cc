#include "loupe/registry.h"

#include "gmock/gmock.h"
#include "google/protobuf/empty.pb.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

v1::PluginSpec MakeSpec(const std::string& id) {
  v1::PluginSpec spec;
  spec.set_id(id);
  spec.set_version("1.0.0");
  spec.set_kind(v1::PluginSpec::OTHER);
  spec.add_assigns_fields("entities");
  return spec;
}

PluginRegistration MakeRegistration(const std::string& id) {
  PluginRegistration r;
  r.spec = MakeSpec(id);
  r.create = [](const google::protobuf::Any&)
      -> absl::StatusOr<std::unique_ptr<Plugin>> {
    return absl::UnimplementedError("not needed");
  };
  return r;
}

TEST(ValidateSpecTest, AcceptsAGoodSpec) {
  EXPECT_TRUE(ValidateSpec(MakeSpec("good_id2")).ok());
}

TEST(ValidateSpecTest, RejectsBadIds) {
  for (const char* id : {"", "Upper", "9start", "has-dash", "sp ace"}) {
    const absl::Status status = ValidateSpec(MakeSpec(id));
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << id;
  }
}

TEST(ValidateSpecTest, RejectsMissingVersionKindAndUnknownFields) {
  v1::PluginSpec spec = MakeSpec("x");
  spec.clear_version();
  EXPECT_THAT(ValidateSpec(spec).message(), HasSubstr("no version"));
  spec = MakeSpec("x");
  spec.clear_kind();
  EXPECT_THAT(ValidateSpec(spec).message(), HasSubstr("kind"));
  spec = MakeSpec("x");
  spec.add_requires_fields("paragraphs");
  EXPECT_THAT(ValidateSpec(spec).message(),
              HasSubstr("unknown field 'paragraphs' in requires_fields"));
}

TEST(PluginRegistryTest, RegistersFindsAndListsInOrder) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.Register(MakeRegistration("b")).ok());
  ASSERT_TRUE(registry.Register(MakeRegistration("a")).ok());
  ASSERT_NE(registry.Find("a"), nullptr);
  EXPECT_EQ(registry.Find("a")->spec.id(), "a");
  EXPECT_EQ(registry.Find("c"), nullptr);
  const auto list = registry.List();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]->spec.id(), "b");
  EXPECT_EQ(list[1]->spec.id(), "a");
}

TEST(PluginRegistryTest, RejectsDuplicateIds) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.Register(MakeRegistration("dup")).ok());
  const absl::Status status = registry.Register(MakeRegistration("dup"));
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(status.message(), HasSubstr("'dup'"));
}

TEST(PluginRegistryTest, PointersStayValidAsPluginsAreAdded) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.Register(MakeRegistration("first")).ok());
  const PluginRegistration* first = registry.Find("first");
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(registry.Register(MakeRegistration("p" + std::to_string(i))).ok());
  }
  EXPECT_EQ(registry.Find("first"), first);
  EXPECT_EQ(first->spec.id(), "first");
}

TEST(UnpackOptionsTest, EmptyAnyGivesDefaultsAndWrongTypeIsAnError) {
  google::protobuf::Any any;
  EXPECT_TRUE(UnpackOptions<google::protobuf::Empty>(any, "p").ok());
  any.PackFrom(MakeSpec("x"));
  const auto options = UnpackOptions<google::protobuf::Empty>(any, "p");
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr("plugin 'p'"));
  EXPECT_THAT(options.status().message(), HasSubstr("google.protobuf.Empty"));
}

}  // namespace
}  // namespace loupe
