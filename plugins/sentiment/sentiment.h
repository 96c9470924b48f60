// The built-in "sentiment" plugin: lexicon- and rule-based sentiment of each
// sentence, of the document and of each canonical entity.
//
// Sentences are scored VADER-style (valences of words and phrases, adjusted
// by negation, boosters, contrast, hedges, quotes and direction words with
// figures); words inside names of two or more tokens carry no valence
// outside headings ("Best Buy"), and a sentence whose only sentiment word is
// mild is NEUTRAL. The document score is a weighted mean of the body
// sentences' scores (boilerplate ignored, the headline and the lead weighted
// up, NEUTRAL sentences weighted down), so long articles do not saturate.
// An entity's score is a weighted mean over its mentions of what each
// mention's clause says about it (see mention_valence.h: nearest words,
// competition verbs, comparisons, speakers, causal verbs); its label weighs
// the polar mentions only, so that many neutral mentions do not hide a clear
// story, and is MIXED when both sides carry real weight.
#ifndef LOUPE_PLUGINS_SENTIMENT_SENTIMENT_H_
#define LOUPE_PLUGINS_SENTIMENT_SENTIMENT_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "loupe/plugin.h"
#include "plugins/sentiment/lexicon.h"
#include "plugins/sentiment/mention_valence.h"
#include "plugins/sentiment/sentence_scorer.h"
#include "plugins/sentiment/sentiment_options.pb.h"

namespace loupe {

class SentimentPlugin : public Plugin {
 public:
  using Options = plugins::SentimentOptions;
  static v1::PluginSpec Spec();
  static absl::StatusOr<std::unique_ptr<Plugin>> Create(const Options& options);
  absl::Status Process(const v1::Document& doc, v1::Annotations* out) override;

 private:
  SentimentPlugin(const sentiment_internal::SentimentLexicon* lexicon,
                  const Options& options);

  Options options_;
  const sentiment_internal::SentenceModel* model_;  // owned by the lexicon
  sentiment_internal::SentenceScorer scorer_;
  // Scratch space, reused across sentences and documents.
  std::vector<uint8_t> skipped_;  // per token: inside boilerplate
  sentiment_internal::TokenScores token_scores_;
  sentiment_internal::MentionValence mention_valence_;
  std::vector<sentiment_internal::TokenSpan> sentence_mentions_;
  std::vector<float> mention_valences_;
};

}  // namespace loupe

#endif  // LOUPE_PLUGINS_SENTIMENT_SENTIMENT_H_
