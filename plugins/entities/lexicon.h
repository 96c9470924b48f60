// The built-in word lists of the entities plugin, compiled in from data/.
#ifndef LOUPE_PLUGINS_ENTITIES_LEXICON_H_
#define LOUPE_PLUGINS_ENTITIES_LEXICON_H_

#include "absl/status/statusor.h"
#include "plugins/entities/gazetteer.h"
#include "plugins/entities/word_clusters.h"

namespace loupe {
namespace entities_internal {

struct Lexicon {
  Gazetteer names;          // known names of every type
  WordSet given_names;      // "john": a sequence starting with it is a PERSON
  WordSet family_names;     // Chinese family names, written first
  WordSet person_titles;    // "mr.", "ceo", "president"
  WordSet org_suffixes;     // "inc.", "group", "university"
  WordSet org_heads;        // "university" (of X), "bank" (of X)
  WordSet not_names;        // function words, months, generic acronyms
  WordClusters clusters;    // distributional word clusters (tagger features)
};

// The lexicon built from the embedded data files; built once, shared and
// immutable. An error means the embedded data is malformed.
absl::StatusOr<const Lexicon*> BuiltinLexicon();

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_LEXICON_H_
