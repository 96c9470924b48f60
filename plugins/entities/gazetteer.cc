#include "plugins/entities/gazetteer.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace loupe {
namespace entities_internal {
namespace {

// Lower-cases Latin-1 capitals (U+00C0..U+00DE except U+00D7), which UTF-8
// writes as C3 80..C3 9E; the lower-case letter is 0x20 further on.
bool IsLatin1UpperSecondByte(unsigned char c) {
  return c >= 0x80 && c <= 0x9E && c != 0x97;
}

}  // namespace

void AppendLower(absl::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (c == 0xC3 && i + 1 < text.size() &&
        IsLatin1UpperSecondByte(static_cast<unsigned char>(text[i + 1]))) {
      out->push_back(static_cast<char>(c));
      out->push_back(static_cast<char>(text[i + 1] + 0x20));
      ++i;
      continue;
    }
    out->push_back(absl::ascii_tolower(c));
  }
}

void AppendKey(absl::string_view phrase, std::string* out) {
  bool pending_space = false;
  const size_t start = out->size();
  for (size_t i = 0; i < phrase.size();) {
    if (absl::ascii_isspace(static_cast<unsigned char>(phrase[i]))) {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && out->size() > start) out->push_back(' ');
    pending_space = false;
    size_t j = i;
    while (j < phrase.size() &&
           !absl::ascii_isspace(static_cast<unsigned char>(phrase[j]))) {
      ++j;
    }
    AppendLower(phrase.substr(i, j - i), out);
    i = j;
  }
}

absl::Status Gazetteer::AddFile(absl::string_view file_name,
                                absl::string_view data,
                                v1::Entity::Type type) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(data, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const uint32_t entry_index = static_cast<uint32_t>(entries_.size());
    GazetteerEntry entry;
    entry.type = type;
    bool first = true;
    for (absl::string_view field : absl::StrSplit(line, '|')) {
      field = absl::StripAsciiWhitespace(field);
      GazetteerAlias alias;
      alias.entry = entry_index;
      while (!field.empty() && (field[0] == '=' || field[0] == '~')) {
        (field[0] == '=' ? alias.exact : alias.weak) = true;
        field.remove_prefix(1);
      }
      if (field.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("entities: ", file_name, ":", line_number,
                         ": empty name in '", line, "'"));
      }
      if (first) {
        entry.canonical = std::string(field);
        first = false;
      }
      alias.surface = std::string(field);
      std::string key;
      AppendKey(field, &key);
      for (size_t n = 1; n < key.size(); ++n) prefixes_.insert(key.substr(0, n));
      if (key.size() > max_key_bytes_) max_key_bytes_ = key.size();
      aliases_.try_emplace(std::move(key), std::move(alias));
    }
    std::string canonical_key;
    AppendKey(entry.canonical, &canonical_key);
    by_canonical_.try_emplace(std::move(canonical_key), entry_index);
    entries_.push_back(std::move(entry));
  }
  return absl::OkStatus();
}

const GazetteerEntry* Gazetteer::FindCanonical(absl::string_view key) const {
  auto it = by_canonical_.find(key);
  return it == by_canonical_.end() ? nullptr : &entries_[it->second];
}

void WordSet::AddFile(absl::string_view data) {
  for (absl::string_view line : absl::StrSplit(data, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::string key;
    AppendKey(line, &key);
    words_.insert(std::move(key));
  }
}

}  // namespace entities_internal
}  // namespace loupe
