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
  // CoNLL file. With holdout_fraction > 0 it is only scored (a clean
  // held-out figure); with holdout_fraction = 0 it picks the epoch and
  // calibrates confidence.
  std::string dev_path;
  std::string output_path;  // the serialized plugins::NerModel
  // The largest number of epochs.
  int epochs = 12;
  // If > 0, this fraction of the training documents (the last ones, in
  // file order) is held out: a first run on the rest picks the epoch and
  // calibrates confidence on it, then the model is trained on all of the
  // training documents for that many epochs.
  double holdout_fraction = 0.1;
  uint64_t seed = 20250127;  // shuffles the documents each epoch
  // Features seen fewer times in the training data get no weights.
  int min_feature_count = 2;
  // Feature rows whose largest averaged weight is smaller are dropped from
  // the saved model.
  float prune_below = 0.02f;
};

// Trains on options.train_path (epoch chosen as NerTrainOptions says) and
// writes the model to options.output_path. Progress and scores go to `log`
// (may be null). Deterministic: equal inputs give byte-identical models
// (the model records no times or paths).
absl::Status TrainNerModel(const NerTrainOptions& options, std::ostream* log);

// The same on parsed documents. Without a held-out part of `train`, `dev`
// picks the epoch; if `dev` is empty too, the last epoch is kept and
// confidence is left uncalibrated.
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
