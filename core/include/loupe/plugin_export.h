// Turns a C++ plugin class into a loadable plugin library:
//
//   // my_plugin.cc, built as a shared library
//   #include "loupe/plugin_export.h"
//   class MyPlugin : public loupe::Plugin { ... see plugin.h ... };
//   LOUPE_EXPORT_PLUGIN(MyPlugin)
//
// The macro defines `loupe_plugin_entry` on top of the class's Spec(),
// Create() and Process(); errors and exceptions become error codes and
// messages at the C boundary.
#ifndef LOUPE_PLUGIN_EXPORT_H_
#define LOUPE_PLUGIN_EXPORT_H_

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "loupe/plugin.h"
#include "loupe/plugin_abi.h"

namespace loupe {
namespace internal {

template <typename P>
class PluginExporter {
 public:
  static const LoupePluginApi* Api() {
    static const LoupePluginApi api = {
        LOUPE_PLUGIN_ABI_VERSION,
        reinterpret_cast<const uint8_t*>(SpecBytes().data()),
        SpecBytes().size(),
        &Create,
        &Process,
        &Destroy,
        &Free};
    return &api;
  }

 private:
  // By value, not leaked: a plugin library can be unloaded, and its statics
  // are destroyed with it.
  static const PluginRegistration& Registration() {
    static const PluginRegistration registration = MakeRegistration<P>();
    return registration;
  }
  static const std::string& SpecBytes() {
    static const std::string bytes = Registration().spec.SerializeAsString();
    return bytes;
  }
  static LoupeBuffer Copy(absl::string_view bytes) {
    LoupeBuffer buffer = {nullptr, bytes.size()};
    buffer.data = static_cast<uint8_t*>(std::malloc(bytes.empty() ? 1 : bytes.size()));
    if (buffer.data == nullptr) return LoupeBuffer{nullptr, 0};
    if (!bytes.empty()) std::memcpy(buffer.data, bytes.data(), bytes.size());
    return buffer;
  }
  static void* Create(const uint8_t* options, size_t size, LoupeBuffer* error) {
    try {
      google::protobuf::Any any;
      if (!any.ParseFromArray(options, static_cast<int>(size))) {
        *error = Copy("options are not a serialized google.protobuf.Any");
        return nullptr;
      }
      absl::StatusOr<std::unique_ptr<Plugin>> plugin =
          Registration().create(any);
      if (!plugin.ok()) {
        *error = Copy(plugin.status().message());
        return nullptr;
      }
      return plugin->release();
    } catch (const std::exception& e) {
      *error = Copy(e.what());
    } catch (...) {
      *error = Copy("unknown exception in create");
    }
    return nullptr;
  }
  static int32_t Process(void* instance, const uint8_t* document, size_t size,
                         LoupeBuffer* annotations, LoupeBuffer* error) {
    try {
      v1::Document doc;
      if (!doc.ParseFromArray(document, static_cast<int>(size))) {
        *error = Copy("cannot parse the loupe.v1.Document");
        return static_cast<int32_t>(absl::StatusCode::kInvalidArgument);
      }
      v1::Annotations out;
      absl::Status status = static_cast<Plugin*>(instance)->Process(doc, &out);
      if (!status.ok()) {
        *error = Copy(status.message());
        return static_cast<int32_t>(status.code());
      }
      *annotations = Copy(out.SerializeAsString());
      return 0;
    } catch (const std::exception& e) {
      *error = Copy(e.what());
    } catch (...) {
      *error = Copy("unknown exception in process");
    }
    return static_cast<int32_t>(absl::StatusCode::kInternal);
  }
  static void Destroy(void* instance) { delete static_cast<Plugin*>(instance); }
  static void Free(LoupeBuffer buffer) { std::free(buffer.data); }
};

}  // namespace internal
}  // namespace loupe

// A plugin linked into a program rather than loaded (loupe_add_plugin in a
// WebAssembly build) is compiled with LOUPE_PLUGIN_LINKED_ENTRY set to a name
// of its own, which the macro then defines instead of loupe_plugin_entry.
#ifdef LOUPE_PLUGIN_LINKED_ENTRY
#define LOUPE_PLUGIN_ENTRY_FUNCTION LOUPE_PLUGIN_LINKED_ENTRY
#else
#define LOUPE_PLUGIN_ENTRY_FUNCTION loupe_plugin_entry
#endif

#define LOUPE_EXPORT_PLUGIN(PluginClass)                              \
  extern "C" LOUPE_PLUGIN_EXPORT const LoupePluginApi*                \
  LOUPE_PLUGIN_ENTRY_FUNCTION(void) {                                 \
    return ::loupe::internal::PluginExporter<PluginClass>::Api();     \
  }

#endif  // LOUPE_PLUGIN_EXPORT_H_
