#include "core/cli/input_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "core/src/utf8.h"

namespace loupe {
namespace {

namespace fs = std::filesystem;

// Repairs beyond this many are summed up in one diagnostic.
constexpr size_t kMaxRepairDiagnostics = 100;

struct FileCloser {
  void operator()(FILE* file) const {
    if (file != stdin) std::fclose(file);
  }
};
using File = std::unique_ptr<FILE, FileCloser>;

absl::Status ErrnoError(const std::string& path, int error) {
  return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(error)));
}

// Reads all of `file`; fails for read errors and for documents too large.
absl::Status ReadAll(FILE* file, const std::string& path, std::string* out) {
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    if (out->size() + n > kMaxDocumentBytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat(path, ": document larger than ", kMaxDocumentBytes,
                       " bytes, the most Loupe accepts"));
    }
    out->append(buffer, n);
  }
  if (std::ferror(file)) return ErrnoError(path, errno);
  return absl::OkStatus();
}

// Reads `file` line by line ('\n'; a '\r' before it is dropped too), calling
// `on_line(line, byte offset of the line, line number)`.
absl::Status ForEachLine(
    FILE* file, const std::string& path,
    const std::function<void(std::string, size_t, size_t)>& on_line) {
  std::string line;
  size_t line_number = 1;
  size_t offset = 0;       // of the current line's first byte in the file
  size_t consumed = 0;     // bytes read so far
  char buffer[1 << 16];
  size_t n;
  const auto flush = [&](bool newline) {
    const size_t raw_length = line.size() + (newline ? 1 : 0);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    on_line(std::move(line), offset, line_number);
    line.clear();
    offset += raw_length;
    ++line_number;
  };
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    consumed += n;
    const char* begin = buffer;
    const char* end = buffer + n;
    while (begin < end) {
      const char* newline =
          static_cast<const char*>(std::memchr(begin, '\n', end - begin));
      if (newline == nullptr) {
        if (line.size() + (end - begin) > kMaxDocumentBytes) {
          return absl::ResourceExhaustedError(absl::StrCat(
              path, ":", line_number, ": line longer than ",
              kMaxDocumentBytes, " bytes, the most Loupe accepts"));
        }
        line.append(begin, end);
        break;
      }
      line.append(begin, newline);
      flush(true);
      begin = newline + 1;
    }
  }
  if (std::ferror(file)) return ErrnoError(path, errno);
  if (!line.empty()) flush(false);
  return absl::OkStatus();
}

// The documents behind one command-line path, in order.
absl::Status ExpandPath(const std::string& path, std::vector<std::string>* out) {
  if (path == "-") {
    out->push_back(path);
    return absl::OkStatus();
  }
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error) {
    return absl::NotFoundError(absl::StrCat(path, ": ", error.message()));
  }
  if (!fs::is_directory(status)) {
    out->push_back(path);
    return absl::OkStatus();
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(
      path, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code file_error;
    if (it->path().extension() == ".txt" && it->is_regular_file(file_error)) {
      found.push_back(it->path().string());
    }
  }
  if (error) {
    return absl::UnavailableError(
        absl::StrCat(path, ": cannot list folder: ", error.message()));
  }
  if (found.empty()) {
    return absl::NotFoundError(
        absl::StrCat(path, ": folder contains no .txt files"));
  }
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckText(const std::string& source, size_t base_offset,
                       bool repair, std::string* text, v1::Document* doc) {
  const std::optional<size_t> invalid = FindInvalidUtf8(*text);
  const std::optional<size_t> nul = FindNul(*text);
  if (!invalid && !nul) return absl::OkStatus();
  if (!repair) {
    if (nul && (!invalid || *nul < *invalid)) {
      return absl::InvalidArgumentError(absl::StrCat(
          source, ": NUL byte at byte offset ", base_offset + *nul,
          " (a binary file?); use --repair to replace bad bytes with U+FFFD"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": invalid UTF-8 at byte offset ", base_offset + *invalid,
        "; use --repair to replace bad bytes with U+FFFD"));
  }
  std::vector<Utf8Repair> repairs;
  *text = RepairUtf8(*text, &repairs);
  const size_t shown = std::min(repairs.size(), kMaxRepairDiagnostics);
  for (size_t i = 0; i < shown; ++i) {
    const Utf8Repair& r = repairs[i];
    v1::Diagnostic* d = doc->add_diagnostics();
    d->set_severity(v1::Diagnostic::INFO);
    d->set_source("input");
    d->set_code("REPAIRED");
    d->set_message(absl::StrCat(
        r.input_length, " bad byte", r.input_length == 1 ? "" : "s",
        " at byte offset ", base_offset + r.input_offset,
        " replaced by U+FFFD"));
    d->mutable_span()->set_byte_begin(static_cast<uint32_t>(r.output_offset));
    d->mutable_span()->set_byte_end(
        static_cast<uint32_t>(r.output_offset + kReplacementCharacter.size()));
  }
  if (repairs.size() > shown) {
    v1::Diagnostic* d = doc->add_diagnostics();
    d->set_severity(v1::Diagnostic::INFO);
    d->set_source("input");
    d->set_code("REPAIRED");
    d->set_message(absl::StrCat("and ", repairs.size() - shown,
                                " more replacements by U+FFFD"));
  }
  if (text->size() > kMaxDocumentBytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        source, ": repaired document larger than ", kMaxDocumentBytes,
        " bytes"));
  }
  return absl::OkStatus();
}

void ReadDocuments(const std::vector<std::string>& paths,
                   const ReadOptions& options,
                   const std::function<void(v1::Document)>& on_document,
                   const std::function<void(const absl::Status&)>& on_error) {
  std::vector<std::string> inputs;
  for (const std::string& path : paths) {
    if (absl::Status status = ExpandPath(path, &inputs); !status.ok()) {
      on_error(status);
    }
  }
  for (const std::string& input : inputs) {
    File file(input == "-" ? stdin : std::fopen(input.c_str(), "rb"));
    if (file == nullptr) {
      on_error(ErrnoError(input, errno));
      continue;
    }
    std::error_code error;
    if (input != "-" && fs::is_directory(input, error)) {
      on_error(absl::InvalidArgumentError(absl::StrCat(input, ": is a folder")));
      continue;
    }
    if (options.lines) {
      absl::Status status = ForEachLine(
          file.get(), input,
          [&](std::string line, size_t offset, size_t line_number) {
            v1::Document doc;
            doc.set_id(absl::StrCat(input, ":", line_number));
            if (absl::Status s = CheckText(doc.id(), offset, options.repair,
                                           &line, &doc);
                !s.ok()) {
              on_error(s);
              return;
            }
            doc.set_text(std::move(line));
            on_document(std::move(doc));
          });
      if (!status.ok()) on_error(status);
      continue;
    }
    std::string text;
    if (absl::Status status = ReadAll(file.get(), input, &text); !status.ok()) {
      on_error(status);
      continue;
    }
    v1::Document doc;
    doc.set_id(input);
    if (absl::Status status = CheckText(input, 0, options.repair, &text, &doc);
        !status.ok()) {
      on_error(status);
      continue;
    }
    doc.set_text(std::move(text));
    on_document(std::move(doc));
  }
}

}  // namespace loupe
