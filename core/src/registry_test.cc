#include "loupe/registry.h"

#include <memory>

#include "gmock/gmock.h"
#include "google/protobuf/empty.pb.h"
#include "gtest/gtest.h"
#include "loupe/plugin_export.h"

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

// A plugin behind the C ABI, as LOUPE_EXPORT_PLUGIN exports it: one entity
// over the whole text.
class WholeTextPlugin : public Plugin {
 public:
  using Options = google::protobuf::Empty;
  static v1::PluginSpec Spec() { return MakeSpec("whole_text"); }
  static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options&) {
    return std::make_unique<WholeTextPlugin>();
  }
  absl::Status Process(const v1::Document& doc,
                       v1::Annotations* out) override {
    if (doc.text().empty()) return absl::InvalidArgumentError("empty text");
    v1::Entity* entity = out->add_entities();
    entity->mutable_span()->set_byte_end(static_cast<uint32_t>(doc.text().size()));
    entity->set_canonical("whole");
    return absl::OkStatus();
  }
};

const LoupePluginApi* WholeTextApi() {
  return internal::PluginExporter<WholeTextPlugin>::Api();
}

TEST(PluginRegistryTest, RegistersALinkedPluginThroughTheCAbi) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.RegisterLinked(WholeTextApi(), "libwhole").ok());
  const PluginRegistration* r = registry.Find("whole_text");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->source, "linked:libwhole");
  EXPECT_EQ(r->abi_version, LOUPE_PLUGIN_ABI_VERSION);

  auto plugin = r->create(google::protobuf::Any());
  ASSERT_TRUE(plugin.ok()) << plugin.status();
  v1::Document doc;
  doc.set_text("abc");
  v1::Annotations out;
  ASSERT_TRUE((*plugin)->Process(doc, &out).ok());
  ASSERT_EQ(out.entities_size(), 1);
  EXPECT_EQ(out.entities(0).span().byte_end(), 3u);
  EXPECT_EQ(out.entities(0).canonical(), "whole");
  // The plugin's error crosses the ABI with its code and message.
  doc.clear_text();
  const absl::Status failed = (*plugin)->Process(doc, &out);
  EXPECT_EQ(failed.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(failed.message(), "empty text");
}

TEST(PluginRegistryTest, RejectsLinkedPluginsLikeLoadedOnes) {
  PluginRegistry registry;
  const absl::Status none = registry.RegisterLinked(nullptr, "libnone");
  EXPECT_EQ(none.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(none.message(), HasSubstr("linked plugin 'libnone'"));

  LoupePluginApi future = *WholeTextApi();
  future.abi_version = LOUPE_PLUGIN_ABI_VERSION + 1;
  const absl::Status wrong = registry.RegisterLinked(&future, "libfuture");
  EXPECT_EQ(wrong.code(), absl::StatusCode::kUnimplemented);
  EXPECT_THAT(wrong.message(),
              HasSubstr("linked plugin 'libfuture' has wrong ABI version: got " +
                        std::to_string(LOUPE_PLUGIN_ABI_VERSION + 1)));

  LoupePluginApi no_process = *WholeTextApi();
  no_process.process = nullptr;
  EXPECT_THAT(registry.RegisterLinked(&no_process, "libhalf").message(),
              HasSubstr("missing functions"));
  EXPECT_EQ(registry.Find("whole_text"), nullptr);

  ASSERT_TRUE(registry.RegisterLinked(WholeTextApi(), "liba").ok());
  EXPECT_EQ(registry.RegisterLinked(WholeTextApi(), "libb").code(),
            absl::StatusCode::kAlreadyExists);
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
