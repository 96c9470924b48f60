#include "plugins/entities/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iterator>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "plugins/entities/lexicon.h"
#include "plugins/entities/mention_finder.h"
#include "plugins/entities/token_view.h"

namespace loupe {
namespace {

using entities_internal::kNerLabelNames;
using entities_internal::kNerLabels;
using entities_internal::Lexicon;
using entities_internal::Mention;
using entities_internal::MentionFinder;
using entities_internal::NerDecoder;
using entities_internal::NerFeatures;
using entities_internal::NerWeights;
using entities_internal::TokenView;

// A document ready for training or scoring: its features, gold labels and
// the CoNLL sentence boundaries (for scoring).
struct Prepared {
  NerFeatures features;
  std::vector<uint8_t> gold;
  std::vector<uint32_t> conll_sentence_starts;
};

int LabelOf(const std::string& type, bool begin) {
  static constexpr const char* kClasses[] = {"PER", "ORG", "LOC", "MISC"};
  for (int c = 0; c < 4; ++c) {
    if (type == kClasses[c]) return 2 * (c + 1) - (begin ? 1 : 0);
  }
  return -1;
}

absl::Status Prepare(const conll::Document& doc, const Lexicon& lexicon,
                     MentionFinder* finder, Prepared* out) {
  const v1::Document document = conll::ToDocument(doc);
  TokenView tokens;
  tokens.Reset(document, lexicon.not_names);
  if (static_cast<int>(tokens.size()) != document.tokens_size()) {
    return absl::InvalidArgumentError("CoNLL document has unusable tokens");
  }
  std::vector<Mention> mentions;
  finder->Find(tokens, /*use_rules=*/false, &mentions);
  out->features.Extract(tokens, lexicon, mentions);
  out->gold.assign(tokens.size(), 0);
  uint32_t offset = 0;
  for (const conll::Sentence& sentence : doc.sentences) {
    out->conll_sentence_starts.push_back(offset);
    for (const conll::Chunk& chunk : conll::ChunksFromTags(sentence.tags)) {
      const int begin = LabelOf(chunk.type, true);
      if (begin < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("unknown CoNLL entity type ", chunk.type));
      }
      for (uint32_t k = chunk.begin; k < chunk.end; ++k) {
        out->gold[offset + k] = static_cast<uint8_t>(k == chunk.begin ? begin : begin + 1);
      }
    }
    offset += static_cast<uint32_t>(sentence.words.size());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Prepared>> PrepareAll(
    const std::vector<conll::Document>& docs) {
  absl::StatusOr<const Lexicon*> lexicon = entities_internal::BuiltinLexicon();
  if (!lexicon.ok()) return lexicon.status();
  MentionFinder finder(**lexicon);
  std::vector<Prepared> out(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    if (absl::Status s = Prepare(docs[d], **lexicon, &finder, &out[d]); !s.ok()) {
      return s;
    }
  }
  return out;
}

std::vector<std::string> Tags(const std::vector<uint8_t>& labels, size_t begin,
                              size_t end) {
  std::vector<std::string> tags;
  for (size_t i = begin; i < end; ++i) tags.push_back(kNerLabelNames[labels[i]]);
  return tags;
}

// Scores `weights` on prepared documents; if `margins_out` is not null,
// appends (smallest margin, correct) for each predicted chunk.
conll::Scorer Score(const NerWeights& weights, const std::vector<Prepared>& docs,
                    std::vector<std::pair<float, bool>>* margins_out) {
  conll::Scorer scorer;
  NerDecoder decoder;
  std::vector<uint8_t> labels;
  std::vector<float> margins;
  for (const Prepared& doc : docs) {
    entities_internal::TagDocument(weights, doc.features, &decoder, &labels,
                                   &margins);
    const size_t n = labels.size();
    for (size_t s = 0; s < doc.conll_sentence_starts.size(); ++s) {
      const size_t begin = doc.conll_sentence_starts[s];
      const size_t end =
          s + 1 < doc.conll_sentence_starts.size() ? doc.conll_sentence_starts[s + 1] : n;
      const std::vector<conll::Chunk> gold =
          conll::ChunksFromTags(Tags(doc.gold, begin, end));
      const std::vector<conll::Chunk> predicted =
          conll::ChunksFromTags(Tags(labels, begin, end));
      scorer.Add(gold, predicted);
      if (margins_out == nullptr) continue;
      for (const conll::Chunk& p : predicted) {
        float m = margins[begin + p.begin];
        for (uint32_t k = p.begin; k < p.end; ++k) m = std::min(m, margins[begin + k]);
        bool correct = false;
        for (const conll::Chunk& g : gold) correct |= g == p;
        margins_out->emplace_back(m, correct);
      }
    }
  }
  return scorer;
}

// Fits confidence = sigmoid(a * margin + b) to (margin, correct) pairs:
// logistic regression by Newton's method, with a small ridge so that
// separable samples still give finite weights.
void Calibrate(const std::vector<std::pair<float, bool>>& samples, NerWeights* w) {
  if (samples.empty()) return;
  constexpr double kRidge = 1e-3;
  double a = 0, b = 0;
  for (int iter = 0; iter < 50; ++iter) {
    double ga = kRidge * a, gb = kRidge * b;
    double haa = kRidge, hab = 0, hbb = kRidge;
    for (const auto& [m, correct] : samples) {
      const double p = 1 / (1 + std::exp(-(a * m + b)));
      const double err = p - (correct ? 1 : 0);
      const double v = p * (1 - p);
      ga += err * m;
      gb += err;
      haa += v * m * m;
      hab += v * m;
      hbb += v;
    }
    const double det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const double da = (hbb * ga - hab * gb) / det;
    const double db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (std::fabs(da) + std::fabs(db) < 1e-9) break;
  }
  w->confidence_a = static_cast<float>(a);
  w->confidence_b = static_cast<float>(b);
}

// One perceptron run over `train`: up to `epochs` epochs; if `select` is
// not empty, the averaged weights of the epoch scoring best on it are kept
// (else those of the last epoch). Sets *best_epoch and *best_f1 (0 without
// `select`).
NerWeights RunPerceptron(const std::vector<Prepared>& train,
                         const std::vector<Prepared>& select,
                         const NerTrainOptions& options, int epochs,
                         const char* select_name, std::ostream* log,
                         int* best_epoch_out, double* best_f1_out) {
  // Feature rows: static features seen often enough, and the history ones.
  absl::flat_hash_map<uint32_t, uint32_t> counts;
  for (const Prepared& doc : train) {
    for (size_t i = 0; i < doc.features.size(); ++i) {
      for (uint32_t key : doc.features.Keys(i)) ++counts[key];
    }
  }
  std::vector<uint32_t> keys;
  for (const auto& [key, count] : counts) {
    if (count >= static_cast<uint32_t>(options.min_feature_count)) keys.push_back(key);
  }
  for (int c = 0; c < entities_internal::kNerClasses; ++c) {
    keys.push_back(entities_internal::NerHistoryKey(c));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  NerWeights w;
  for (uint32_t key : keys) {
    w.rows.emplace(key, static_cast<uint32_t>(w.rows.size()));
  }
  w.weights.assign(keys.size() * kNerLabels, 0.f);
  if (log) {
    *log << "feature rows: " << keys.size() << " (of " << counts.size()
         << " distinct static features, plus history)\n";
  }

  // Averaged perceptron: total accumulates c * delta, so that the average
  // of the weights over all steps is w - total / c.
  std::vector<double> total(w.weights.size(), 0.0);
  std::vector<double> total_trans(w.transitions.size(), 0.0);
  double c = 1;
  auto update_row = [&](uint32_t key, int label, float delta) {
    auto it = w.rows.find(key);
    if (it == w.rows.end()) return;
    const size_t index = static_cast<size_t>(it->second) * kNerLabels + label;
    w.weights[index] += delta;
    total[index] += c * delta;
  };
  auto update_trans = [&](int previous, int label, float delta) {
    const size_t index = static_cast<size_t>(previous) * kNerLabels + label;
    w.transitions[index] += delta;
    total_trans[index] += c * delta;
  };
  auto averaged = [&]() {
    NerWeights avg = w;
    for (size_t i = 0; i < avg.weights.size(); ++i) {
      avg.weights[i] = static_cast<float>(w.weights[i] - total[i] / c);
    }
    for (size_t i = 0; i < avg.transitions.size(); ++i) {
      avg.transitions[i] = static_cast<float>(w.transitions[i] - total_trans[i] / c);
    }
    return avg;
  };

  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  NerDecoder decoder;
  std::vector<uint8_t> predicted;
  NerWeights best;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    // Fisher-Yates with raw engine output, identical on every platform.
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[rng() % i]);
    }
    int64_t mistakes = 0, tokens = 0;
    for (size_t d : order) {
      const Prepared& doc = train[d];
      const size_t n = doc.features.size();
      predicted.assign(n, 0);
      decoder.StartDocument();
      const std::vector<uint32_t>& starts = doc.features.sentence_starts();
      for (size_t s = 0; s < starts.size(); ++s) {
        const uint32_t begin = starts[s];
        const uint32_t end = s + 1 < starts.size() ? starts[s + 1] : static_cast<uint32_t>(n);
        decoder.Decode(w, doc.features, begin, end, predicted.data(), nullptr);
        tokens += end - begin;
        for (uint32_t i = begin; i < end; ++i) {
          const int g = doc.gold[i];
          const int p = predicted[i];
          const int gp = i == begin ? kNerLabels : doc.gold[i - 1];
          const int pp = i == begin ? kNerLabels : predicted[i - 1];
          if (g != p) {
            ++mistakes;
            for (uint32_t key : doc.features.Keys(i)) {
              update_row(key, g, 1);
              update_row(key, p, -1);
            }
            if (const uint32_t key = decoder.DynamicKey(i - begin)) {
              update_row(key, g, 1);
              update_row(key, p, -1);
            }
          }
          if (g != p || gp != pp) {
            update_trans(gp, g, 1);
            update_trans(pp, p, -1);
          }
        }
        decoder.Commit(doc.features, begin, end, predicted.data());
        c += 1;
      }
    }
    const bool last = epoch == epochs;
    if (select.empty()) {
      if (log) {
        *log << absl::StrFormat("epoch %2d: train token errors %.4f\n", epoch,
                                double(mistakes) / std::max<int64_t>(tokens, 1));
      }
      if (last) {
        best = averaged();
        best_epoch = epoch;
        best_f1 = 0;
      }
      continue;
    }
    NerWeights avg = averaged();
    const double f1 = Score(avg, select, nullptr).overall().F1();
    if (log) {
      *log << absl::StrFormat("epoch %2d: train token errors %.4f, %s F1 %.4f\n",
                              epoch, double(mistakes) / std::max<int64_t>(tokens, 1),
                              select_name, f1);
    }
    if (f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best = std::move(avg);
    }
  }
  *best_epoch_out = best_epoch;
  *best_f1_out = best_f1;
  return best;
}

}  // namespace

absl::StatusOr<conll::Scorer> EvaluateNerWeights(
    const NerWeights& weights, const std::vector<conll::Document>& docs) {
  absl::StatusOr<std::vector<Prepared>> prepared = PrepareAll(docs);
  if (!prepared.ok()) return prepared.status();
  return Score(weights, *prepared, nullptr);
}

absl::StatusOr<plugins::NerModel> TrainNerModelOnDocuments(
    const std::vector<conll::Document>& train,
    const std::vector<conll::Document>& dev, const NerTrainOptions& options,
    std::ostream* log) {
  if (!(options.holdout_fraction >= 0 && options.holdout_fraction < 1)) {
    return absl::InvalidArgumentError("holdout_fraction must be in [0, 1)");
  }
  if (options.epochs < 1) return absl::InvalidArgumentError("epochs must be >= 1");
  absl::StatusOr<std::vector<Prepared>> train_docs = PrepareAll(train);
  if (!train_docs.ok()) return train_docs.status();
  absl::StatusOr<std::vector<Prepared>> dev_docs = PrepareAll(dev);
  if (!dev_docs.ok()) return dev_docs.status();

  const size_t held = static_cast<size_t>(
      std::ceil(options.holdout_fraction * train_docs->size()));
  NerWeights best;
  int best_epoch = 0;
  double best_f1 = 0;
  std::vector<std::pair<float, bool>> samples;
  if (held > 0 && held < train_docs->size()) {
    // Pick the epoch and calibrate on the held-out tail of train, then
    // retrain on all of it for that many epochs.
    std::vector<Prepared> fit(std::make_move_iterator(train_docs->begin()),
                              std::make_move_iterator(train_docs->end() - held));
    std::vector<Prepared> holdout(std::make_move_iterator(train_docs->end() - held),
                                  std::make_move_iterator(train_docs->end()));
    if (log) {
      *log << "selecting the epoch on " << holdout.size() << " of "
           << train_docs->size() << " training documents held out\n";
    }
    NerWeights selected = RunPerceptron(fit, holdout, options, options.epochs,
                                        "held-out", log, &best_epoch, &best_f1);
    Score(selected, holdout, &samples);
    Calibrate(samples, &selected);
    for (Prepared& doc : holdout) fit.push_back(std::move(doc));
    if (log) {
      *log << "retraining on all training documents for " << best_epoch
           << " epochs\n";
    }
    int unused_epoch = 0;
    double unused_f1 = 0;
    best = RunPerceptron(fit, {}, options, best_epoch, "", log, &unused_epoch,
                         &unused_f1);
    best.confidence_a = selected.confidence_a;
    best.confidence_b = selected.confidence_b;
  } else {
    best = RunPerceptron(*train_docs, *dev_docs, options, options.epochs, "dev",
                         log, &best_epoch, &best_f1);
    if (!dev_docs->empty()) {
      Score(best, *dev_docs, &samples);
      Calibrate(samples, &best);
    }
  }
  plugins::NerModel model = MakeNerModel(best, options.prune_below);
  plugins::TrainingInfo* info = model.mutable_training();
  info->set_epochs(options.epochs);
  info->set_best_epoch(best_epoch);
  info->set_seed(options.seed);
  info->set_min_feature_count(options.min_feature_count);
  info->set_dev_f1(best_f1);
  info->set_holdout_fraction(held > 0 ? options.holdout_fraction : 0);
  if (log) {
    *log << absl::StrFormat(
        "best epoch %d (selection F1 %.4f); saved %d of %d feature rows, "
        "confidence a=%.4f b=%.4f\n",
        best_epoch, best_f1, model.feature_keys_size(), best.rows.size(),
        best.confidence_a, best.confidence_b);
  }
  return model;
}

absl::Status TrainNerModel(const NerTrainOptions& options, std::ostream* log) {
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::vector<conll::Document>> train = conll::ReadFile(options.train_path);
  if (!train.ok()) return train.status();
  std::vector<conll::Document> dev;
  if (!options.dev_path.empty()) {
    absl::StatusOr<std::vector<conll::Document>> read = conll::ReadFile(options.dev_path);
    if (!read.ok()) return read.status();
    dev = *std::move(read);
  }
  absl::StatusOr<plugins::NerModel> model =
      TrainNerModelOnDocuments(*train, dev, options, log);
  if (!model.ok()) return model.status();
  auto base_name = [](const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  };
  model->mutable_training()->set_train_file(base_name(options.train_path));
  model->mutable_training()->set_dev_file(base_name(options.dev_path));
  // The saved (pruned, quantized) model is what ships: score it too.
  if (!dev.empty()) {
    NerWeights loaded;
    if (absl::Status s = entities_internal::LoadNerModel(
            model->SerializeAsString(), &loaded);
        !s.ok()) {
      return s;
    }
    absl::StatusOr<conll::Scorer> scores = EvaluateNerWeights(loaded, dev);
    if (!scores.ok()) return scores.status();
    if (log) {
      const bool held_out = model->training().holdout_fraction() > 0;
      *log << "saved model on " << model->training().dev_file() << " (tagger alone, "
           << (held_out ? "not used for selection" : "also used for selection")
           << "):\n"
           << scores->Format();
    }
  }
  std::ofstream out(options.output_path, std::ios::binary);
  if (!out || !model->SerializeToOstream(&out)) {
    return absl::InternalError(absl::StrCat("cannot write ", options.output_path));
  }
  out.close();
  if (log) {
    *log << absl::StrFormat(
        "wrote %s (%d bytes) in %.1f s\n", options.output_path,
        model->ByteSizeLong(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
  }
  return absl::OkStatus();
}

}  // namespace loupe
