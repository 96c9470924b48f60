// Writes Documents in the CLI's output formats.
#ifndef LOUPE_CORE_CLI_DOCUMENT_WRITER_H_
#define LOUPE_CORE_CLI_DOCUMENT_WRITER_H_

#include <optional>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"

namespace loupe {

enum class OutputFormat {
  kJson,       // proto3 JSON mapping, pretty-printed, one object per document
  kJsonl,      // proto3 JSON mapping, one compact object per line
  kTextproto,  // protobuf text format, documents separated by a comment line
  kBinary,     // varint length-delimited loupe.v1.Document messages
  kTable,      // a readable summary for people
};

std::optional<OutputFormat> ParseOutputFormat(absl::string_view name);

class DocumentWriter {
 public:
  DocumentWriter(OutputFormat format, std::ostream* out)
      : format_(format), out_(out) {}
  DocumentWriter(const DocumentWriter&) = delete;
  DocumentWriter& operator=(const DocumentWriter&) = delete;

  // Writes one document and flushes it, so a consumer sees each document as
  // soon as it is done.
  absl::Status Write(const v1::Document& doc);

 private:
  void WriteTable(const v1::Document& doc);

  OutputFormat format_;
  std::ostream* out_;
  size_t written_ = 0;
};

// The proto3 JSON form Loupe prints: field names as the JSON mapping gives
// them, enums by name, zero values included so every offset is explicit.
absl::Status DocumentToJson(const v1::Document& doc, bool pretty,
                            std::string* json);

}  // namespace loupe

#endif  // LOUPE_CORE_CLI_DOCUMENT_WRITER_H_
