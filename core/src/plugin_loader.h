// Loading third-party plugins from shared libraries (see plugin_abi.h).
#ifndef LOUPE_CORE_SRC_PLUGIN_LOADER_H_
#define LOUPE_CORE_SRC_PLUGIN_LOADER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "loupe/plugin.h"

namespace loupe {

// An open plugin library. It must outlive every plugin instance created from
// it. Its code stays mapped until the process ends, even after destruction
// (see Open).
class LoadedLibrary {
 public:
  // Opens `path`, finds its entry point and checks what it returns (see
  // RegistrationFromApi in plugin_api.h); errors are FailedPrecondition
  // (cannot open), NotFound (no entry point), Unimplemented (wrong ABI
  // version) or InvalidArgument (bad spec), each with a message naming
  // `path`.
  static absl::StatusOr<std::unique_ptr<LoadedLibrary>> Open(
      const std::string& path);

  LoadedLibrary(const LoadedLibrary&) = delete;
  LoadedLibrary& operator=(const LoadedLibrary&) = delete;
  ~LoadedLibrary();

  // The registration of the library's plugin, with `path` as its source;
  // its factory creates instances that call into the library.
  const PluginRegistration& registration() const { return registration_; }

 private:
  explicit LoadedLibrary(void* handle) : handle_(handle) {}

  void* handle_;
  PluginRegistration registration_;
};

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_PLUGIN_LOADER_H_
