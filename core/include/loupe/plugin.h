// The plugin interface: what every Loupe annotator implements.
//
// A plugin declares a spec (id, version, kind, the Document fields it
// `requires` and `assigns`), is created once from its options message, then
// annotates documents one at a time:
//
//   class Shout : public loupe::Plugin {
//    public:
//     using Options = loupe::plugins::ShoutOptions;  // a proto message
//     static loupe::v1::PluginSpec Spec();
//     static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options&);
//     absl::Status Process(const loupe::v1::Document& doc,
//                          loupe::v1::Annotations* out) override;
//   };
//
// Built-in plugins are listed in plugins/builtin_plugins.cc; third-party
// plugins are shared libraries (see plugin_export.h).
#ifndef LOUPE_PLUGIN_H_
#define LOUPE_PLUGIN_H_

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/any.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "loupe/v1/document.pb.h"
#include "loupe/v1/plugin.pb.h"

namespace loupe {

class Plugin {
 public:
  Plugin() = default;
  Plugin(const Plugin&) = delete;
  Plugin& operator=(const Plugin&) = delete;
  virtual ~Plugin() = default;

  // Adds this plugin's annotations of `doc` to `out`, which is empty on
  // entry. `doc` holds everything earlier plugins assigned; it must not be
  // retained after the call. On a non-OK status the pipeline records the
  // error in the document's diagnostics and discards `out`.
  //
  // Thread safety: an instance is called from one thread at a time; separate
  // instances may run concurrently.
  virtual absl::Status Process(const v1::Document& doc,
                               v1::Annotations* out) = 0;
};

// Creates a plugin instance from its options, an instance of the plugin's
// options message packed in an Any (empty Any = all defaults).
using PluginFactory = std::function<absl::StatusOr<std::unique_ptr<Plugin>>(
    const google::protobuf::Any& options)>;

// PluginRegistration::source of built-in plugins, and the prefix of that of
// plugins linked into a custom build through the C ABI.
inline constexpr char kBuiltinSource[] = "builtin";
inline constexpr char kLinkedSourcePrefix[] = "linked:";

struct PluginRegistration {
  v1::PluginSpec spec;
  PluginFactory create;
  // kBuiltinSource; the path of the shared library the plugin was loaded
  // from; or "linked:<target>" for a plugin linked in through the C ABI
  // (PluginRegistry::RegisterLinked).
  std::string source = kBuiltinSource;
  // The plugin ABI version of a plugin behind the C ABI; 0 for built-ins.
  int abi_version = 0;
};

// Unpacks `any` into a T. An empty Any yields a default T; an Any holding
// another type is an InvalidArgument error naming `plugin_id`.
template <typename T>
absl::StatusOr<T> UnpackOptions(const google::protobuf::Any& any,
                                absl::string_view plugin_id) {
  T options;
  if (any.type_url().empty() && any.value().empty()) return options;
  if (!any.Is<T>()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin '", plugin_id, "': options are of type '", any.type_url(),
        "', expected '", T::descriptor()->full_name(), "'"));
  }
  if (!any.UnpackTo(&options)) {
    return absl::InvalidArgumentError(
        absl::StrCat("plugin '", plugin_id, "': cannot parse options of type '",
                     T::descriptor()->full_name(), "'"));
  }
  return options;
}

namespace internal {
inline void CollectFileDescriptors(const google::protobuf::FileDescriptor* file,
                                   std::set<std::string>* seen,
                                   google::protobuf::FileDescriptorSet* set) {
  if (!seen->insert(file->name()).second) return;
  for (int i = 0; i < file->dependency_count(); ++i) {
    CollectFileDescriptors(file->dependency(i), seen, set);
  }
  file->CopyTo(set->add_file());
}
}  // namespace internal

// A serialized FileDescriptorSet of `file` and everything it imports,
// dependencies first.
inline std::string SerializeFileDescriptors(
    const google::protobuf::FileDescriptor* file) {
  google::protobuf::FileDescriptorSet set;
  std::set<std::string> seen;
  internal::CollectFileDescriptors(file, &seen, &set);
  return set.SerializeAsString();
}

// The registration of a plugin class P with a static `Spec()`, an `Options`
// proto type and a static `Create(const Options&)`.
template <typename P>
PluginRegistration MakeRegistration() {
  PluginRegistration registration;
  registration.spec = P::Spec();
  const google::protobuf::Descriptor* options = P::Options::descriptor();
  registration.spec.set_options_type(std::string(options->full_name()));
  registration.spec.set_options_descriptors(
      SerializeFileDescriptors(options->file()));
  registration.create = [id = registration.spec.id()](
                            const google::protobuf::Any& any)
      -> absl::StatusOr<std::unique_ptr<Plugin>> {
    absl::StatusOr<typename P::Options> options =
        UnpackOptions<typename P::Options>(any, id);
    if (!options.ok()) return options.status();
    return P::Create(*options);
  };
  return registration;
}

}  // namespace loupe

#endif  // LOUPE_PLUGIN_H_
