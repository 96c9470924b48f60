// Training the entity tagger: an averaged structured perceptron over the
// features of ner_features.h, on CoNLL-2003-style files.
#ifndef LOUPE_PLUGINS_ENTITIES_NER_TRAINER_H_
#define LOUPE_PLUGINS_ENTITIES_NER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "plugins/entities/conll.h"
#include "plugins/entities/ner_model.pb.h"
#include "plugins/entities/ner_tagger.h"

namespace loupe {

struct NerTrainOptions {
  std::string train_path;   // CoNLL file (word ... tag per line)
  std::string dev_path;     // CoNLL file; picks the epoch and calibrates
  std::string output_path;  // the serialized plugins::NerModel
  int epochs = 12;
  uint64_t seed = 20250127;  // shuffles the documents each epoch
  // Features seen fewer times in the training data get no weights.
  int min_feature_count = 2;
  // Feature rows whose largest averaged weight is smaller are dropped from
  // the saved model.
  float prune_below = 0.02f;
};

// Trains on options.train_path, keeps the epoch with the best entity F1 on
// options.dev_path, and writes the model to options.output_path. Progress
// and scores go to `log` (may be null). Deterministic for given inputs.
absl::Status TrainNerModel(const NerTrainOptions& options, std::ostream* log);

// The same on parsed documents; `dev` may be empty (then the last epoch is
// kept and confidence is left uncalibrated).
absl::StatusOr<plugins::NerModel> TrainNerModelOnDocuments(
    const std::vector<conll::Document>& train,
    const std::vector<conll::Document>& dev, const NerTrainOptions& options,
    std::ostream* log);

// Entity-level scores of the tagger alone (no gazetteer refinement) on
// `docs`, in CoNLL classes.
absl::StatusOr<conll::Scorer> EvaluateNerWeights(
    const entities_internal::NerWeights& weights,
    const std::vector<conll::Document>& docs);

}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_NER_TRAINER_H_
