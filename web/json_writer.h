// A fast writer of protobuf's proto3 JSON, for the WebAssembly build.
//
// protobuf 3.21's MessageToJsonString goes through a binary round trip and
// a stream of virtual calls; under WASM it writes ~3 MB/s, which makes a
// 5 MB article take a minute. This writer walks the message by reflection
// and produces the same bytes as MessageToJsonString with
// always_print_primitive_fields = true and no whitespace: fields in
// declaration order, lowerCamelCase names, enums by name, 64-bit integers
// quoted, floats as SimpleFtoa/SimpleDtoa, strings escaped like protobuf's
// JsonEscaping, bytes in standard base64. The parity test compares its output with the native CLI's.
#ifndef LOUPE_WEB_JSON_WRITER_H_
#define LOUPE_WEB_JSON_WRITER_H_

#include <string>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace loupe {

// Appends `message` as compact proto3 JSON to `out`. Returns Unimplemented
// (and leaves `out` unspecified) for what it does not cover: maps,
// well-known types (google.protobuf.*), proto3 `optional` and groups; the
// caller then uses protobuf's own printer.
absl::Status AppendProto3Json(const google::protobuf::Message& message,
                              std::string* out);

}  // namespace loupe

#endif  // LOUPE_WEB_JSON_WRITER_H_
