#include "plugin_loader.h"

#include <dlfcn.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "plugin_api.h"

namespace loupe {

absl::StatusOr<std::unique_ptr<LoadedLibrary>> LoadedLibrary::Open(
    const std::string& path) {
  // A bare file name would make dlopen search the library path; a plugin
  // named on the command line means that file.
  const std::string to_open =
      path.find('/') == std::string::npos ? "./" + path : path;
  // RTLD_NODELETE: a library is never unmapped, even on dlclose. Its static
  // initializers may have registered generated protobuf code in the
  // process-wide descriptor pool, which would point into freed memory.
  void* handle = dlopen(to_open.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (handle == nullptr) {
    const char* error = dlerror();
    return absl::FailedPreconditionError(
        absl::StrCat("cannot open plugin library '", path,
                     "': ", error != nullptr ? error : "unknown error"));
  }
  auto entry = reinterpret_cast<LoupePluginEntryFn>(
      dlsym(handle, LOUPE_PLUGIN_ENTRY_NAME));
  if (entry == nullptr) {
    dlclose(handle);
    return absl::NotFoundError(absl::StrCat(
        "plugin library '", path, "' has no entry point '",
        LOUPE_PLUGIN_ENTRY_NAME,
        "' (a plugin must define it, e.g. with LOUPE_EXPORT_PLUGIN)"));
  }
  // Owned from here on, so that every failure below closes the library.
  std::unique_ptr<LoadedLibrary> library(new LoadedLibrary(handle));
  absl::StatusOr<PluginRegistration> registration = RegistrationFromApi(
      entry(), absl::StrCat("plugin library '", path, "'"), path);
  if (!registration.ok()) return registration.status();
  library->registration_ = *std::move(registration);
  return library;
}

LoadedLibrary::~LoadedLibrary() { dlclose(handle_); }

}  // namespace loupe
