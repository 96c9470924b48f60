#include "plugins/sentiment/sentiment.h"

#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

TEST(SentimentPluginTest, SpecIsValid) {
  EXPECT_EQ(SentimentPlugin::Spec().id(), "sentiment");
}

}  // namespace
}  // namespace loupe
