#include "plugins/entities/entities.h"

#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

TEST(EntitiesPluginTest, SpecIsValid) {
  EXPECT_EQ(EntitiesPlugin::Spec().id(), "entities");
}

}  // namespace
}  // namespace loupe
