// A phrase dictionary of known names, matched over tokens.
#ifndef LOUPE_PLUGINS_ENTITIES_GAZETTEER_H_
#define LOUPE_PLUGINS_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "loupe/v1/document.pb.h"

namespace loupe {
namespace entities_internal {

// One known name.
struct GazetteerEntry {
  v1::Entity::Type type = v1::Entity::TYPE_UNSPECIFIED;
  std::string canonical;
};

// One way of writing a known name.
struct GazetteerAlias {
  uint32_t entry = 0;  // index into Gazetteer::entries()
  // The alias as written in the data; compared byte for byte when `exact`.
  std::string surface;
  // Matches only when the text has exactly this case ("US", not "Us").
  bool exact = false;
  // The alias is also a common word ("Target", "Shell"): callers should not
  // trust it where capitalization carries no information.
  bool weak = false;
};

// Keys are lower-cased phrases in which a run of whitespace between two
// tokens is one space and adjacent tokens are joined with nothing, so the
// key of "S&P 500" is "s&p 500" whether a tokenizer yields "S&P" or
// "S" "&" "P". Lower-casing folds ASCII and Latin-1 letters only.
class Gazetteer {
 public:
  Gazetteer() = default;

  // Adds the entries of one data file. Each non-empty line not starting
  // with '#' is `Canonical|alias|alias...`; the canonical name is an alias
  // too. An alias prefixed with '=' is exact-case, with '~' weak. An alias
  // already present keeps its first entry, so files added earlier win.
  // `file_name` only names the file in errors.
  absl::Status AddFile(absl::string_view file_name, absl::string_view data,
                       v1::Entity::Type type);

  // The alias whose key is `key`, or nullptr.
  const GazetteerAlias* Find(absl::string_view key) const {
    auto it = aliases_.find(key);
    return it == aliases_.end() ? nullptr : &it->second;
  }
  // True if some alias key starts with `key` and is longer than it.
  bool IsProperPrefix(absl::string_view key) const {
    return prefixes_.contains(key);
  }
  // The entry whose canonical name, lower-cased, is `key`, or nullptr.
  const GazetteerEntry* FindCanonical(absl::string_view key) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const GazetteerEntry& entry(const GazetteerAlias& alias) const {
    return entries_[alias.entry];
  }
  size_t max_key_bytes() const { return max_key_bytes_; }

 private:
  std::vector<GazetteerEntry> entries_;
  absl::flat_hash_map<std::string, GazetteerAlias> aliases_;
  absl::flat_hash_set<std::string> prefixes_;
  absl::flat_hash_map<std::string, uint32_t> by_canonical_;
  size_t max_key_bytes_ = 0;
};

// Appends `text` lower-cased (ASCII and Latin-1 letters) to `out`.
void AppendLower(absl::string_view text, std::string* out);

// Appends the gazetteer key of `phrase` (see Gazetteer) to `out`.
void AppendKey(absl::string_view phrase, std::string* out);

// A set of lower-cased words or phrases read from a one-per-line data file
// ('#' starts a comment line).
class WordSet {
 public:
  void AddFile(absl::string_view data);
  bool Contains(absl::string_view lower) const { return words_.contains(lower); }
  size_t size() const { return words_.size(); }

 private:
  absl::flat_hash_set<std::string> words_;
};

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_GAZETTEER_H_
