// The third-party plugins linked into a WebAssembly module (a custom build:
// LOUPE_WEB_PLUGINS in web/CMakeLists.txt, which generates the definition).
#ifndef LOUPE_WEB_LINKED_PLUGINS_H_
#define LOUPE_WEB_LINKED_PLUGINS_H_

#include "absl/status/status.h"
#include "loupe/registry.h"

namespace loupe {

// Registers every linked plugin, in build order, with source
// "linked:<target>". Fails if one is rejected (ABI version, spec, id taken).
absl::Status RegisterLinkedPlugins(PluginRegistry* registry);

}  // namespace loupe

#endif  // LOUPE_WEB_LINKED_PLUGINS_H_
