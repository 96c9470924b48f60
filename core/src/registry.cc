#include "loupe/registry.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "document_fields.h"
#include "plugin_api.h"
#include "plugin_loader.h"

namespace loupe {

bool IsDocumentField(absl::string_view name) {
  for (absl::string_view field :
       {kFieldTokens, kFieldSentences, kFieldEntities, kFieldNumbers,
        kFieldSentiment, kFieldSentenceSentiment, kFieldEntitySentiments}) {
    if (name == field) return true;
  }
  return false;
}

bool IsSingleValuedField(absl::string_view name) {
  return IsDocumentField(name) && name != kFieldEntities &&
         name != kFieldNumbers;
}

namespace {
bool IsValidId(absl::string_view id) {
  if (id.empty() || !absl::ascii_islower(id[0])) return false;
  for (char c : id) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '_') {
      return false;
    }
  }
  return true;
}
}  // namespace

absl::Status ValidateSpec(const v1::PluginSpec& spec) {
  if (!IsValidId(spec.id())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin id '", spec.id(), "' is not of the form [a-z][a-z0-9_]*"));
  }
  if (spec.version().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("plugin '", spec.id(), "' has no version"));
  }
  if (spec.kind() == v1::PluginSpec::KIND_UNSPECIFIED ||
      !v1::PluginSpec::Kind_IsValid(spec.kind())) {
    return absl::InvalidArgumentError(
        absl::StrCat("plugin '", spec.id(), "' has no valid kind"));
  }
  for (const auto* list : {&spec.requires_fields(), &spec.assigns_fields()}) {
    for (const std::string& name : *list) {
      if (!IsDocumentField(name)) {
        return absl::InvalidArgumentError(
            absl::StrCat("plugin '", spec.id(), "' names unknown field '", name,
                         "' in ", list == &spec.assigns_fields() ? "assigns_fields" : "requires_fields"));
      }
    }
  }
  return absl::OkStatus();
}

PluginRegistry::PluginRegistry()
    : options_pool_(std::make_unique<google::protobuf::DescriptorPool>(
          google::protobuf::DescriptorPool::generated_pool())) {}
PluginRegistry::~PluginRegistry() = default;

absl::Status PluginRegistry::Register(PluginRegistration registration) {
  if (absl::Status status = ValidateSpec(registration.spec); !status.ok()) {
    return status;
  }
  if (const PluginRegistration* other = Find(registration.spec.id())) {
    return absl::AlreadyExistsError(absl::StrCat(
        "plugin '", registration.spec.id(), "' from ", registration.source,
        " is already registered from ", other->source));
  }
  if (!registration.spec.options_descriptors().empty()) {
    google::protobuf::FileDescriptorSet files;
    if (!files.ParseFromString(registration.spec.options_descriptors())) {
      return absl::InvalidArgumentError(
          absl::StrCat("plugin '", registration.spec.id(),
                       "' has unreadable options_descriptors"));
    }
    // Files are listed dependencies first; those known already (the
    // generated pool, another plugin) are skipped.
    for (const google::protobuf::FileDescriptorProto& file : files.file()) {
      if (options_pool_->FindFileByName(file.name()) != nullptr) continue;
      if (options_pool_->BuildFile(file) == nullptr) {
        return absl::InvalidArgumentError(
            absl::StrCat("plugin '", registration.spec.id(),
                         "': cannot use the descriptor of '", file.name(), "'"));
      }
    }
  }
  plugins_.push_back(std::move(registration));
  return absl::OkStatus();
}

const google::protobuf::Descriptor* PluginRegistry::FindOptionsType(
    absl::string_view full_name) const {
  return options_pool_->FindMessageTypeByName(std::string(full_name));
}

#ifdef __EMSCRIPTEN__
// The WebAssembly build has no dynamic loader: plugin_loader.cc is not
// compiled in and `libraries_` stays empty, but its type still needs a
// destructor.
LoadedLibrary::~LoadedLibrary() = default;

absl::Status PluginRegistry::LoadLibrary(const std::string& path) {
  return absl::UnimplementedError(
      "loading plugin libraries is not supported in this build");
}
#else
absl::Status PluginRegistry::LoadLibrary(const std::string& path) {
  absl::StatusOr<std::unique_ptr<LoadedLibrary>> library =
      LoadedLibrary::Open(path);
  if (!library.ok()) return library.status();
  if (absl::Status status = Register((*library)->registration());
      !status.ok()) {
    return status;
  }
  libraries_.push_back(*std::move(library));
  return absl::OkStatus();
}
#endif  // __EMSCRIPTEN__

absl::Status PluginRegistry::RegisterLinked(const LoupePluginApi* api,
                                            absl::string_view name) {
  absl::StatusOr<PluginRegistration> registration = RegistrationFromApi(
      api, absl::StrCat("linked plugin '", name, "'"),
      absl::StrCat(kLinkedSourcePrefix, name));
  if (!registration.ok()) return registration.status();
  return Register(*std::move(registration));
}

const PluginRegistration* PluginRegistry::Find(absl::string_view id) const {
  for (const PluginRegistration& plugin : plugins_) {
    if (plugin.spec.id() == id) return &plugin;
  }
  return nullptr;
}

std::vector<const PluginRegistration*> PluginRegistry::List() const {
  std::vector<const PluginRegistration*> list;
  list.reserve(plugins_.size());
  for (const PluginRegistration& plugin : plugins_) list.push_back(&plugin);
  return list;
}

}  // namespace loupe
