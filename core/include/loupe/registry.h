// The set of plugins a pipeline can be built from. A registry must outlive
// the pipelines built from it: it keeps loaded libraries open.
#ifndef LOUPE_REGISTRY_H_
#define LOUPE_REGISTRY_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "loupe/plugin.h"
#include "loupe/plugin_abi.h"

namespace loupe {

class LoadedLibrary;

class PluginRegistry {
 public:
  PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;
  ~PluginRegistry();

  // Adds a plugin. Fails if its spec is invalid (see ValidateSpec) or a
  // plugin with the same id is registered already.
  absl::Status Register(PluginRegistration registration);

  // Loads a third-party plugin from the shared library at `path` and
  // registers it. Each failure has its own message, naming `path`: the
  // library cannot be opened, it has no `loupe_plugin_entry`, its ABI
  // version is not supported, or its spec is invalid. The library stays
  // loaded for the registry's lifetime.
  absl::Status LoadLibrary(const std::string& path);

  // Registers a plugin that speaks the C ABI but was linked into this
  // program instead of loaded: what a custom build of the WebAssembly page
  // does with the plugins it is given (see loupe_add_plugin). Checks `api`
  // as LoadLibrary checks a library's; `name` (the plugin's build target)
  // goes into error messages and the source, "linked:<name>".
  absl::Status RegisterLinked(const LoupePluginApi* api,
                              absl::string_view name);

  // nullptr when no plugin has this id.
  const PluginRegistration* Find(absl::string_view id) const;

  // All plugins, in registration order.
  std::vector<const PluginRegistration*> List() const;

  // The descriptor of a registered plugin's options type, by full name, for
  // reading options from text: built-in types come from the generated pool,
  // those of loaded libraries from their spec's `options_descriptors`.
  // nullptr if unknown.
  const google::protobuf::Descriptor* FindOptionsType(
      absl::string_view full_name) const;

 private:
  // Declared first so that it is destroyed last.
  std::vector<std::unique_ptr<LoadedLibrary>> libraries_;
  // A deque keeps the pointers Find() hands out valid as plugins are added.
  std::deque<PluginRegistration> plugins_;
  // Options types of loaded plugins, over the generated pool.
  std::unique_ptr<google::protobuf::DescriptorPool> options_pool_;
};

// Checks a spec: id matches [a-z][a-z0-9_]*, version is non-empty, kind is
// set, and every name in requires/assigns is a known Document field.
absl::Status ValidateSpec(const v1::PluginSpec& spec);

}  // namespace loupe

#endif  // LOUPE_REGISTRY_H_
