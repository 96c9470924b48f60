// Gives every mention of a document its canonical name: one name per
// referent within the document.
#ifndef LOUPE_PLUGINS_ENTITIES_CANONICALIZER_H_
#define LOUPE_PLUGINS_ENTITIES_CANONICALIZER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "plugins/entities/lexicon.h"
#include "plugins/entities/mention.h"
#include "plugins/entities/token_view.h"

namespace loupe {
namespace entities_internal {

// Folds, in order:
//  * a one-word mention to a person named in full in the document
//    ("Liang" -> "Liang Wenfeng", "Son" -> "Masayoshi Son");
//  * an acronym to a name in the document whose initials it spells;
//  * a model code to a product or company-prefixed model name
//    ("R1" -> "DeepSeek-R1" when DeepSeek is mentioned);
//  * spelling variants to their best-cased form ("Openai" -> "OpenAI");
// then, if `unify_types`, gives every mention of one canonical name the type
// of its most confident mention. Gazetteer hits keep their gazetteer
// canonical name and type.
class Canonicalizer {
 public:
  explicit Canonicalizer(const Lexicon& lexicon) : lexicon_(lexicon) {}
  Canonicalizer(const Canonicalizer&) = delete;
  Canonicalizer& operator=(const Canonicalizer&) = delete;

  // Linear in the number of mentions and their length.
  // `unify_types` = false leaves each mention's type as it is: a tagger that
  // reads the context types "Leeds" ORG (the club) and LOC (the city) in one
  // document, and both are right.
  void Canonicalize(const TokenView& tokens, std::vector<Mention>* mentions,
                    bool unify_types = true);

 private:
  const Lexicon& lexicon_;
  // Reused per document.
  absl::flat_hash_map<std::string, std::string> person_by_word_;
  absl::flat_hash_map<std::string, const Mention*> by_initials_;
  absl::flat_hash_map<std::string, std::string> product_by_code_;
  absl::flat_hash_map<std::string, size_t> best_form_;
  absl::flat_hash_map<std::string, size_t> best_type_;
  std::string key_;
};

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_CANONICALIZER_H_
