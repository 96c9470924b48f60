#include "plugins/numbers/numbers.h"

#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

TEST(NumbersPluginTest, SpecIsValid) {
  EXPECT_EQ(NumbersPlugin::Spec().id(), "numbers");
}

}  // namespace
}  // namespace loupe
