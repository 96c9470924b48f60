// Plugins behind the C ABI of plugin_abi.h: the checks a LoupePluginApi must
// pass and the adapter that turns it into a PluginRegistration. Used for
// plugins loaded from shared libraries (plugin_loader.h) and for plugins
// linked into a custom build (PluginRegistry::RegisterLinked).
#ifndef LOUPE_CORE_SRC_PLUGIN_API_H_
#define LOUPE_CORE_SRC_PLUGIN_API_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "loupe/plugin.h"
#include "loupe/plugin_abi.h"

namespace loupe {

// The ABI versions the host accepts.
inline constexpr uint32_t kMinSupportedAbiVersion = 1;
inline constexpr uint32_t kMaxSupportedAbiVersion = LOUPE_PLUGIN_ABI_VERSION;

// Checks `api` (not null, supported ABI version, a valid spec, every
// function set) and returns a registration whose factory creates instances
// calling through `api`, with `source` as its provenance. `what` names the
// plugin in error messages, e.g. "plugin library 'x.so'". Errors:
// InvalidArgument (no api, bad spec) or Unimplemented ("wrong ABI version:
// got X, supported Y"). `api` must outlive every instance created.
absl::StatusOr<PluginRegistration> RegistrationFromApi(
    const LoupePluginApi* api, absl::string_view what, std::string source);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_PLUGIN_API_H_
