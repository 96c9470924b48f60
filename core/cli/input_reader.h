// Turns the CLI's paths into documents: files, folders, stdin, line mode.
#ifndef LOUPE_CORE_CLI_INPUT_READER_H_
#define LOUPE_CORE_CLI_INPUT_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "loupe/v1/document.pb.h"

namespace loupe {

struct ReadOptions {
  // Each line is its own document, with id "<path>:<line number>".
  bool lines = false;
  // Replace invalid UTF-8 and NUL bytes with U+FFFD (recorded as INFO
  // diagnostics) instead of rejecting the input.
  bool repair = false;
};

// The largest document Loupe accepts: offsets in the schema are 32-bit.
inline constexpr size_t kMaxDocumentBytes = 0xFFFFFFFFu;

// Expands `paths` ("-" = standard input; folders = their *.txt files,
// recursively, in sorted order) and calls `on_document` for each document
// with its id and text set, in order. A document's text is read, checked and
// handed on before the next is read, so memory does not grow with the number
// of documents. Each input that cannot be used is reported to `on_error` with
// a message naming the path and, for bad bytes, the byte offset; reading
// goes on with the next input.
void ReadDocuments(const std::vector<std::string>& paths,
                   const ReadOptions& options,
                   const std::function<void(v1::Document)>& on_document,
                   const std::function<void(const absl::Status&)>& on_error);

// Checks `text` (read from `source`, starting at byte `base_offset` of it)
// and either returns the status of the first bad byte, or, with `repair`,
// fixes it in place and records INFO diagnostics in `doc`.
absl::Status CheckText(const std::string& source, size_t base_offset,
                       bool repair, std::string* text, v1::Document* doc);

}  // namespace loupe

#endif  // LOUPE_CORE_CLI_INPUT_READER_H_
