#include "loupe/pipeline.h"

#include <functional>
#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/empty.pb.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

// A plugin whose behaviour a test supplies as a function.
class FakePlugin : public Plugin {
 public:
  using Fn = std::function<absl::Status(const v1::Document&, v1::Annotations*)>;
  explicit FakePlugin(Fn fn) : fn_(std::move(fn)) {}
  absl::Status Process(const v1::Document& doc, v1::Annotations* out) override {
    return fn_(doc, out);
  }

 private:
  Fn fn_;
};

PluginRegistration Fake(const std::string& id,
                        std::vector<std::string> requires_fields,
                        std::vector<std::string> assigns_fields,
                        FakePlugin::Fn fn) {
  PluginRegistration r;
  r.spec.set_id(id);
  r.spec.set_version("2.0.1");
  r.spec.set_kind(v1::PluginSpec::OTHER);
  for (auto& f : requires_fields) r.spec.add_requires_fields(f);
  for (auto& f : assigns_fields) r.spec.add_assigns_fields(f);
  r.create = [fn](const google::protobuf::Any& options)
      -> absl::StatusOr<std::unique_ptr<Plugin>> {
    absl::StatusOr<google::protobuf::Empty> unpacked =
        UnpackOptions<google::protobuf::Empty>(options, "fake");
    if (!unpacked.ok()) return unpacked.status();
    return std::make_unique<FakePlugin>(fn);
  };
  return r;
}

void AddEntity(v1::Annotations* out, uint32_t begin, uint32_t end) {
  v1::Entity* e = out->add_entities();
  e->mutable_span()->set_byte_begin(begin);
  e->mutable_span()->set_byte_end(end);
  e->set_type(v1::Entity::ORG);
  e->set_canonical("X");
}

absl::Status Ok(const v1::Document&, v1::Annotations*) {
  return absl::OkStatus();
}

v1::PipelineConfig Config(const std::string& text) {
  v1::PipelineConfig config;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &config));
  return config;
}

class PipelineTest : public ::testing::Test {
 protected:
  void Register(PluginRegistration r) {
    ASSERT_TRUE(registry_.Register(std::move(r)).ok());
  }
  PluginRegistry registry_;
};

TEST_F(PipelineTest, MergesStampsProvenanceAndDerivesUtf16) {
  // "😀 Acme": the emoji is 4 bytes but 2 UTF-16 units.
  Register(Fake("tagger", {}, {"entities"}, [](const v1::Document&, v1::Annotations* out) {
    AddEntity(out, 5, 9);
    return absl::OkStatus();
  }));
  auto pipeline = Pipeline::Create(Config(R"pb(plugin { id: "tagger" })pb"), registry_);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();
  auto doc = (*pipeline)->Analyze("d", "\xF0\x9F\x98\x80 Acme");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->entities_size(), 1);
  const v1::Entity& e = doc->entities(0);
  EXPECT_EQ(e.text(), "Acme");
  EXPECT_EQ(e.span().utf16_begin(), 3u);
  EXPECT_EQ(e.span().utf16_end(), 7u);
  EXPECT_EQ(e.run_id(), 1u);
  ASSERT_EQ(doc->runs_size(), 1);
  EXPECT_EQ(doc->runs(0).plugin(), "tagger");
  EXPECT_EQ(doc->runs(0).version(), "2.0.1");
  EXPECT_EQ(doc->runs(0).source(), "builtin");
  EXPECT_THAT(doc->runs(0).options_digest(), HasSubstr("fnv1a64:"));
  EXPECT_FALSE(HasErrors(*doc));
}

TEST_F(PipelineTest, AFailingPluginDoesNotLoseOthersAnnotations) {
  Register(Fake("before", {}, {"entities"}, [](const v1::Document&, v1::Annotations* out) {
    AddEntity(out, 0, 1);
    return absl::OkStatus();
  }));
  Register(Fake("broken", {}, {"numbers"}, [](const v1::Document&, v1::Annotations* out) {
    out->add_numbers();  // discarded with the failure
    return absl::InternalError("model file is corrupt");
  }));
  Register(Fake("after", {}, {"entities"}, [](const v1::Document&, v1::Annotations* out) {
    AddEntity(out, 2, 3);
    return absl::OkStatus();
  }));
  auto pipeline = Pipeline::Create(
      Config(R"pb(plugin { id: "before" } plugin { id: "broken" } plugin { id: "after" })pb"),
      registry_);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();
  auto doc = (*pipeline)->Analyze("d", "a b c");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->entities_size(), 2);
  EXPECT_EQ(doc->numbers_size(), 0);
  EXPECT_EQ(doc->entities(1).run_id(), 3u);
  EXPECT_TRUE(HasErrors(*doc));
  ASSERT_EQ(doc->diagnostics_size(), 1);
  EXPECT_EQ(doc->diagnostics(0).source(), "broken");
  EXPECT_EQ(doc->diagnostics(0).code(), "INTERNAL");
  EXPECT_THAT(doc->diagnostics(0).message(), HasSubstr("model file is corrupt"));
}

TEST_F(PipelineTest, DropsUndeclaredFieldsAndBrokenSpans) {
  Register(Fake("sloppy", {}, {"entities"}, [](const v1::Document&, v1::Annotations* out) {
    AddEntity(out, 0, 2);     // fine
    AddEntity(out, 3, 99);    // past the end
    AddEntity(out, 2, 1);     // reversed
    AddEntity(out, 0, 5);     // inside the 2-byte "é" (bytes 4-5)
    out->add_numbers();       // not declared
    return absl::OkStatus();
  }));
  auto pipeline = Pipeline::Create(Config(R"pb(plugin { id: "sloppy" })pb"), registry_);
  ASSERT_TRUE(pipeline.ok());
  auto doc = (*pipeline)->Analyze("d", "ab c\xC3\xA9");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->entities_size(), 1);
  EXPECT_EQ(doc->numbers_size(), 0);
  EXPECT_EQ(doc->diagnostics_size(), 4);
  EXPECT_FALSE(HasErrors(*doc));  // warnings only
  for (const auto& d : doc->diagnostics()) {
    EXPECT_EQ(d.severity(), v1::Diagnostic::WARNING);
  }
}

TEST_F(PipelineTest, ChecksRequiresAndAssignsWhenBuilt) {
  Register(Fake("tokens_a", {}, {"tokens"}, Ok));
  Register(Fake("tokens_b", {}, {"tokens"}, Ok));
  Register(Fake("needs_tokens", {"tokens"}, {"entities"}, Ok));

  auto missing = Pipeline::Create(Config(R"pb(plugin { id: "needs_tokens" })pb"), registry_);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(),
              HasSubstr("'needs_tokens' requires 'tokens'"));

  auto order = Pipeline::Create(
      Config(R"pb(plugin { id: "needs_tokens" } plugin { id: "tokens_a" })pb"), registry_);
  EXPECT_FALSE(order.ok());

  auto twice = Pipeline::Create(
      Config(R"pb(plugin { id: "tokens_a" } plugin { id: "tokens_b" })pb"), registry_);
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.status().message(), HasSubstr("assigns 'tokens'"));

  auto repeated = Pipeline::Create(
      Config(R"pb(plugin { id: "tokens_a" } plugin { id: "tokens_a" })pb"), registry_);
  EXPECT_FALSE(repeated.ok());

  auto unknown = Pipeline::Create(Config(R"pb(plugin { id: "nope" })pb"), registry_);
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("unknown plugin 'nope'"));

  auto good = Pipeline::Create(
      Config(R"pb(plugin { id: "tokens_a" } plugin { id: "needs_tokens" })pb"), registry_);
  EXPECT_TRUE(good.ok()) << good.status();
}

TEST_F(PipelineTest, RejectsOptionsOfTheWrongType) {
  Register(Fake("picky", {}, {"entities"}, Ok));
  auto pipeline = Pipeline::Create(Config(R"pb(
    plugin {
      id: "picky"
      options {
        [type.googleapis.com/loupe.v1.PipelineConfig] { plugin { id: "x" } }
      }
    })pb"),
                                   registry_);
  ASSERT_FALSE(pipeline.ok());
  EXPECT_THAT(pipeline.status().message(), HasSubstr("creating plugin 'picky'"));
}

TEST_F(PipelineTest, SentenceSentimentGoesToItsSentence) {
  Register(Fake("splitter", {}, {"sentences"}, [](const v1::Document&, v1::Annotations* out) {
    for (uint32_t b : {0u, 3u}) {
      v1::Sentence* s = out->add_sentences();
      s->mutable_span()->set_byte_begin(b);
      s->mutable_span()->set_byte_end(b + 2);
    }
    return absl::OkStatus();
  }));
  Register(Fake("mood", {"sentences"}, {"sentences.sentiment", "sentiment"},
                [](const v1::Document& doc, v1::Annotations* out) {
                  EXPECT_EQ(doc.sentences_size(), 2);
                  v1::SentenceSentiment* s = out->add_sentence_sentiments();
                  s->set_sentence_index(1);
                  s->mutable_sentiment()->set_score(-0.5f);
                  out->add_sentence_sentiments()->set_sentence_index(7);
                  out->mutable_sentiment()->set_label(v1::Sentiment::NEGATIVE);
                  return absl::OkStatus();
                }));
  auto pipeline = Pipeline::Create(
      Config(R"pb(plugin { id: "splitter" } plugin { id: "mood" })pb"), registry_);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();
  auto doc = (*pipeline)->Analyze("d", "ab. cd.");
  ASSERT_TRUE(doc.ok());
  EXPECT_FLOAT_EQ(doc->sentences(1).sentiment().score(), -0.5f);
  EXPECT_FALSE(doc->sentences(0).has_sentiment());
  EXPECT_EQ(doc->sentiment().label(), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(doc->diagnostics_size(), 1);  // index 7 dropped
}

TEST_F(PipelineTest, RejectsInvalidUtf8WithOffset) {
  auto pipeline = Pipeline::Create(v1::PipelineConfig(), registry_);
  ASSERT_TRUE(pipeline.ok());
  auto doc = (*pipeline)->Analyze("file.txt", "ok\xC3");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("'file.txt'"));
  EXPECT_THAT(doc.status().message(), HasSubstr("byte offset 2"));
}

TEST_F(PipelineTest, EmptyTextIsAValidEmptyDocument) {
  Register(Fake("tagger", {}, {"entities"}, Ok));
  auto pipeline = Pipeline::Create(Config(R"pb(plugin { id: "tagger" })pb"), registry_);
  ASSERT_TRUE(pipeline.ok());
  auto doc = (*pipeline)->Analyze("empty", "");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text(), "");
  EXPECT_EQ(doc->runs_size(), 1);
  EXPECT_FALSE(HasErrors(*doc));
}

}  // namespace
}  // namespace loupe
