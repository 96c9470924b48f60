#include "plugins/sentiment/sentiment.h"

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"
#include "plugins/sentiment/lexicon.h"

namespace loupe {
namespace {

using ::testing::HasSubstr;

// Builds documents by hand so that these tests do not depend on the
// segmenter or the entity recognizer. Tokens are the space-separated parts
// of each sentence as written.
class DocBuilder {
 public:
  // Adds a sentence; returns its index.
  int Add(absl::string_view sentence, bool heading = false,
          bool boilerplate = false) {
    std::string* text = doc_.mutable_text();
    if (!text->empty()) text->push_back(' ');
    v1::Sentence* s = doc_.add_sentences();
    s->mutable_span()->set_byte_begin(static_cast<uint32_t>(text->size()));
    s->set_token_begin(static_cast<uint32_t>(doc_.tokens_size()));
    bool first = true;
    for (absl::string_view word : absl::StrSplit(sentence, ' ')) {
      if (!first) text->push_back(' ');
      first = false;
      v1::Token* token = doc_.add_tokens();
      token->mutable_span()->set_byte_begin(
          static_cast<uint32_t>(text->size()));
      text->append(word.data(), word.size());
      token->mutable_span()->set_byte_end(static_cast<uint32_t>(text->size()));
      token->set_kind(KindOf(word));
    }
    s->mutable_span()->set_byte_end(static_cast<uint32_t>(text->size()));
    s->set_token_end(static_cast<uint32_t>(doc_.tokens_size()));
    s->set_heading(heading);
    s->set_boilerplate(boilerplate);
    return doc_.sentences_size() - 1;
  }

  // Marks the `occurrence`-th run of tokens equal to `name` (space-separated)
  // in sentence `sentence` as an entity.
  void Entity(int sentence, absl::string_view name, absl::string_view canonical,
              v1::Entity::Type type = v1::Entity::ORG, int occurrence = 0) {
    const std::vector<absl::string_view> words = absl::StrSplit(name, ' ');
    const v1::Sentence& s = doc_.sentences(sentence);
    for (uint32_t t = s.token_begin(); t + words.size() <= s.token_end(); ++t) {
      bool match = true;
      for (size_t k = 0; k < words.size(); ++k) {
        if (TokenText(t + k) != words[k]) match = false;
      }
      if (!match || occurrence-- > 0) continue;
      v1::Entity* entity = doc_.add_entities();
      entity->mutable_span()->set_byte_begin(
          doc_.tokens(t).span().byte_begin());
      entity->mutable_span()->set_byte_end(
          doc_.tokens(t + words.size() - 1).span().byte_end());
      entity->set_canonical(std::string(canonical));
      entity->set_type(type);
      return;
    }
    ADD_FAILURE() << "no '" << name << "' in sentence " << sentence;
  }

  const v1::Document& doc() const { return doc_; }

 private:
  static v1::Token::Kind KindOf(absl::string_view word) {
    if (word.empty()) return v1::Token::PUNCTUATION;
    if (absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) {
      return v1::Token::NUMBER;
    }
    if (word == "%" || word == "$") return v1::Token::SYMBOL;
    if (word.size() == 1 &&
        absl::ascii_ispunct(static_cast<unsigned char>(word[0]))) {
      return v1::Token::PUNCTUATION;
    }
    if (word == "\xE2\x80\x9C" || word == "\xE2\x80\x9D") {
      return v1::Token::PUNCTUATION;
    }
    return v1::Token::WORD;
  }

  absl::string_view TokenText(uint32_t t) const {
    const v1::TextSpan& span = doc_.tokens(static_cast<int>(t)).span();
    return absl::string_view(doc_.text())
        .substr(span.byte_begin(), span.byte_end() - span.byte_begin());
  }

  v1::Document doc_;
};

v1::Annotations RunPlugin(const v1::Document& doc,
                          const SentimentPlugin::Options& options = {}) {
  absl::StatusOr<std::unique_ptr<Plugin>> plugin =
      SentimentPlugin::Create(options);
  EXPECT_TRUE(plugin.ok()) << plugin.status();
  v1::Annotations out;
  EXPECT_TRUE((*plugin)->Process(doc, &out).ok());
  return out;
}

// The sentiment of a document made of the one sentence `sentence`.
v1::Sentiment Sentence(absl::string_view sentence) {
  DocBuilder builder;
  builder.Add(sentence);
  v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(out.sentence_sentiments_size(), 1);
  return out.sentence_sentiments(0).sentiment();
}

float Score(absl::string_view sentence) { return Sentence(sentence).score(); }

const v1::EntitySentiment* FindEntity(const v1::Annotations& out,
                                      absl::string_view canonical) {
  for (const v1::EntitySentiment& e : out.entity_sentiments()) {
    if (e.canonical() == canonical) return &e;
  }
  return nullptr;
}

TEST(SentimentPluginTest, SpecDeclaresFields) {
  const v1::PluginSpec spec = SentimentPlugin::Spec();
  EXPECT_EQ(spec.id(), "sentiment");
  EXPECT_EQ(spec.version(), "0.1.0");
  EXPECT_EQ(spec.kind(), v1::PluginSpec::SENTIMENT);
  EXPECT_THAT(spec.requires_fields(), ::testing::UnorderedElementsAre(
                                          "tokens", "sentences", "entities"));
  EXPECT_THAT(spec.assigns_fields(),
              ::testing::UnorderedElementsAre(
                  "sentiment", "sentences.sentiment", "entity_sentiments"));
}

TEST(SentimentPluginTest, RejectsBadOptions) {
  SentimentPlugin::Options options;
  options.set_headline_weight(-1);
  EXPECT_EQ(SentimentPlugin::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.set_headline_weight(0);
  options.set_neutral_threshold(1.5f);
  EXPECT_EQ(SentimentPlugin::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.set_neutral_threshold(std::nanf(""));
  EXPECT_EQ(SentimentPlugin::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.set_neutral_threshold(0.2f);
  EXPECT_TRUE(SentimentPlugin::Create(options).ok());
}

TEST(SentimentPluginTest, EmbeddedLexiconLoads) {
  const auto& lexicon = sentiment_internal::SentimentLexicon::Embedded();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  EXPECT_GT(lexicon->size(), 7000u);
}

TEST(SentimentPluginTest, LexiconErrorsNameFileAndLine) {
  absl::StatusOr<sentiment_internal::SentimentLexicon> lexicon =
      sentiment_internal::SentimentLexicon::Create("good\t1.9\n",
                                                   "bad\tnot-a-number\n", "");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_THAT(lexicon.status().message(), HasSubstr("finance_lexicon.tsv"));
  EXPECT_THAT(lexicon.status().message(), HasSubstr("line 1"));
  lexicon = sentiment_internal::SentimentLexicon::Create("", "",
                                                         "very\tshout\t0.3\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_THAT(lexicon.status().message(), HasSubstr("unknown modifier kind"));
}

TEST(SentimentPluginTest, PlainPolarity) {
  EXPECT_EQ(Sentence("The launch was a great success .").label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(Sentence("The launch was a terrible failure .").label(),
            v1::Sentiment::NEGATIVE);
  const v1::Sentiment neutral = Sentence("The meeting is on Tuesday .");
  EXPECT_EQ(neutral.label(), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(neutral.score(), 0);
  EXPECT_EQ(neutral.magnitude(), 0);
}

TEST(SentimentPluginTest, NegationFlips) {
  EXPECT_GT(Score("The quarter was good ."), 0.1f);
  EXPECT_LT(Score("The quarter was not good ."), -0.1f);
  EXPECT_LT(Score("The quarter was n\xE2\x80\x99t good ."), -0.1f);
  EXPECT_LT(Score("The quarter was never really good ."), -0.1f);
  EXPECT_GT(Score("The plan is not a disaster ."), 0);
  // Beyond the window the negation no longer reaches.
  EXPECT_GT(Score("No one in the room expected such a good result ."), 0);
}

TEST(SentimentPluginTest, BoostersAndDampeners) {
  const float plain = Score("The results were good .");
  const float boosted = Score("The results were extremely good .");
  const float damped = Score("The results were slightly good .");
  EXPECT_GT(boosted, plain);
  EXPECT_LT(damped, plain);
  EXPECT_GT(damped, 0);
  EXPECT_LT(Score("Sales fell sharply ."), Score("Sales fell ."));
  EXPECT_GT(Score("Sales fell slightly ."), Score("Sales fell ."));
}

TEST(SentimentPluginTest, ContrastWeighsTheMainClause) {
  EXPECT_LT(Score("The design is good , but the battery is awful ."), 0);
  EXPECT_GT(Score("The battery is awful , but the design is great ."), 0);
  EXPECT_GT(Score("Despite weak demand , profits were excellent ."), 0);
  EXPECT_LT(Score("Profits were excellent despite a terrible , awful year ."),
            Score("Profits were excellent ."));
  EXPECT_GT(Score("Profits were excellent despite a terrible year ."), 0);
  EXPECT_GT(Score("Although the year was bad , the outlook is excellent ."), 0);
}

TEST(SentimentPluginTest, FinancialTerms) {
  EXPECT_EQ(Sentence("Shares plummeted .").label(), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(Sentence("The stock rallied .").label(), v1::Sentiment::POSITIVE);
  EXPECT_EQ(Sentence("The index hit a record high .").label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(Sentence("The sell-off wiped out $ 40 billion .").label(),
            v1::Sentiment::NEGATIVE);
  EXPECT_EQ(Sentence("Analysts issued a downgrade .").label(),
            v1::Sentiment::NEGATIVE);
  EXPECT_EQ(Sentence("Earnings beat expectations .").label(),
            v1::Sentiment::POSITIVE);
  // A figure makes a direction word count in full.
  EXPECT_LT(Score("Revenue fell 12 % ."), Score("Revenue fell ."));
  EXPECT_GT(Score("Revenue rose 12 % ."), Score("Revenue rose ."));
}

TEST(SentimentPluginTest, RisingBadQuantitiesAreBad) {
  EXPECT_LT(Score("Losses widened 8 % ."), 0);
  EXPECT_LT(Score("Costs rose 8 % ."), 0);
  EXPECT_GT(Score("Costs fell 8 % ."), 0);
  EXPECT_GT(Score("The firm cut costs ."), 0);
  // The move is at least as strong as the quantity it moves.
  EXPECT_LE(Score("Losses widened to 300 million ."),
            Score("The firm has losses ."));
}

TEST(SentimentPluginTest, NewsWordsAreNotOpinions) {
  EXPECT_EQ(Score("Traders like to share stock tips with the giant ."), 0);
  EXPECT_EQ(Score("The leading chipmaker effectively doubled its staff ."),
            Score("The chipmaker doubled its staff ."));
}

TEST(SentimentPluginTest, HedgesAndScareQuotesWeaken) {
  EXPECT_LT(Score("Profits could improve ."), Score("Profits improve ."));
  EXPECT_GT(Score("Profits could improve ."), 0);
  EXPECT_LT(Score("The \xE2\x80\x9C win \xE2\x80\x9D was declared ."),
            Score("The win was declared ."));
}

TEST(SentimentPluginTest, ShiftersTurnTheirObjectAround) {
  EXPECT_LT(Score("Inflation is a growing threat ."), 0);
  EXPECT_GT(Score("The new rules curb fraud ."), 0);
  EXPECT_GT(Score("The vaccine helps prevent disease ."), 0);
  EXPECT_GT(Score("The bank avoided a painful default ."), 0);
  EXPECT_LT(Score("The council eliminated the popular bonus ."), 0);
  // Only within the clause, and only within reach.
  EXPECT_LT(Score("The team fought hard , and the fraud remained ."), 0);
  EXPECT_LT(Score("They tried to reduce the long list of pending items "
                  "without any success ."),
            0);
}

TEST(SentimentPluginTest, ShifterAloneKeepsItsValence) {
  // "reduced" is a down direction word of the finance lexicon.
  EXPECT_LT(Score("Output was reduced ."), 0);
}

// A lexicon with one sentiment word and a sentence model over it.
absl::StatusOr<sentiment_internal::SentimentLexicon> ModelLexicon(
    absl::string_view model) {
  return sentiment_internal::SentimentLexicon::Create(
      "good\t2.0\nbad\t-2.0\n", "", "not\tnegate\t-0.74\n", model);
}

TEST(SentimentModelTest, ParsesFeaturesAndWords) {
  absl::StatusOr<sentiment_internal::SentimentLexicon> lexicon = ModelLexicon(
      "# a comment\n@bias\t0.01\n@compound\t0.5\n@negative\t-0.02\n"
      "gizmo\t0.3\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  EXPECT_TRUE(lexicon->model().present);
  EXPECT_FLOAT_EQ(lexicon->model().bias, 0.01f);
  EXPECT_FLOAT_EQ(lexicon->model().compound, 0.5f);
  EXPECT_FLOAT_EQ(lexicon->model().negative, -0.02f);
  EXPECT_FLOAT_EQ(lexicon->model().positive, 0.0f);
  const sentiment_internal::LexiconEntry* gizmo = lexicon->Find("gizmo");
  ASSERT_NE(gizmo, nullptr);
  EXPECT_FLOAT_EQ(gizmo->learned, 0.3f);
  EXPECT_FALSE(gizmo->has_valence);
}

TEST(SentimentModelTest, NoModelLinesMeansNoModel) {
  absl::StatusOr<sentiment_internal::SentimentLexicon> lexicon =
      ModelLexicon("# only comments\n");
  ASSERT_TRUE(lexicon.ok());
  EXPECT_FALSE(lexicon->model().present);
  sentiment_internal::SentenceScore score;
  score.score = 0.42f;
  EXPECT_FLOAT_EQ(ModelScore(lexicon->model(), score), 0.42f);
}

TEST(SentimentModelTest, BadModelLinesNameTheFile) {
  for (absl::string_view bad :
       {"@nonsense\t1\n", "word\tnot-a-number\n", "word\t1\textra\n",
        "word\tnan\n"}) {
    absl::StatusOr<sentiment_internal::SentimentLexicon> lexicon =
        ModelLexicon(bad);
    ASSERT_FALSE(lexicon.ok()) << bad;
    EXPECT_THAT(std::string(lexicon.status().message()),
                ::testing::HasSubstr("sentence_model.tsv line 1"));
  }
}

TEST(SentimentModelTest, LearnedWordsFollowNegationAndAreClamped) {
  absl::StatusOr<sentiment_internal::SentimentLexicon> lexicon =
      ModelLexicon("@bias\t0\n@compound\t1\ngizmo\t0.3\n");
  ASSERT_TRUE(lexicon.ok());
  sentiment_internal::SentenceScorer scorer(&*lexicon);
  sentiment_internal::TokenScores scores;
  const auto model_score = [&](absl::string_view sentence) {
    DocBuilder builder;
    builder.Add(sentence);
    const v1::Document& doc = builder.doc();
    const std::vector<uint8_t> skipped(doc.tokens_size(), 0);
    const sentiment_internal::SentenceScore s = scorer.Score(
        doc, 0, static_cast<uint32_t>(doc.tokens_size()), skipped, &scores);
    return ModelScore(lexicon->model(), s);
  };
  EXPECT_FLOAT_EQ(model_score("a gizmo ."), 0.3f);
  EXPECT_NEAR(model_score("not a gizmo ."), 0.3f * -0.74f, 1e-5);
  EXPECT_GT(model_score("a good gizmo ."), model_score("a gizmo ."));
  EXPECT_FLOAT_EQ(
      model_score("gizmo gizmo gizmo gizmo gizmo good good good ."), 1.0f);
}

TEST(SentimentPluginTest, ExclamationEmphasizes) {
  EXPECT_GT(Score("What a great day !"), Score("What a great day ."));
}

TEST(SentimentPluginTest, SentenceSentimentsCoverEverySentence) {
  DocBuilder builder;
  builder.Add("Markets closed .");
  builder.Add("Shares soared 12 % .");
  builder.Add("Advertisements", false, true);
  builder.Add("Bonds slumped .");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_EQ(out.sentence_sentiments_size(), 4);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(out.sentence_sentiments(i).sentence_index(),
              static_cast<uint32_t>(i));
    EXPECT_NE(out.sentence_sentiments(i).sentiment().label(),
              v1::Sentiment::LABEL_UNSPECIFIED);
  }
  EXPECT_EQ(out.sentence_sentiments(1).sentiment().label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(out.sentence_sentiments(3).sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, BoilerplateCountsForNothing) {
  DocBuilder with;
  with.Add("The new phone is excellent and reliable .");
  const int debris = with.Add("Terrible awful horrible disaster", false, true);
  DocBuilder without;
  without.Add("The new phone is excellent and reliable .");
  const v1::Annotations a = RunPlugin(with.doc());
  const v1::Annotations b = RunPlugin(without.doc());
  EXPECT_FLOAT_EQ(a.sentiment().score(), b.sentiment().score());
  EXPECT_FLOAT_EQ(a.sentiment().magnitude(), b.sentiment().magnitude());
  const v1::Sentiment& s = a.sentence_sentiments(debris).sentiment();
  EXPECT_EQ(s.label(), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(s.score(), 0);
}

TEST(SentimentPluginTest, NestedBoilerplateLineIsLeftOut) {
  // "The results were" [Advertisements: "disaster horrible"] "excellent ."
  DocBuilder builder;
  builder.Add("The results were disaster horrible excellent .");
  v1::Document doc = builder.doc();
  v1::Sentence* nested = doc.add_sentences();
  nested->set_token_begin(3);
  nested->set_token_end(5);
  nested->mutable_span()->set_byte_begin(doc.tokens(3).span().byte_begin());
  nested->mutable_span()->set_byte_end(doc.tokens(4).span().byte_end());
  nested->set_boilerplate(true);
  const v1::Annotations out = RunPlugin(doc);
  EXPECT_EQ(out.sentence_sentiments(0).sentiment().label(),
            v1::Sentiment::POSITIVE);
  EXPECT_GT(out.sentiment().score(), 0);
}

TEST(SentimentPluginTest, HeadlineWeighsMore) {
  DocBuilder builder;
  builder.Add("Shares plunge after weak results", true);
  builder.Add("The company said sales were good .");
  const v1::Annotations heavy = RunPlugin(builder.doc());
  SentimentPlugin::Options options;
  options.set_headline_weight(1);
  const v1::Annotations even = RunPlugin(builder.doc(), options);
  EXPECT_LT(heavy.sentiment().score(), even.sentiment().score());
}

TEST(SentimentPluginTest, LongDocumentsDoNotSaturate) {
  DocBuilder one;
  one.Add("The service was good .");
  const float single = RunPlugin(one.doc()).sentiment().score();
  DocBuilder many;
  for (int i = 0; i < 300; ++i) many.Add("The service was good .");
  const v1::Annotations out = RunPlugin(many.doc());
  EXPECT_NEAR(out.sentiment().score(), single, 1e-4);
  EXPECT_LT(out.sentiment().score(), 0.8f);
  // Magnitude, unlike the score, grows with the amount of opinion.
  EXPECT_GT(out.sentiment().magnitude(),
            100 * RunPlugin(one.doc()).sentiment().magnitude());
}

TEST(SentimentPluginTest, NeutralSentencesDiluteButDoNotDrown) {
  DocBuilder builder;
  builder.Add("Shares collapsed 30 % in a brutal rout .");
  for (int i = 0; i < 10; ++i) builder.Add("The company is based in Ohio .");
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(out.sentiment().label(), v1::Sentiment::NEGATIVE);
  EXPECT_GT(out.sentiment().score(),
            out.sentence_sentiments(0).sentiment().score());
}

TEST(SentimentPluginTest, MixedDocument) {
  DocBuilder builder;
  builder.Add("The new chip is a remarkable success .");
  builder.Add("Reviewers praised its excellent speed .");
  builder.Add("But the company faces a costly lawsuit .");
  builder.Add("Its shares plunged 20 % in a brutal sell-off .");
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(out.sentiment().label(), v1::Sentiment::MIXED);
  EXPECT_LT(std::abs(out.sentiment().score()), 0.2f);

  DocBuilder one_sided;
  one_sided.Add("The new chip is a remarkable success .");
  one_sided.Add("Reviewers praised its excellent speed .");
  one_sided.Add("Sales rose 5 % .");
  EXPECT_EQ(RunPlugin(one_sided.doc()).sentiment().label(),
            v1::Sentiment::POSITIVE);
}

TEST(SentimentPluginTest, SentencesAreLabelledByTheirMainClause) {
  // Never MIXED: the clause after "but" wins, whichever way it points.
  EXPECT_EQ(Sentence("The camera is excellent , but the battery is terrible .")
                .label(),
            v1::Sentiment::NEGATIVE);
  EXPECT_EQ(Sentence("The battery is terrible , but the camera is excellent .")
                .label(),
            v1::Sentiment::POSITIVE);
}

TEST(SentimentPluginTest, EntitiesGetTheirOwnClause) {
  DocBuilder builder;
  const int s =
      builder.Add("Acme shares plummeted 20 % while Globex soared 15 % .");
  builder.Entity(s, "Acme", "Acme Corp");
  builder.Entity(s, "Globex", "Globex");
  const v1::Annotations out = RunPlugin(builder.doc());
  const v1::EntitySentiment* acme = FindEntity(out, "Acme Corp");
  const v1::EntitySentiment* globex = FindEntity(out, "Globex");
  ASSERT_NE(acme, nullptr);
  ASSERT_NE(globex, nullptr);
  EXPECT_EQ(acme->sentiment().label(), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(globex->sentiment().label(), v1::Sentiment::POSITIVE);
  EXPECT_EQ(acme->type(), v1::Entity::ORG);
  EXPECT_EQ(acme->mentions(), 1u);
}

TEST(SentimentPluginTest, NearestMentionTakesTheWord) {
  DocBuilder builder;
  const int s =
      builder.Add("Analysts say Acme is thriving and Globex is collapsing .");
  builder.Entity(s, "Acme", "Acme");
  builder.Entity(s, "Globex", "Globex");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  ASSERT_NE(FindEntity(out, "Globex"), nullptr);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, NamesAreNotOpinions) {
  // A name made of sentiment words says nothing about its bearer.
  DocBuilder builder;
  const int s = builder.Add("Best Buy opened a store in Ohio .");
  builder.Entity(s, "Best Buy", "Best Buy");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Best Buy"), nullptr);
  EXPECT_EQ(FindEntity(out, "Best Buy")->sentiment().label(),
            v1::Sentiment::NEUTRAL);
}

TEST(SentimentPluginTest, CompetitionVerbsSplitSubjectAndObject) {
  DocBuilder builder;
  const int a =
      builder.Add("Acme \xE2\x80\x99s new model outperformed Globex .");
  builder.Entity(a, "Acme", "Acme");
  builder.Entity(a, "Globex", "Globex");
  const int b = builder.Add("Initech was beaten by Hooli in the tender .");
  builder.Entity(b, "Initech", "Initech");
  builder.Entity(b, "Hooli", "Hooli");
  const v1::Annotations out = RunPlugin(builder.doc());
  for (const auto& [name, label] :
       std::vector<std::pair<std::string, v1::Sentiment::Label>>{
           {"Acme", v1::Sentiment::POSITIVE},
           {"Globex", v1::Sentiment::NEGATIVE},
           {"Initech", v1::Sentiment::NEGATIVE},
           {"Hooli", v1::Sentiment::POSITIVE}}) {
    const v1::EntitySentiment* e = FindEntity(out, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->sentiment().label(), label) << name;
  }
}

TEST(SentimentPluginTest, EntityMentionsAggregateAcrossTheDocument) {
  DocBuilder builder;
  const int h = builder.Add("Acme loses $ 90 billion as Globex surges", true);
  builder.Entity(h, "Acme", "Acme");
  builder.Entity(h, "Globex", "Globex");
  const int s1 = builder.Add("Acme is based in Texas .");
  builder.Entity(s1, "Acme", "Acme");
  builder.Entity(s1, "Texas", "Texas", v1::Entity::GPE);
  const int s2 = builder.Add("Analysts said Acme faces serious headwinds .");
  builder.Entity(s2, "Acme", "Acme");
  const int boiler = builder.Add("Acme is wonderful and great", false, true);
  builder.Entity(boiler, "Acme", "Acme");
  const v1::Annotations out = RunPlugin(builder.doc());
  const v1::EntitySentiment* acme = FindEntity(out, "Acme");
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(acme->mentions(), 3u);  // not the boilerplate one
  EXPECT_EQ(acme->sentiment().label(), v1::Sentiment::NEGATIVE);
  const v1::EntitySentiment* texas = FindEntity(out, "Texas");
  ASSERT_NE(texas, nullptr);
  EXPECT_EQ(texas->sentiment().label(), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(texas->type(), v1::Entity::GPE);
  EXPECT_EQ(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::POSITIVE);
}

TEST(SentimentPluginTest, OneMildWordLeavesAFactNeutral) {
  // One mildly rated word ("create" is 0.3 on VADER's scale) does not make a
  // report an opinion; one clear word does.
  EXPECT_EQ(Sentence("The council will create a committee on Monday .").label(),
            v1::Sentiment::NEUTRAL);
  EXPECT_EQ(Sentence("The council made a terrible decision on Monday .").label(),
            v1::Sentiment::NEGATIVE);
  // A figure makes a mild direction word news.
  EXPECT_EQ(Sentence("Revenue was 40 million euros .").label(),
            v1::Sentiment::NEUTRAL);
  EXPECT_EQ(Sentence("Revenue was up 8 % from a year earlier .").label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(Sentence("The company reduced its debt by 500 million .").label(),
            v1::Sentiment::POSITIVE);
}

TEST(SentimentPluginTest, NegatedNegativesAreOnlyMildlyPositive) {
  const float negated = Score("The outcome was not a disaster .");
  EXPECT_GT(negated, 0.0f);
  EXPECT_LT(negated, -0.5f * Score("The outcome was a disaster ."));
}

TEST(SentimentPluginTest, FewNegatesButAFewDoesNot) {
  EXPECT_LT(Score("Few critics praised the sequel ."), 0.0f);
  EXPECT_GT(Score("A few critics praised the sequel ."), 0.0f);
  EXPECT_LT(Score("It was the least enjoyable trip ."), 0.0f);
  EXPECT_GT(Score("It was at least an enjoyable trip ."), 0.0f);
}

TEST(SentimentPluginTest, ExpectationPhrases) {
  EXPECT_GT(Score("Quarterly sales were better-than-expected ."), 0.2f);
  EXPECT_LT(Score("The retailer cut its forecast for the year ."), -0.2f);
  EXPECT_EQ(Sentence("No wonder the bridge is closed .").label(),
            v1::Sentiment::NEUTRAL);
}

TEST(SentimentPluginTest, NameWordsCarryNoSentimentInTheSentence) {
  DocBuilder with_name;
  const int s = with_name.Add("Happy Valley Farms opened a depot in Leeds .");
  with_name.Entity(s, "Happy Valley Farms", "Happy Valley Farms");
  const v1::Annotations named = RunPlugin(with_name.doc());
  EXPECT_EQ(named.sentence_sentiments(0).sentiment().label(),
            v1::Sentiment::NEUTRAL);
  EXPECT_EQ(named.sentiment().label(), v1::Sentiment::NEUTRAL);
  // Without the entity the same words are read as words.
  EXPECT_GT(Score("Happy Valley Farms opened a depot in Leeds ."), 0.1f);
}

TEST(SentimentPluginTest, HeadlinesKeepTheirWordsEvenInsideNames) {
  // Title Case fools recognizers; a headline's words keep their valence.
  DocBuilder builder;
  const int h = builder.Add("Chip Makers Lose $ 90 billion", true);
  builder.Entity(h, "Makers Lose", "Makers Lose", v1::Entity::PERSON);
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(out.sentence_sentiments(0).sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, SpeakersAreNotTheTopic) {
  DocBuilder builder;
  const int s = builder.Add(
      "Initech analysts warned that Acme faces a severe cash crisis .");
  builder.Entity(s, "Initech", "Initech");
  builder.Entity(s, "Acme", "Acme");
  const int t = builder.Add(
      "According to Hooli , the merger was a disastrous failure .");
  builder.Entity(t, "Hooli", "Hooli");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Initech"), nullptr);
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  ASSERT_NE(FindEntity(out, "Hooli"), nullptr);
  EXPECT_EQ(FindEntity(out, "Initech")->sentiment().label(),
            v1::Sentiment::NEUTRAL);
  EXPECT_EQ(FindEntity(out, "Hooli")->sentiment().label(),
            v1::Sentiment::NEUTRAL);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, SpeakersTalkingAboutThemselvesAreTheTopic) {
  DocBuilder builder;
  const int s = builder.Add("Acme said its profit plunged 40 % last year .");
  builder.Entity(s, "Acme", "Acme");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, CausesAreNotTheirEffects) {
  // The agent of a causal verb does not share its victim's loss.
  DocBuilder builder;
  const int s = builder.Add(
      "Globex triggered a brutal sell-off in Acme shares on Tuesday .");
  builder.Entity(s, "Globex", "Globex");
  builder.Entity(s, "Acme", "Acme");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Globex"), nullptr);
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
  EXPECT_NE(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, EffectAndCauseClausesStayApart) {
  DocBuilder builder;
  const int s = builder.Add(
      "Acme shares plunged 17 % after Globex unveiled its own phone .");
  builder.Entity(s, "Acme", "Acme");
  builder.Entity(s, "Globex", "Globex");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  ASSERT_NE(FindEntity(out, "Globex"), nullptr);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
  EXPECT_EQ(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::NEUTRAL);
}

TEST(SentimentPluginTest, ComparisonsInvertForTheSecondTerm) {
  DocBuilder builder;
  const int s = builder.Add("Acme phones are far better than Globex phones .");
  builder.Entity(s, "Acme", "Acme");
  builder.Entity(s, "Globex", "Globex");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  ASSERT_NE(FindEntity(out, "Globex"), nullptr);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, EntityLabelsWeighEvidenceNotTheMean) {
  // Many neutral mentions do not hide two clear ones...
  DocBuilder builder;
  const int a = builder.Add("Acme shares plunged 30 % on Monday .");
  builder.Entity(a, "Acme", "Acme");
  for (int i = 0; i < 8; ++i) {
    const int s = builder.Add("Acme has an office in Ohio .");
    builder.Entity(s, "Acme", "Acme");
  }
  const int b = builder.Add("Acme suffered a humiliating defeat .");
  builder.Entity(b, "Acme", "Acme");
  // ... and one clear gain against one clear loss is MIXED.
  const int c = builder.Add("Globex shares soared 40 % in March .");
  builder.Entity(c, "Globex", "Globex");
  const int d = builder.Add("Globex shares crashed 45 % in May .");
  builder.Entity(d, "Globex", "Globex");
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Acme"), nullptr);
  ASSERT_NE(FindEntity(out, "Globex"), nullptr);
  EXPECT_EQ(FindEntity(out, "Acme")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
  EXPECT_EQ(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::MIXED);
}

TEST(SentimentPluginTest, TheLeadWeighsMoreThanTheTail) {
  // The same sentences in two orders: the one that leads sets the tone.
  const auto document = [](bool bad_first) {
    DocBuilder builder;
    const char* bad = "The bank reported a disastrous loss .";
    const char* good = "The bank opened a pleasant new branch .";
    builder.Add(bad_first ? bad : good);
    for (int i = 0; i < 3; ++i) builder.Add("The branch is on Main Street .");
    builder.Add(bad_first ? good : bad);
    return RunPlugin(builder.doc()).sentiment().score();
  };
  EXPECT_LT(document(true), document(false));
}

TEST(SentimentPluginTest, EmptyDocument) {
  const v1::Annotations out = RunPlugin(v1::Document());
  EXPECT_EQ(out.sentence_sentiments_size(), 0);
  EXPECT_EQ(out.entity_sentiments_size(), 0);
  EXPECT_EQ(out.sentiment().label(), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(out.sentiment().score(), 0);
}

TEST(SentimentPluginTest, OddTokensAndBrokenRangesDoNotCrash) {
  DocBuilder builder;
  builder.Add("\xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC e\xCC\x81 !!! \"");
  v1::Document doc = builder.doc();
  v1::Sentence* broken = doc.add_sentences();
  broken->set_token_begin(3);
  broken->set_token_end(99);  // past the last token
  v1::Entity* entity = doc.add_entities();
  entity->mutable_span()->set_byte_begin(1000);  // past the text
  entity->mutable_span()->set_byte_end(1001);
  const v1::Annotations out = RunPlugin(doc);
  EXPECT_EQ(out.sentence_sentiments_size(), 2);
  EXPECT_EQ(out.entity_sentiments_size(), 0);
}

TEST(SentimentPluginTest, OneMegabyteSentenceWithManyMentions) {
  // One long sentence with an entity every few tokens: mention scoring must
  // not rescan the sentence for each mention.
  DocBuilder builder;
  std::string sentence;
  while (sentence.size() < (1 << 20)) {
    absl::StrAppend(&sentence, "Acme shares fell 3 % , ");
  }
  sentence += ".";
  builder.Add(sentence);
  v1::Document doc = builder.doc();
  for (int t = 0; t < doc.tokens_size(); t += 7) {
    v1::Entity* entity = doc.add_entities();
    *entity->mutable_span() = doc.tokens(t).span();
    entity->set_canonical("Acme");
    entity->set_type(v1::Entity::ORG);
  }
  const v1::Annotations out = RunPlugin(doc);
  EXPECT_EQ(out.sentiment().label(), v1::Sentiment::NEGATIVE);
  ASSERT_EQ(out.entity_sentiments_size(), 1);
  EXPECT_EQ(out.entity_sentiments(0).mentions(),
            static_cast<uint32_t>((doc.tokens_size() + 6) / 7));
  EXPECT_TRUE(std::isfinite(out.sentiment().magnitude()));
  EXPECT_GE(out.sentiment().score(), -1.0f);
}

TEST(SentimentPluginTest, RunsInTheBuiltinPipeline) {
  absl::StatusOr<v1::Document> doc = AnalyzeWithBuiltins(
      "Shares of the chipmaker plummeted 17% on Monday. Investors panicked.");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->sentiment().label(), v1::Sentiment::NEGATIVE);
  for (const v1::Sentence& sentence : doc->sentences()) {
    EXPECT_NE(sentence.sentiment().label(), v1::Sentiment::LABEL_UNSPECIFIED);
  }
}

}  // namespace
}  // namespace loupe
