// Measurement glue for issue #7 option (a): lets a MAIN_MODULE build of the
// WebAssembly module register third-party plugins that live in Emscripten
// side modules, and run pipelines that use them.
//
// Linked into the measurement host only (web/side_module/CMakeLists.txt),
// next to web/loupe_wasm.cc, whose registry is private to that file; this
// glue therefore keeps a registry of its own (built-ins + loaded plugins).
//
//   registerPluginApi(api)           api: the LoupePluginApi* (a number) a
//                                    side module's loupe_plugin_entry()
//                                    returned, the module having been
//                                    instantiated from JavaScript (no file
//                                    system needed: what a page would do)
//   loadPluginLibrary(path)          dlopen()s `path` from the module's file
//                                    system and registers its plugin
//   analyzeWithPlugins(text, ids)    runs the plugins `ids` (a JSON-free
//                                    comma-separated list) -> Document JSON
//   analyzeWithPipeline(text, json)  runs a loupe.v1.PipelineConfig given as
//                                    proto3 JSON (plugin options as Any,
//                                    resolved in the host's descriptor pool)
//
// Each returns "" / a Document, or {"error": "..."} on failure; nothing
// throws. Registration goes through PluginRegistry::RegisterLinked, which
// checks a LoupePluginApi as the native loader does.
#include <dlfcn.h>
#include <emscripten/bind.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "loupe/pipeline.h"
#include "loupe/plugin_abi.h"
#include "loupe/registry.h"
#include "plugins/builtin_plugins.h"
#include "web/json_writer.h"
#include "web/linked_plugins.h"

namespace loupe {
namespace {

struct SideState {
  PluginRegistry registry;
  absl::Status registry_status;
};

SideState& GetSideState() {
  static SideState* state = [] {
    auto* s = new SideState;
    s->registry_status = RegisterBuiltinPlugins(&s->registry);
    return s;
  }();
  return *state;
}

// Through the same checks and adapter as linked plugins
// (PluginRegistry::RegisterLinked); `name` becomes "linked:<name>".
absl::Status RegisterApi(const LoupePluginApi* api, const std::string& name) {
  SideState& state = GetSideState();
  if (!state.registry_status.ok()) return state.registry_status;
  return state.registry.RegisterLinked(api, name);
}

std::string ErrorJson(absl::string_view message) {
  std::string out = "{\"error\":\"";
  for (char c : message) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += "\"}";
  return out;
}

std::string StatusResult(const absl::Status& status) {
  return status.ok() ? std::string() : ErrorJson(status.ToString());
}

std::string RegisterPluginApi(uintptr_t api) {
  return StatusResult(RegisterApi(reinterpret_cast<const LoupePluginApi*>(api),
                                  "side_module"));
}

std::string LoadPluginLibrary(const std::string& path) {
  // RTLD_NODELETE for the reason plugin_loader.cc gives: the module's static
  // initializers registered its generated descriptors in the host's pool.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (handle == nullptr) {
    const char* error = dlerror();
    return ErrorJson(absl::StrCat("cannot open plugin library '", path, "': ",
                                  error != nullptr ? error : "unknown error"));
  }
  auto entry = reinterpret_cast<LoupePluginEntryFn>(
      dlsym(handle, LOUPE_PLUGIN_ENTRY_NAME));
  if (entry == nullptr) {
    return ErrorJson(absl::StrCat("plugin library '", path, "' has no ",
                                  LOUPE_PLUGIN_ENTRY_NAME));
  }
  return StatusResult(RegisterApi(entry(), path));
}

std::string Analyze(const std::string& text, const v1::PipelineConfig& config) {
  SideState& state = GetSideState();
  if (!state.registry_status.ok()) return StatusResult(state.registry_status);
  absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(config, state.registry);
  if (!pipeline.ok()) return StatusResult(pipeline.status());
  absl::StatusOr<v1::Document> doc = (*pipeline)->Analyze("input", text);
  if (!doc.ok()) return StatusResult(doc.status());
  std::string json;
  if (AppendProto3Json(*doc, &json).ok()) return json;
  json.clear();
  google::protobuf::util::JsonPrintOptions print;
  print.always_print_primitive_fields = true;
  if (!google::protobuf::util::MessageToJsonString(*doc, &json, print).ok()) {
    return ErrorJson("cannot print the Document as JSON");
  }
  return json;
}

std::string AnalyzeWithPlugins(const std::string& text,
                               const std::string& ids) {
  v1::PipelineConfig config;
  for (absl::string_view id : absl::StrSplit(ids, ',', absl::SkipEmpty())) {
    config.add_plugin()->set_id(std::string(id));
  }
  return Analyze(text, config);
}

std::string AnalyzeWithPipeline(const std::string& text,
                                const std::string& pipeline_json) {
  v1::PipelineConfig config;
  const auto status =
      google::protobuf::util::JsonStringToMessage(pipeline_json, &config);
  if (!status.ok()) {
    return ErrorJson(absl::StrCat("pipeline: ", std::string(status.message())));
  }
  return Analyze(text, config);
}

}  // namespace

// web/loupe_wasm.cc registers the plugins linked into its module with this
// function, which web/CMakeLists.txt generates per module; this host links
// none at build time.
absl::Status RegisterLinkedPlugins(PluginRegistry* registry) {
  return absl::OkStatus();
}

}  // namespace loupe

EMSCRIPTEN_BINDINGS(loupe_side) {
  emscripten::function("registerPluginApi", &loupe::RegisterPluginApi);
  emscripten::function("loadPluginLibrary", &loupe::LoadPluginLibrary);
  emscripten::function("analyzeWithPlugins", &loupe::AnalyzeWithPlugins);
  emscripten::function("analyzeWithPipeline", &loupe::AnalyzeWithPipeline);
}
