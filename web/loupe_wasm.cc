// The JavaScript face of Loupe: the built-in plugins, and any linked into a
// custom build (linked_plugins.h), behind three embind functions, as thin as
// the data they pass (strings and bytes).
//
//   analyze(text, optionsJson?)        -> Document as proto3 JSON
//   analyzeBinary(text, optionsJson?)  -> Document as serialized protobuf
//   plugins()                          -> JSON array of PluginSpec, each
//                                         with "source" and "abiVersion"
//
// The JSON is the same as `loupe analyze --format json(l)` writes: proto3
// JSON with every primitive field printed. Failures never throw: analyze()
// returns {"error": {"code": "...", "message": "..."}} instead of a Document
// (a Document has no "error" field), analyzeBinary() an empty array.
// See loupe.d.ts for the types.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/src/utf8.h"
#include "google/protobuf/util/json_util.h"
#include "loupe/pipeline.h"
#include "loupe/registry.h"
#include "loupe/v1/document.pb.h"
#include "plugins/builtin_plugins.h"
#include "web/analyze_options.pb.h"
#include "web/json_writer.h"
#include "web/linked_plugins.h"

namespace loupe {
namespace {

constexpr char kDefaultId[] = "input";

// The registry and the most recently built pipeline live for the module's
// lifetime: building a pipeline loads the plugins' data, which is worth
// doing once when the page analyzes many documents with the same options.
struct State {
  PluginRegistry registry;
  absl::Status registry_status;
  std::string pipeline_key;  // serialized PipelineConfig of `pipeline`
  std::unique_ptr<Pipeline> pipeline;
};

State& GetState() {
  static State* state = [] {
    auto* s = new State;
    s->registry_status = RegisterBuiltinPlugins(&s->registry);
    if (s->registry_status.ok()) {
      s->registry_status = RegisterLinkedPlugins(&s->registry);
    }
    return s;
  }();
  return *state;
}

// JavaScript strings are UTF-16 and may hold lone surrogates, which have no
// UTF-8 form; embind's own std::string conversion would silently merge them
// with the next character, so the module takes UTF-16 and converts here.
absl::StatusOr<std::string> Utf16ToUtf8(const std::u16string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDFFF) {
      if (c <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
          text[i + 1] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
        ++i;
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            "text is not valid Unicode: lone surrogate U+",
            absl::Hex(static_cast<uint32_t>(c)), " at UTF-16 offset ", i));
      }
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendUtf8(c, &out);
    }
  }
  return out;
}

absl::Status FromProtobuf(const google::protobuf::util::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(std::string(status.message()));
}

absl::StatusOr<web::AnalyzeOptions> ParseOptions(const std::string& json) {
  web::AnalyzeOptions options;
  if (!json.empty()) {
    google::protobuf::util::JsonParseOptions parse;
    parse.ignore_unknown_fields = false;
    if (absl::Status status = FromProtobuf(
            google::protobuf::util::JsonStringToMessage(json, &options, parse));
        !status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("options: ", status.message()));
    }
  }
  if (options.id().empty()) options.set_id(kDefaultId);
  return options;
}

// The pipeline for `options`, reusing the last one when the config is equal.
absl::StatusOr<Pipeline*> GetPipeline(const web::AnalyzeOptions& options) {
  State& state = GetState();
  if (!state.registry_status.ok()) return state.registry_status;
  v1::PipelineConfig config;
  if (options.has_pipeline()) {
    config = options.pipeline();
  } else if (options.plugins_size() > 0) {
    for (const std::string& id : options.plugins()) {
      config.add_plugin()->set_id(id);
    }
  } else {
    // Linked plugins run after the built-ins, as loaded ones do natively.
    config = DefaultPipelineConfig(state.registry);
  }
  std::string key;
  config.SerializeToString(&key);
  if (state.pipeline == nullptr || key != state.pipeline_key) {
    state.pipeline.reset();
    absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
        Pipeline::Create(config, state.registry);
    if (!pipeline.ok()) {
      return absl::Status(pipeline.status().code(),
                          absl::StrCat("pipeline: ",
                                       pipeline.status().message()));
    }
    state.pipeline = *std::move(pipeline);
    state.pipeline_key = std::move(key);
  }
  return state.pipeline.get();
}

absl::StatusOr<v1::Document> Run(std::string text,
                                 const web::AnalyzeOptions& options) {
  absl::StatusOr<Pipeline*> pipeline = GetPipeline(options);
  if (!pipeline.ok()) return pipeline.status();
  return (*pipeline)->Analyze(options.id(), std::move(text));
}

// proto3 JSON with every primitive field, as core/cli/document_writer.cc
// writes it: compact by json_writer.cc, indented by protobuf's printer.
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message,
                                   bool pretty) {
  if (!pretty) {
    std::string json;
    if (AppendProto3Json(message, &json).ok()) return json;
  }
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = pretty;
  print.always_print_primitive_fields = true;
  std::string json;
  if (absl::Status status = FromProtobuf(
          google::protobuf::util::MessageToJsonString(message, &json, print));
      !status.ok()) {
    return absl::InternalError(status.message());
  }
  return json;
}

// {"error": {"code": "INVALID_ARGUMENT", "message": "..."}}, escaped by hand:
// the code name is [A-Z_]+ and the message only needs quotes, backslashes
// and control characters escaped (it is UTF-8 like the JSON).
std::string ErrorJson(const absl::Status& status) {
  std::string message;
  for (char c : status.message()) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      message += '\\';
      message += c;
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      message += "\\u00";
      message += kHex[u >> 4];
      message += kHex[u & 0xF];
    } else {
      message += c;
    }
  }
  return absl::StrCat("{\"error\":{\"code\":\"",
                      absl::StatusCodeToString(status.code()),
                      "\",\"message\":\"", message, "\"}}");
}

std::string Analyze(const std::u16string& text, std::string options_json) {
  absl::StatusOr<web::AnalyzeOptions> options = ParseOptions(options_json);
  if (!options.ok()) return ErrorJson(options.status());
  absl::StatusOr<std::string> utf8 = Utf16ToUtf8(text);
  if (!utf8.ok()) return ErrorJson(utf8.status());
  absl::StatusOr<v1::Document> doc = Run(*std::move(utf8), *options);
  if (!doc.ok()) return ErrorJson(doc.status());
  if (options->omit_tokens()) doc->clear_tokens();
  absl::StatusOr<std::string> json = ToJson(*doc, options->pretty());
  if (!json.ok()) return ErrorJson(json.status());
  return *std::move(json);
}

emscripten::val AnalyzeBinary(const std::u16string& text,
                              std::string options_json) {
  std::string bytes;
  absl::StatusOr<web::AnalyzeOptions> options = ParseOptions(options_json);
  absl::StatusOr<std::string> utf8 = Utf16ToUtf8(text);
  if (options.ok() && utf8.ok()) {
    absl::StatusOr<v1::Document> doc = Run(*std::move(utf8), *options);
    if (doc.ok()) {
      if (options->omit_tokens()) doc->clear_tokens();
      doc->SerializeToString(&bytes);
    }
  }
  // A copy owned by JavaScript: the view into WASM memory would be
  // invalidated by the next allocation that grows memory.
  emscripten::val view = emscripten::val(emscripten::typed_memory_view(
      bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data())));
  return view.call<emscripten::val>("slice");
}

std::string Plugins() {
  State& state = GetState();
  if (!state.registry_status.ok()) return ErrorJson(state.registry_status);
  std::string json = "[";
  for (const PluginRegistration* r : state.registry.List()) {
    absl::StatusOr<std::string> spec = ToJson(r->spec, false);
    if (!spec.ok()) return ErrorJson(spec.status());
    if (json.size() > 1) json += ",";
    // The spec's object with two more members; a source is a target name
    // or "builtin", which need no escaping.
    spec->pop_back();
    absl::StrAppend(&json, *spec, ",\"source\":\"", r->source,
                    "\",\"abiVersion\":", r->abi_version, "}");
  }
  json += "]";
  return json;
}

std::string AnalyzeDefault(const std::u16string& text) {
  return Analyze(text, "");
}

emscripten::val AnalyzeBinaryDefault(const std::u16string& text) {
  return AnalyzeBinary(text, "");
}

}  // namespace
}  // namespace loupe

EMSCRIPTEN_BINDINGS(loupe) {
  emscripten::function("analyze", &loupe::Analyze);
  emscripten::function("analyze", &loupe::AnalyzeDefault);
  emscripten::function("analyzeBinary", &loupe::AnalyzeBinary);
  emscripten::function("analyzeBinary", &loupe::AnalyzeBinaryDefault);
  emscripten::function("plugins", &loupe::Plugins);
}
