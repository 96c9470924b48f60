// The built-in "entities" plugin: named entities from a gazetteer of
// well-known names plus shape and context rules for unknown ones, with
// within-document canonical names.
//
// Steps (each its own class, so a trained tagger can replace or feed one):
//   TokenView      token shapes, sentence and headline positions
//   MentionFinder  candidate spans and their types
//   Canonicalizer  one canonical name per referent in the document
#ifndef LOUPE_PLUGINS_ENTITIES_ENTITIES_H_
#define LOUPE_PLUGINS_ENTITIES_ENTITIES_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "loupe/plugin.h"
#include "plugins/entities/canonicalizer.h"
#include "plugins/entities/entities_options.pb.h"
#include "plugins/entities/mention_finder.h"
#include "plugins/entities/token_view.h"

namespace loupe {

class EntitiesPlugin : public Plugin {
 public:
  using Options = plugins::EntitiesOptions;
  static v1::PluginSpec Spec();
  // Fails with InvalidArgument for a min_confidence outside [0, 1], or
  // Internal if the embedded data is malformed.
  static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options& options);
  absl::Status Process(const v1::Document& doc, v1::Annotations* out) override;

  EntitiesPlugin(const Options& options, const entities_internal::Lexicon& lexicon)
      : options_(options), finder_(lexicon), canonicalizer_(lexicon) {}

 private:
  const Options options_;
  entities_internal::TokenView tokens_;
  entities_internal::MentionFinder finder_;
  entities_internal::Canonicalizer canonicalizer_;
  std::vector<entities_internal::Mention> mentions_;
};

}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_ENTITIES_H_
