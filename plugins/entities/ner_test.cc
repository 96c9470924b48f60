// Tests of the tagger's parts: CoNLL reading and scoring, the model format,
// training on a small invented corpus, and determinism.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "plugins/entities/conll.h"
#include "plugins/entities/entities.h"
#include "plugins/entities/ner_tagger.h"
#include "plugins/entities/ner_trainer.h"

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

  absl::StatusOr<plugins::NerModel> again =
      TrainNerModelOnDocuments(train, {}, options, nullptr);
  ASSERT_TRUE(again.ok());
  again->mutable_training()->set_train_seconds(model->training().train_seconds());
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
