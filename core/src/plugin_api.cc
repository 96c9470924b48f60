#include "plugin_api.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
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

// A plugin instance behind the C ABI.
class AbiPlugin : public Plugin {
 public:
  AbiPlugin(const LoupePluginApi* api, void* instance, std::string id)
      : api_(api), instance_(instance), id_(std::move(id)) {}
  ~AbiPlugin() override { api_->destroy(instance_); }

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

absl::StatusOr<PluginRegistration> RegistrationFromApi(
    const LoupePluginApi* api, absl::string_view what, std::string source) {
  if (api == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, ": ", LOUPE_PLUGIN_ENTRY_NAME, " returned no plugin"));
  }
  if (api->abi_version < kMinSupportedAbiVersion ||
      api->abi_version > kMaxSupportedAbiVersion) {
    const std::string supported =
        kMinSupportedAbiVersion == kMaxSupportedAbiVersion
            ? absl::StrCat(kMaxSupportedAbiVersion)
            : absl::StrCat(kMinSupportedAbiVersion, "..",
                           kMaxSupportedAbiVersion);
    return absl::UnimplementedError(
        absl::StrCat(what, " has wrong ABI version: got ", api->abi_version,
                     ", supported ", supported));
  }
  PluginRegistration registration;
  const bool parsed =
      api->spec != nullptr &&
      registration.spec.ParseFromArray(api->spec,
                                       static_cast<int>(api->spec_size));
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " has a bad spec: not a serialized loupe.v1.PluginSpec"));
  }
  if (api->create == nullptr || api->process == nullptr ||
      api->destroy == nullptr || api->free_buffer == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " has a bad spec: missing functions"));
  }
  if (absl::Status status = ValidateSpec(registration.spec); !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " has a bad spec: ", status.message()));
  }
  registration.source = std::move(source);
  registration.abi_version = static_cast<int>(api->abi_version);
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
    return std::make_unique<AbiPlugin>(api, instance, id);
  };
  return registration;
}

}  // namespace loupe
