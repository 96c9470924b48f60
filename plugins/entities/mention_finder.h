// Finds entity mentions: gazetteer matches, then capitalized sequences
// typed by shape and context cues. This is the step a trained tagger will
// replace or feed; canonicalization is separate (canonicalizer.h).
#ifndef LOUPE_PLUGINS_ENTITIES_MENTION_FINDER_H_
#define LOUPE_PLUGINS_ENTITIES_MENTION_FINDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "plugins/entities/lexicon.h"
#include "plugins/entities/mention.h"
#include "plugins/entities/token_view.h"

namespace loupe {
namespace entities_internal {

class MentionFinder {
 public:
  // `lexicon` must outlive the finder.
  explicit MentionFinder(const Lexicon& lexicon) : lexicon_(lexicon) {}
  MentionFinder(const MentionFinder&) = delete;
  MentionFinder& operator=(const MentionFinder&) = delete;

  // Appends the mentions of `tokens` to `mentions`, in text order and not
  // overlapping. Linear in the number of tokens. `use_rules` = false keeps
  // gazetteer matches only.
  void Find(const TokenView& tokens, bool use_rules,
            std::vector<Mention>* mentions);

 private:
  struct Match {
    uint32_t end = 0;  // one past the last token
    const GazetteerAlias* alias = nullptr;
  };

  // The longest gazetteer match starting at token i (alias null if none).
  Match MatchAt(uint32_t i);
  // MatchAt, memoized for this document.
  const Match& CachedMatchAt(uint32_t i);
  // Whether token i may be part of a name found by rules.
  bool NameLike(uint32_t i) const;
  bool Connector(uint32_t i) const;
  bool ProductShape(uint32_t i) const;

  // Adds a gazetteer mention for tokens [i, match.end) and returns the token
  // after it (extended over model versions for products).
  uint32_t AddGazetteerMention(uint32_t i, const Match& match);
  // Tries the partial-token forms: "Baidus" (plural of a known name) and
  // "U.S.-made" (known name before a hyphen). Returns true if it added one.
  bool AddPartialTokenMention(uint32_t i);
  // Applies the rules to the capitalized run starting at token i and
  // returns the token to continue from (> i).
  uint32_t AddRuleMention(uint32_t i);

  const Lexicon& lexicon_;
  const TokenView* tokens_ = nullptr;
  std::vector<Mention>* out_ = nullptr;
  std::vector<Match> match_cache_;
  std::vector<bool> match_cached_;
  // Lower-case forms written entirely in lower case somewhere in the
  // document, and forms capitalized in mid-sentence outside headlines.
  absl::flat_hash_set<absl::string_view> seen_lower_;
  absl::flat_hash_set<absl::string_view> seen_capitalized_;
  std::string key_;
  std::string surface_;
};

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_MENTION_FINDER_H_
