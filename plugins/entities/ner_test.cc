// Tests of the tagger's parts: CoNLL reading and scoring, the model format,
// word clusters, training on a small invented corpus, held-out epoch
// selection, determinism, and the canonicalizer's type unification.
#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "plugins/entities/canonicalizer.h"
#include "plugins/entities/conll.h"
#include "plugins/entities/entities.h"
#include "plugins/entities/lexicon.h"
#include "plugins/entities/ner_features.h"
#include "plugins/entities/ner_tagger.h"
#include "plugins/entities/ner_trainer.h"
#include "plugins/entities/token_view.h"
#include "plugins/entities/word_clusters.h"

namespace loupe {
namespace {

using entities_internal::LoadNerModel;
using entities_internal::MakeNerModel;
using entities_internal::NerWeights;

TEST(ConllTest, ParsesDocumentsAndSentences) {
  absl::StatusOr<std::vector<conll::Document>> docs = conll::Parse(
      "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nsmiled VBD B-VP O\n\n"
      "Bo NNP B-NP B-PER\n\n-DOCSTART- -X- O O\n\nOslo NNP B-NP B-LOC\n");
  ASSERT_TRUE(docs.ok()) << docs.status();
  ASSERT_EQ(docs->size(), 2u);
  ASSERT_EQ((*docs)[0].sentences.size(), 2u);
  EXPECT_EQ((*docs)[0].sentences[0].words[1], "smiled");
  EXPECT_EQ((*docs)[0].sentences[0].tags[0], "B-PER");
  EXPECT_EQ((*docs)[1].sentences[0].tags[0], "B-LOC");
  EXPECT_FALSE(conll::Parse("lonely\n").ok());
}

TEST(ConllTest, ToDocumentKeepsTokensAndSentences) {
  conll::Document doc;
  doc.sentences.push_back({{"Anna", "paid", "5", "."}, {"B-PER", "O", "O", "O"}});
  doc.sentences.push_back({{"Bo"}, {"B-PER"}});
  const v1::Document d = conll::ToDocument(doc);
  EXPECT_EQ(d.text(), "Anna paid 5 .\nBo");
  ASSERT_EQ(d.tokens_size(), 5);
  EXPECT_EQ(d.tokens(2).kind(), v1::Token::NUMBER);
  EXPECT_EQ(d.tokens(3).kind(), v1::Token::PUNCTUATION);
  EXPECT_EQ(d.tokens(4).span().byte_begin(), 14u);
  ASSERT_EQ(d.sentences_size(), 2);
  EXPECT_EQ(d.sentences(1).token_begin(), 4u);
}

TEST(ConllTest, ChunksFollowConllevalRules) {
  const std::vector<conll::Chunk> chunks = conll::ChunksFromTags(
      {"B-PER", "I-PER", "I-ORG", "O", "I-LOC", "B-LOC", "I-LOC"});
  ASSERT_EQ(chunks.size(), 4u);
  EXPECT_EQ(chunks[0], (conll::Chunk{0, 2, "PER"}));
  EXPECT_EQ(chunks[1], (conll::Chunk{2, 3, "ORG"}));  // I- after another type
  EXPECT_EQ(chunks[2], (conll::Chunk{4, 5, "LOC"}));  // I- after O
  EXPECT_EQ(chunks[3], (conll::Chunk{5, 7, "LOC"}));
}

TEST(ConllTest, ScorerCountsExactMatchesOnly) {
  conll::Scorer scorer;
  scorer.Add({{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 2, "PER"}, {3, 4, "ORG"}});
  EXPECT_EQ(scorer.overall().correct, 1);
  EXPECT_DOUBLE_EQ(scorer.overall().Precision(), 0.5);
  EXPECT_DOUBLE_EQ(scorer.overall().Recall(), 0.5);
  EXPECT_EQ(scorer.by_type().at("ORG").correct, 0);
  EXPECT_EQ(scorer.by_type().at("PER").correct, 1);
  EXPECT_NE(scorer.Format().find("overall"), std::string::npos);
}

TEST(NerModelTest, RoundTripKeepsWeightsWithinQuantization) {
  NerWeights w;
  w.rows = {{17u, 0u}, {99u, 1u}, {5u, 2u}};
  w.weights.assign(3 * entities_internal::kNerLabels, 0.f);
  w.weights[0] = 1.5f;
  w.weights[entities_internal::kNerLabels + 3] = -2.25f;
  w.weights[2 * entities_internal::kNerLabels + 1] = 0.001f;  // pruned
  w.transitions[4] = 0.75f;
  w.confidence_a = 2.f;
  w.confidence_b = -1.f;
  const plugins::NerModel model = MakeNerModel(w, 0.01f);
  EXPECT_EQ(model.feature_keys_size(), 2);
  NerWeights loaded;
  ASSERT_TRUE(LoadNerModel(model.SerializeAsString(), &loaded).ok());
  ASSERT_NE(loaded.Row(17), nullptr);
  EXPECT_NEAR(loaded.Row(17)[0], 1.5f, 1e-3);
  EXPECT_NEAR(loaded.Row(99)[3], -2.25f, 1e-3);
  EXPECT_EQ(loaded.Row(5), nullptr);
  EXPECT_FLOAT_EQ(loaded.transitions[4], 0.75f);
  EXPECT_FLOAT_EQ(loaded.confidence_a, 2.f);

  plugins::NerModel stale = model;
  stale.set_feature_version(entities_internal::kNerFeatureVersion + 1);
  EXPECT_FALSE(LoadNerModel(stale.SerializeAsString(), &loaded).ok());
  plugins::NerModel truncated = model;
  truncated.mutable_weights()->pop_back();
  EXPECT_FALSE(LoadNerModel(truncated.SerializeAsString(), &loaded).ok());
  EXPECT_FALSE(LoadNerModel("\xff\xff garbage", &loaded).ok());
}

// An invented corpus: people say things, companies open offices in towns.
std::vector<conll::Document> TinyCorpus(int copies) {
  const char* kPeople[] = {"Alma", "Boris", "Cleo", "Dario", "Edda", "Fumi"};
  const char* kCompanies[] = {"Zentrix", "Quorbit", "Valmora", "Pexlon"};
  const char* kTowns[] = {"Lindholm", "Marovia", "Tessaro", "Kurdan"};
  std::vector<conll::Document> docs;
  for (int c = 0; c < copies; ++c) {
    conll::Document doc;
    const std::string person = kPeople[c % 6];
    const std::string company = kCompanies[c % 4];
    const std::string town = kTowns[(c / 2) % 4];
    doc.sentences.push_back({{person, "Vance", "said", "that", company, "will",
                             "open", "an", "office", "in", town, "."},
                            {"B-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "O",
                             "O", "O", "B-LOC", "O"}});
    doc.sentences.push_back({{"The", "office", "in", town, "is", "new", "."},
                            {"O", "O", "O", "B-LOC", "O", "O", "O"}});
    docs.push_back(std::move(doc));
  }
  return docs;
}

TEST(NerTrainerTest, LearnsTinyCorpusAndIsDeterministic) {
  NerTrainOptions options;
  options.epochs = 5;
  options.min_feature_count = 1;
  options.prune_below = 0;
  const std::vector<conll::Document> train = TinyCorpus(40);
  absl::StatusOr<plugins::NerModel> model =
      TrainNerModelOnDocuments(train, {}, options, nullptr);
  ASSERT_TRUE(model.ok()) << model.status();
  NerWeights weights;
  ASSERT_TRUE(LoadNerModel(model->SerializeAsString(), &weights).ok());
  absl::StatusOr<conll::Scorer> scores = EvaluateNerWeights(weights, TinyCorpus(12));
  ASSERT_TRUE(scores.ok());
  EXPECT_GE(scores->overall().F1(), 0.95) << scores->Format();

  // Byte-identical: the model records no time.
  absl::StatusOr<plugins::NerModel> again =
      TrainNerModelOnDocuments(train, {}, options, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->SerializeAsString(), model->SerializeAsString());

  options.seed += 1;
  absl::StatusOr<plugins::NerModel> other =
      TrainNerModelOnDocuments(train, {}, options, nullptr);
  ASSERT_TRUE(other.ok());
  NerWeights other_weights;
  ASSERT_TRUE(LoadNerModel(other->SerializeAsString(), &other_weights).ok());
  scores = EvaluateNerWeights(other_weights, TinyCorpus(12));
  ASSERT_TRUE(scores.ok());
  EXPECT_GE(scores->overall().F1(), 0.95) << scores->Format();
}

TEST(NerTrainerTest, HoldoutPicksTheEpochAndCalibrates) {
  NerTrainOptions options;
  options.epochs = 6;
  options.min_feature_count = 1;
  options.holdout_fraction = 0.25;
  const std::vector<conll::Document> train = TinyCorpus(40);
  // A dev set that would score badly: with a held-out part it must not
  // influence the model at all.
  std::vector<conll::Document> dev = TinyCorpus(4);
  for (conll::Document& doc : dev) {
    for (conll::Sentence& sentence : doc.sentences) {
      for (std::string& tag : sentence.tags) tag = "O";
    }
  }
  absl::StatusOr<plugins::NerModel> with_dev =
      TrainNerModelOnDocuments(train, dev, options, nullptr);
  ASSERT_TRUE(with_dev.ok()) << with_dev.status();
  absl::StatusOr<plugins::NerModel> without_dev =
      TrainNerModelOnDocuments(train, {}, options, nullptr);
  ASSERT_TRUE(without_dev.ok());
  EXPECT_EQ(with_dev->SerializeAsString(), without_dev->SerializeAsString());
  EXPECT_DOUBLE_EQ(with_dev->training().holdout_fraction(), 0.25);
  EXPECT_GE(with_dev->training().best_epoch(), 1u);
  EXPECT_LE(with_dev->training().best_epoch(), 6u);
  EXPECT_GT(with_dev->training().dev_f1(), 0.9);
  // Calibrated on held-out predictions that are all right: a larger margin
  // never means less confidence, and the fit stays finite.
  EXPECT_GE(with_dev->confidence_a(), 0.f);
  EXPECT_TRUE(std::isfinite(with_dev->confidence_a()));
  EXPECT_TRUE(std::isfinite(with_dev->confidence_b()));

  // Without a held-out part, dev picks the epoch, so the model differs.
  options.holdout_fraction = 0;
  absl::StatusOr<plugins::NerModel> on_dev =
      TrainNerModelOnDocuments(train, dev, options, nullptr);
  ASSERT_TRUE(on_dev.ok());
  EXPECT_DOUBLE_EQ(on_dev->training().holdout_fraction(), 0);
  EXPECT_NE(on_dev->SerializeAsString(), with_dev->SerializeAsString());

  options.holdout_fraction = 1;
  EXPECT_FALSE(TrainNerModelOnDocuments(train, {}, options, nullptr).ok());
  options.holdout_fraction = 0.1;
  options.epochs = 0;
  EXPECT_FALSE(TrainNerModelOnDocuments(train, {}, options, nullptr).ok());
}

TEST(WordClustersTest, FormFoldsCaseAndDigits) {
  std::string form;
  entities_internal::AppendClusterForm("McKinsey1996", &form);
  EXPECT_EQ(form, "mckinsey0000");
  form.clear();
  entities_internal::AppendClusterForm("Zürich", &form);
  EXPECT_EQ(form, "zürich");
}

TEST(WordClustersTest, ParsesTableAndRejectsBadLines) {
  entities_internal::WordClusters clusters;
  ASSERT_TRUE(clusters.Parse("# comment\nalpha\t3\t1\nbeta\t0\t0\n").ok());
  EXPECT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters.Find(entities_internal::NerHash("alpha")).fine, 4);
  EXPECT_EQ(clusters.Find(entities_internal::NerHash("alpha")).coarse, 2);
  EXPECT_EQ(clusters.Find(entities_internal::NerHash("gamma")).fine, 0);
  EXPECT_FALSE(clusters.Parse("alpha\t3\n").ok());
  EXPECT_FALSE(clusters.Parse("alpha\tx\t1\n").ok());
  EXPECT_FALSE(clusters.Parse("alpha\t70000\t1\n").ok());
}

TEST(WordClustersTest, WordsInTheSameContextsShareACluster) {
  // Invented text: towns follow "in" and precede "today"; animals follow
  // "the" and precede "sat"/"ran".
  std::vector<std::vector<std::string>> sentences;
  const char* kTowns[] = {"Lindholm", "Marovia", "Tessaro"};
  const char* kAnimals[] = {"cat", "dog", "owl"};
  for (int i = 0; i < 30; ++i) {
    sentences.push_back({"we", "met", "in", kTowns[i % 3], "today", "."});
    sentences.push_back({"the", kAnimals[i % 3], i % 2 ? "sat" : "ran", "."});
  }
  entities_internal::WordClusterOptions options;
  options.min_count = 5;
  options.context_words = 20;
  options.fine_clusters = 12;
  options.coarse_clusters = 3;
  const std::string table = entities_internal::BuildWordClusters(sentences, options);
  EXPECT_EQ(table, entities_internal::BuildWordClusters(sentences, options));
  entities_internal::WordClusters clusters;
  ASSERT_TRUE(clusters.Parse(table).ok()) << table;
  auto cluster = [&](absl::string_view form) {
    return clusters.Find(entities_internal::NerHash(form)).fine;
  };
  ASSERT_NE(cluster("lindholm"), 0) << table;
  EXPECT_EQ(cluster("lindholm"), cluster("marovia")) << table;
  EXPECT_EQ(cluster("lindholm"), cluster("tessaro")) << table;
  EXPECT_EQ(cluster("cat"), cluster("owl")) << table;
  EXPECT_NE(cluster("cat"), cluster("lindholm")) << table;
  EXPECT_TRUE(entities_internal::BuildWordClusters({}, options).empty());
}

TEST(WordClustersTest, BuiltinTableIsLoaded) {
  absl::StatusOr<const entities_internal::Lexicon*> lexicon =
      entities_internal::BuiltinLexicon();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  EXPECT_GT((*lexicon)->clusters.size(), 1000u);
  const auto monday = (*lexicon)->clusters.Find(entities_internal::NerHash("monday"));
  const auto friday = (*lexicon)->clusters.Find(entities_internal::NerHash("friday"));
  EXPECT_NE(monday.fine, 0);
  EXPECT_EQ(monday.fine, friday.fine);
}

// One name typed differently in two places keeps both types unless asked
// to unify them.
TEST(CanonicalizerTest, UnifiesTypesOnlyWhenAsked) {
  absl::StatusOr<const entities_internal::Lexicon*> lexicon =
      entities_internal::BuiltinLexicon();
  ASSERT_TRUE(lexicon.ok());
  conll::Document source;
  source.sentences.push_back({{"Brennvik", "won", "in", "Brennvik", "."},
                              {"B-ORG", "O", "O", "B-LOC", "O"}});
  const v1::Document doc = conll::ToDocument(source);
  entities_internal::TokenView tokens;
  tokens.Reset(doc, (*lexicon)->not_names);
  auto mentions = [&]() {
    std::vector<entities_internal::Mention> out(2);
    for (int k = 0; k < 2; ++k) {
      const uint32_t t = k == 0 ? 0 : 3;
      out[k].token_begin = t;
      out[k].token_end = t + 1;
      out[k].byte_begin = doc.tokens(t).span().byte_begin();
      out[k].byte_end = doc.tokens(t).span().byte_end();
    }
    out[0].type = v1::Entity::ORG;
    out[0].confidence = 0.9f;
    out[1].type = v1::Entity::GPE;
    out[1].confidence = 0.6f;
    return out;
  };
  entities_internal::Canonicalizer canonicalizer(**lexicon);
  std::vector<entities_internal::Mention> kept = mentions();
  canonicalizer.Canonicalize(tokens, &kept, /*unify_types=*/false);
  EXPECT_EQ(kept[0].type, v1::Entity::ORG);
  EXPECT_EQ(kept[1].type, v1::Entity::GPE);
  EXPECT_EQ(kept[0].canonical, kept[1].canonical);
  std::vector<entities_internal::Mention> unified = mentions();
  canonicalizer.Canonicalize(tokens, &unified, /*unify_types=*/true);
  EXPECT_EQ(unified[1].type, v1::Entity::ORG);
}

TEST(NerTrainerTest, RejectsUnknownEntityTypes) {
  conll::Document doc;
  doc.sentences.push_back({{"Xyz"}, {"B-ANIMAL"}});
  EXPECT_FALSE(TrainNerModelOnDocuments({doc}, {}, NerTrainOptions(), nullptr).ok());
}

TEST(BuiltinModelTest, LoadsAndTagsInventedNews) {
  absl::StatusOr<const NerWeights*> model = entities_internal::BuiltinNerModel();
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_GT((*model)->rows.size(), 1000u);
  conll::Document doc;
  doc.sentences.push_back(
      {{"Maria", "Kowalczyk", ",", "chief", "executive", "of", "Brennfeld", "Holdings",
        ",", "said", "on", "Tuesday", "in", "Frankfurt", "."},
       {"B-PER", "I-PER", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O",
        "O", "B-LOC", "O"}});
  absl::StatusOr<conll::Scorer> scores = EvaluateNerWeights(**model, {doc});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->overall().correct, 3) << scores->Format();
}

}  // namespace
}  // namespace loupe
