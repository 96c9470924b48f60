// A plugin library built against a future, unsupported ABI version.
#include "loupe/plugin_abi.h"

extern "C" LOUPE_PLUGIN_EXPORT const LoupePluginApi* loupe_plugin_entry(void) {
  static const LoupePluginApi api = {999, nullptr, 0, nullptr,
                                     nullptr, nullptr, nullptr};
  return &api;
}
