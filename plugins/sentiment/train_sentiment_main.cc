// loupe_train_sentiment: trains the sentence model of data/sentence_model.tsv
// (see SentenceModel in lexicon.h) on VADER's human-rated snippets
// (Hutto & Gilbert, ICWSM 2014; MIT), and reports how well it generalizes.
//
//   loupe_train_sentiment [--data DIR] [--out FILE] [--min-df N]
//
// Procedure (deterministic):
//   1. Each snippet is segmented and scored by the rules (the word lists
//      without any model); its features are the mean over its sentences of
//      the dense features and of each word's context factor.
//   2. Ridge regression of the raters' mean / 4: the dense weights are
//      unpenalized (least squares), the word weights have an L2 penalty
//      lambda; block coordinate descent.
//   3. lambda is chosen by 5-fold cross-validation on the TRAINING files
//      only (tweets, movie reviews, Amazon reviews); the NYT editorials are
//      never used for training or for choosing lambda, so their figures are
//      held out.
//   4. The final model is trained on all three training files and written
//      to --out. Also printed: 5-fold cross-validation within each file
//      (train and test on folds of that file alone), for reference.
//
// Exit codes: 0 done, 1 unreadable data or pipeline error, 2 usage.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "loupe/pipeline.h"
#include "loupe/registry.h"
#include "plugins/builtin_plugins.h"
#include "plugins/sentiment/lexicon.h"
#include "plugins/sentiment/rated_snippets.h"
#include "plugins/sentiment/sentence_scorer.h"

namespace loupe::sentiment_internal {
namespace {

namespace fs = std::filesystem;

constexpr int kDense = 6;  // bias, compound, positive, negative, ?, !
constexpr const char* kDenseNames[kDense] = {
    "@bias", "@compound", "@positive", "@negative", "@question", "@exclaim"};
constexpr int kFolds = 5;
constexpr int kRounds = 25;
constexpr double kLambdas[] = {1, 3, 10, 30, 100};

struct DataFile {
  const char* name;
  const char* short_name;
  bool train;
};
constexpr DataFile kFiles[] = {
    {"tweets_GroundTruth.txt", "tweets", true},
    {"movieReviewSnippets_GroundTruth.txt", "movie", true},
    {"amazonReviewSnippets_GroundTruth.txt", "amazon", true},
    {"nytEditorialSnippets_GroundTruth.txt", "nyt", false},
};

struct Example {
  double target = 0;  // mean rating / 4
  double dense[kDense] = {};
  std::vector<std::pair<uint32_t, float>> words;  // word id, mean context
  int file = 0;
  float rules_score = 0;  // the rules-only document score, for comparison
};

struct Model {
  double dense[kDense] = {};
  std::vector<double> words;  // by word id
};

double Predict(const Model& model, const Example& e) {
  double y = 0;
  for (int k = 0; k < kDense; ++k) y += model.dense[k] * e.dense[k];
  for (const auto& [id, x] : e.words) y += model.words[id] * x;
  return std::clamp(y, -1.0, 1.0);
}

// Solves a (kDense x kDense) system in place by Gaussian elimination with
// partial pivoting; a tiny ridge keeps it regular.
void SolveDense(double a[kDense][kDense], double b[kDense], double* x) {
  for (int k = 0; k < kDense; ++k) a[k][k] += 1e-6;
  for (int c = 0; c < kDense; ++c) {
    int pivot = c;
    for (int r = c + 1; r < kDense; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (int r = c + 1; r < kDense; ++r) {
      const double f = a[r][c] / a[c][c];
      for (int k = c; k < kDense; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  for (int r = kDense - 1; r >= 0; --r) {
    double s = b[r];
    for (int k = r + 1; k < kDense; ++k) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
}

Model Train(const std::vector<Example>& examples,
            const std::vector<size_t>& rows, size_t vocabulary, double lambda,
            int min_df) {
  Model model;
  model.words.assign(vocabulary, 0.0);
  // Column index of the word features, for words in >= min_df rows.
  std::vector<int> df(vocabulary, 0);
  for (size_t r : rows) {
    for (const auto& [id, x] : examples[r].words) ++df[id];
  }
  std::vector<std::vector<std::pair<uint32_t, float>>> columns(vocabulary);
  for (uint32_t i = 0; i < rows.size(); ++i) {
    for (const auto& [id, x] : examples[rows[i]].words) {
      if (df[id] >= min_df) columns[id].push_back({i, x});
    }
  }
  std::vector<double> word_part(rows.size(), 0.0);  // sum of word terms
  std::vector<double> residual(rows.size());
  for (int round = 0; round < kRounds; ++round) {
    // Dense weights: least squares on target - word part.
    double a[kDense][kDense] = {};
    double b[kDense] = {};
    for (size_t i = 0; i < rows.size(); ++i) {
      const Example& e = examples[rows[i]];
      const double t = e.target - word_part[i];
      for (int p = 0; p < kDense; ++p) {
        b[p] += e.dense[p] * t;
        for (int q = 0; q < kDense; ++q) a[p][q] += e.dense[p] * e.dense[q];
      }
    }
    SolveDense(a, b, model.dense);
    for (size_t i = 0; i < rows.size(); ++i) {
      const Example& e = examples[rows[i]];
      double dense = 0;
      for (int k = 0; k < kDense; ++k) dense += model.dense[k] * e.dense[k];
      residual[i] = e.target - dense - word_part[i];
    }
    // One sweep of exact coordinate updates over the word weights.
    for (size_t id = 0; id < vocabulary; ++id) {
      if (columns[id].empty()) continue;
      double xx = 0, xr = 0;
      const double old = model.words[id];
      for (const auto& [i, x] : columns[id]) {
        xx += x * x;
        xr += x * (residual[i] + x * old);
      }
      const double updated = xr / (xx + lambda);
      const double delta = updated - old;
      if (delta == 0) continue;
      model.words[id] = updated;
      for (const auto& [i, x] : columns[id]) {
        residual[i] -= x * delta;
        word_part[i] += x * delta;
      }
    }
  }
  return model;
}

// 5-fold cross-validation over `rows`; fills per-row predictions.
void CrossValidate(const std::vector<Example>& examples,
                   const std::vector<size_t>& rows, size_t vocabulary,
                   double lambda, int min_df,
                   std::vector<double>* predictions) {
  predictions->assign(examples.size(), 0.0);
  for (int fold = 0; fold < kFolds; ++fold) {
    std::vector<size_t> train, test;
    for (size_t i = 0; i < rows.size(); ++i) {
      (static_cast<int>(i % kFolds) == fold ? test : train).push_back(rows[i]);
    }
    const Model model = Train(examples, train, vocabulary, lambda, min_df);
    for (size_t r : test) (*predictions)[r] = Predict(model, examples[r]);
  }
}

double RowsPearson(const std::vector<Example>& examples,
                   const std::vector<size_t>& rows,
                   const std::vector<double>& predictions) {
  std::vector<double> x, y;
  for (size_t r : rows) {
    x.push_back(examples[r].target);
    y.push_back(predictions[r]);
  }
  return Pearson(x, y);
}

int Run(int argc, char** argv) {
  std::string data_dir;
  std::string out_path;
  int min_df = 3;
  bool lexicon_words_only = false;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--data" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (arg == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (arg == "--lexicon-words-only") {
      lexicon_words_only = true;
    } else if (arg == "--min-df" && i + 1 < argc &&
               absl::SimpleAtoi(argv[i + 1], &min_df)) {
      ++i;
    } else {
      std::cerr << "usage: loupe_train_sentiment --data DIR [--out FILE] "
                   "[--min-df N]\n";
      return 2;
    }
  }
  if (data_dir.empty()) {
    std::cerr << "--data DIR (the vader_groundtruth folder) is required\n";
    return 2;
  }

  absl::StatusOr<SentimentLexicon> lexicon =
      SentimentLexicon::EmbeddedWithoutModel();
  if (!lexicon.ok()) {
    std::cerr << lexicon.status() << "\n";
    return 1;
  }
  PluginRegistry registry;
  if (absl::Status s = RegisterBuiltinPlugins(&registry); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }
  v1::PipelineConfig config;
  config.add_plugin()->set_id("segmenter");
  absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(config, registry);
  if (!pipeline.ok()) {
    std::cerr << pipeline.status() << "\n";
    return 1;
  }

  SentenceScorer scorer(&*lexicon);
  TokenScores token_scores;
  std::vector<Example> examples;
  absl::flat_hash_map<std::string, uint32_t> vocabulary;
  std::vector<std::string> words;
  std::string word;
  std::vector<uint8_t> skipped;
  absl::flat_hash_map<uint32_t, float> sums;
  for (int f = 0; f < static_cast<int>(std::size(kFiles)); ++f) {
    const fs::path path = fs::path(data_dir) / kFiles[f].name;
    absl::StatusOr<std::vector<RatedSnippet>> snippets =
        ReadRatedSnippets(path.string());
    if (!snippets.ok()) {
      std::cerr << snippets.status().message() << "\n";
      return 1;
    }
    for (const RatedSnippet& snippet : *snippets) {
      Example e;
      e.target = snippet.mean / 4;
      e.file = f;
      absl::StatusOr<v1::Document> doc =
          (*pipeline)->Analyze(snippet.id, snippet.text);
      if (!doc.ok()) continue;
      const uint32_t token_count = static_cast<uint32_t>(doc->tokens_size());
      skipped.assign(token_count, 0);
      sums.clear();
      int sentences = 0;
      double rules_sum = 0;
      for (const v1::Sentence& sentence : doc->sentences()) {
        if (sentence.boilerplate()) continue;
        const uint32_t end = std::min(sentence.token_end(), token_count);
        const uint32_t begin = std::min(sentence.token_begin(), end);
        const SentenceScore s =
            scorer.Score(*doc, begin, end, skipped, &token_scores);
        ++sentences;
        rules_sum += s.score;
        const double dense[kDense] = {
            1.0, s.score, s.positive, s.negative,
            static_cast<double>(s.questions > 0),
            static_cast<double>(std::min(s.exclamations, 4))};
        for (int k = 0; k < kDense; ++k) e.dense[k] += dense[k];
        for (uint32_t t = begin; t < end; ++t) {
          const float context = token_scores.context[t - begin];
          if (context == 0) continue;
          const v1::Token& token = doc->tokens(static_cast<int>(t));
          NormalizeLexiconWord(
              absl::string_view(doc->text())
                  .substr(token.span().byte_begin(),
                          token.span().byte_end() - token.span().byte_begin()),
              &word);
          const LexiconEntry* entry = lexicon->Find(word);
          if (entry != nullptr &&
              (entry->curated || entry->modifier != ModifierKind::kNone)) {
            continue;
          }
          if (lexicon_words_only && (entry == nullptr || !entry->has_valence)) {
            continue;
          }
          auto [it, inserted] = vocabulary.try_emplace(
              word, static_cast<uint32_t>(words.size()));
          if (inserted) words.push_back(word);
          sums[it->second] += context;
        }
      }
      if (sentences == 0) continue;
      for (double& d : e.dense) d /= sentences;
      e.rules_score = static_cast<float>(rules_sum / sentences);
      for (const auto& [id, x] : sums) {
        e.words.push_back({id, x / static_cast<float>(sentences)});
      }
      std::sort(e.words.begin(), e.words.end());
      examples.push_back(std::move(e));
    }
  }

  std::vector<size_t> train_rows, test_rows;
  std::vector<std::vector<size_t>> file_rows(std::size(kFiles));
  for (size_t r = 0; r < examples.size(); ++r) {
    file_rows[examples[r].file].push_back(r);
    (kFiles[examples[r].file].train ? train_rows : test_rows).push_back(r);
  }
  std::vector<double> rules(examples.size());
  for (size_t r = 0; r < examples.size(); ++r) {
    rules[r] = examples[r].rules_score;
  }
  std::cout << "rules only (no model), Pearson r:";
  for (size_t f = 0; f < std::size(kFiles); ++f) {
    std::cout << absl::StrFormat(" %s %.3f", kFiles[f].short_name,
                                 RowsPearson(examples, file_rows[f], rules));
  }
  std::cout << absl::StrFormat("\n%zu snippets, %zu distinct words\n",
                               examples.size(), words.size());

  // Choose lambda by cross-validation over the training files only.
  double best_lambda = kLambdas[0];
  double best_r = -2;
  std::vector<double> predictions;
  for (double lambda : kLambdas) {
    CrossValidate(examples, train_rows, words.size(), lambda, min_df,
                  &predictions);
    double mean_r = 0;
    std::cout << absl::StrFormat("lambda %5g  5-fold CV on training files:",
                                 lambda);
    int n = 0;
    for (size_t f = 0; f < std::size(kFiles); ++f) {
      if (!kFiles[f].train) continue;
      const double r = RowsPearson(examples, file_rows[f], predictions);
      std::cout << absl::StrFormat(" %s %.3f", kFiles[f].short_name, r);
      mean_r += r;
      ++n;
    }
    mean_r /= n;
    std::cout << absl::StrFormat("  mean %.3f\n", mean_r);
    if (mean_r > best_r) {
      best_r = mean_r;
      best_lambda = lambda;
    }
  }

  const Model model =
      Train(examples, train_rows, words.size(), best_lambda, min_df);
  predictions.assign(examples.size(), 0.0);
  for (size_t r : test_rows) predictions[r] = Predict(model, examples[r]);
  std::cout << absl::StrFormat(
      "chosen lambda %g; trained on tweets+movie+amazon; held-out NYT "
      "Pearson r %.3f\n",
      best_lambda, RowsPearson(examples, test_rows, predictions));
  std::cout << "for reference, 5-fold CV within each file alone:";
  for (size_t f = 0; f < std::size(kFiles); ++f) {
    CrossValidate(examples, file_rows[f], words.size(), best_lambda, min_df,
                  &predictions);
    std::cout << absl::StrFormat(" %s %.3f", kFiles[f].short_name,
                                 RowsPearson(examples, file_rows[f],
                                             predictions));
  }
  std::cout << "\n";

  if (out_path.empty()) return 0;
  std::ofstream out(out_path, std::ios::binary);
  if (!out) {
    std::cerr << "cannot write " << out_path << "\n";
    return 1;
  }
  out << "# Loupe's learned sentence model; written by loupe_train_sentiment "
         "(see data/README.md).\n"
      << absl::StrFormat(
             "# Trained on VADER's tweets, movie and Amazon snippets (MIT); "
             "lambda %g, min df %d.\n",
             best_lambda, min_df)
      << "# @feature<TAB>weight, then word<TAB>weight by decreasing |weight|.\n";
  for (int k = 0; k < kDense; ++k) {
    out << absl::StrFormat("%s\t%.6g\n", kDenseNames[k], model.dense[k]);
  }
  std::vector<uint32_t> order;
  for (uint32_t id = 0; id < words.size(); ++id) {
    if (std::abs(model.words[id]) >= 1e-3) order.push_back(id);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const double wa = std::abs(model.words[a]), wb = std::abs(model.words[b]);
    return wa != wb ? wa > wb : words[a] < words[b];
  });
  for (uint32_t id : order) {
    out << absl::StrFormat("%s\t%.4g\n", words[id], model.words[id]);
  }
  std::cout << absl::StrFormat("wrote %zu word weights to %s\n", order.size(),
                               out_path);
  return 0;
}

}  // namespace
}  // namespace loupe::sentiment_internal

int main(int argc, char** argv) {
  return loupe::sentiment_internal::Run(argc, argv);
}
