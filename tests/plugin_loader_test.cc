// The plugin loader against real shared libraries, one per failure mode.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "loupe/pipeline.h"
#include "loupe/registry.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

std::string Lib(const std::string& name) {
  return LOUPE_BINARY_DIR "/lib/lib" + name + ".so";
}

TEST(PluginLoaderTest, CannotOpen) {
  PluginRegistry registry;
  const absl::Status status = registry.LoadLibrary("/nonexistent/libx.so");
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("cannot open plugin library '/nonexistent/libx.so'"));
}

TEST(PluginLoaderTest, NotASharedLibrary) {
  PluginRegistry registry;
  const absl::Status status =
      registry.LoadLibrary(LOUPE_SOURCE_DIR "/tests/data/sample.txt");
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("cannot open plugin library"));
}

TEST(PluginLoaderTest, NoEntryPoint) {
  PluginRegistry registry;
  const absl::Status status = registry.LoadLibrary(Lib("loupe_test_no_entry"));
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("has no entry point 'loupe_plugin_entry'"));
}

TEST(PluginLoaderTest, WrongAbiVersion) {
  PluginRegistry registry;
  const absl::Status status = registry.LoadLibrary(Lib("loupe_test_wrong_abi"));
  EXPECT_EQ(status.code(), absl::StatusCode::kUnimplemented);
  EXPECT_THAT(status.message(), HasSubstr("wrong ABI version: got 999, supported 1"));
}

TEST(PluginLoaderTest, BadSpec) {
  PluginRegistry registry;
  const absl::Status status = registry.LoadLibrary(Lib("loupe_test_bad_spec"));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("has a bad spec"));
}

TEST(PluginLoaderTest, DuplicateIdIsRejected) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadLibrary(Lib("loupe_tickers")).ok());
  const absl::Status status = registry.LoadLibrary(Lib("loupe_tickers"));
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
}

TEST(PluginLoaderTest, ExamplePluginRunsThroughTheAbi) {
  PluginRegistry registry;
  ASSERT_TRUE(RegisterBuiltinPlugins(&registry).ok());
  ASSERT_TRUE(registry.LoadLibrary(Lib("loupe_tickers")).ok());
  const PluginRegistration* tickers = registry.Find("tickers");
  ASSERT_NE(tickers, nullptr);
  EXPECT_EQ(tickers->abi_version, 1);
  EXPECT_EQ(tickers->source, Lib("loupe_tickers"));

  v1::PipelineConfig config;
  config.add_plugin()->set_id("tickers");
  auto pipeline = Pipeline::Create(config, registry);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();
  auto doc = (*pipeline)->Analyze(
      "t", "Listed as (NYSE: IBM) and NASDAQ:NVDA, not FOO:BAR or NASDAQ:toolong.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->entities_size(), 4);
  EXPECT_EQ(doc->entities(0).text(), "NYSE");
  EXPECT_EQ(doc->entities(0).canonical(), "New York Stock Exchange");
  EXPECT_EQ(doc->entities(1).text(), "IBM");
  EXPECT_EQ(doc->entities(2).canonical(), "Nasdaq");
  EXPECT_EQ(doc->entities(3).text(), "NVDA");
  EXPECT_EQ(doc->runs(0).source(), Lib("loupe_tickers"));
}

TEST(PluginLoaderTest, ErrorsAndExceptionsCrossTheAbiAsStatuses) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadLibrary(Lib("loupe_test_failing")).ok());
  v1::PipelineConfig config;
  config.add_plugin()->set_id("failing");
  auto pipeline = Pipeline::Create(config, registry);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();

  auto ok = (*pipeline)->Analyze("a", "fine");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->entities_size(), 1);
  EXPECT_FALSE(HasErrors(*ok));

  auto failed = (*pipeline)->Analyze("b", "please fail");
  ASSERT_TRUE(failed.ok());
  EXPECT_TRUE(HasErrors(*failed));
  EXPECT_EQ(failed->diagnostics(0).code(), "FAILED_PRECONDITION");

  auto thrown = (*pipeline)->Analyze("c", "throw it");
  ASSERT_TRUE(thrown.ok());
  EXPECT_TRUE(HasErrors(*thrown));
  EXPECT_EQ(thrown->diagnostics(0).code(), "INTERNAL");
  EXPECT_THAT(thrown->diagnostics(0).message(), HasSubstr("thrown on purpose"));
}

}  // namespace
}  // namespace loupe
