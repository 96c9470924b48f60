#include "plugin_loader.h"

#include <dlfcn.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "loupe/registry.h"

namespace loupe {
namespace {

// Takes ownership of a buffer the plugin filled in.
std::string TakeBuffer(const LoupePluginApi& api, LoupeBuffer* buffer) {
  std::string bytes;
  if (buffer->data != nullptr) {
    bytes.assign(reinterpret_cast<const char*>(buffer->data), buffer->size);
    api.free_buffer(*buffer);
  }
  *buffer = LoupeBuffer{nullptr, 0};
  return bytes;
}

absl::StatusCode CodeFromInt(int32_t code) {
  if (code <= 0 || code > static_cast<int32_t>(absl::StatusCode::kUnauthenticated)) {
    return absl::StatusCode::kUnknown;
  }
  return static_cast<absl::StatusCode>(code);
}

// A plugin instance living in a loaded library.
class LibraryPlugin : public Plugin {
 public:
  LibraryPlugin(const LoupePluginApi* api, void* instance, std::string id)
      : api_(api), instance_(instance), id_(std::move(id)) {}
  ~LibraryPlugin() override { api_->destroy(instance_); }

  absl::Status Process(const v1::Document& doc,
                       v1::Annotations* out) override {
    const std::string bytes = doc.SerializeAsString();
    LoupeBuffer annotations = {nullptr, 0};
    LoupeBuffer error = {nullptr, 0};
    const int32_t code =
        api_->process(instance_, reinterpret_cast<const uint8_t*>(bytes.data()),
                      bytes.size(), &annotations, &error);
    const std::string message = TakeBuffer(*api_, &error);
    const std::string result = TakeBuffer(*api_, &annotations);
    if (code != 0) return absl::Status(CodeFromInt(code), message);
    if (!out->ParseFromString(result)) {
      return absl::DataLossError(absl::StrCat(
          "plugin '", id_, "' returned bytes that are not loupe.v1.Annotations"));
    }
    return absl::OkStatus();
  }

 private:
  const LoupePluginApi* api_;
  void* instance_;
  std::string id_;
};

}  // namespace

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
  const LoupePluginApi* api = entry();
  if (api == nullptr) {
    dlclose(handle);
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin library '", path, "': ", LOUPE_PLUGIN_ENTRY_NAME,
        " returned no plugin"));
  }
  if (api->abi_version < kMinSupportedAbiVersion ||
      api->abi_version > kMaxSupportedAbiVersion) {
    const std::string supported =
        kMinSupportedAbiVersion == kMaxSupportedAbiVersion
            ? absl::StrCat(kMaxSupportedAbiVersion)
            : absl::StrCat(kMinSupportedAbiVersion, "..",
                           kMaxSupportedAbiVersion);
    const uint32_t got = api->abi_version;
    dlclose(handle);
    return absl::UnimplementedError(
        absl::StrCat("plugin library '", path, "' has wrong ABI version: got ",
                     got, ", supported ", supported));
  }
  return std::unique_ptr<LoadedLibrary>(new LoadedLibrary(path, handle, api));
}

LoadedLibrary::~LoadedLibrary() { dlclose(handle_); }

absl::StatusOr<PluginRegistration> LoadedLibrary::MakeRegistration() const {
  PluginRegistration registration;
  const bool parsed =
      api_->spec != nullptr &&
      registration.spec.ParseFromArray(api_->spec,
                                       static_cast<int>(api_->spec_size));
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin library '", path_,
        "' has a bad spec: not a serialized loupe.v1.PluginSpec"));
  }
  if (api_->create == nullptr || api_->process == nullptr ||
      api_->destroy == nullptr || api_->free_buffer == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin library '", path_, "' has a bad spec: missing functions"));
  }
  if (absl::Status status = ValidateSpec(registration.spec); !status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin library '", path_, "' has a bad spec: ", status.message()));
  }
  registration.source = path_;
  registration.abi_version = static_cast<int>(api_->abi_version);
  const LoupePluginApi* api = api_;
  registration.create = [api, id = registration.spec.id()](
                            const google::protobuf::Any& options)
      -> absl::StatusOr<std::unique_ptr<Plugin>> {
    const std::string bytes = options.SerializeAsString();
    LoupeBuffer error = {nullptr, 0};
    void* instance = api->create(
        reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &error);
    const std::string message = TakeBuffer(*api, &error);
    if (instance == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("plugin '", id, "' could not be created: ", message));
    }
    return std::make_unique<LibraryPlugin>(api, instance, id);
  };
  return registration;
}

}  // namespace loupe
