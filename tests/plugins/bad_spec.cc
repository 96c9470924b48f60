// A plugin library whose spec bytes are not a loupe.v1.PluginSpec.
#include "loupe/plugin_abi.h"

namespace {
const uint8_t kGarbage[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x0F};
void* Create(const uint8_t*, size_t, LoupeBuffer*) { return nullptr; }
int32_t Process(void*, const uint8_t*, size_t, LoupeBuffer*, LoupeBuffer*) {
  return 13;
}
void Destroy(void*) {}
void Free(LoupeBuffer) {}
}  // namespace

extern "C" LOUPE_PLUGIN_EXPORT const LoupePluginApi* loupe_plugin_entry(void) {
  static const LoupePluginApi api = {LOUPE_PLUGIN_ABI_VERSION, kGarbage,
                                     sizeof(kGarbage), &Create, &Process,
                                     &Destroy, &Free};
  return &api;
}
