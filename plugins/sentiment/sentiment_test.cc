#include "plugins/sentiment/sentiment.h"

#include <cmath>
#include <initializer_list>
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

  // Marks each name's first run of tokens in sentence `sentence` as an ORG
  // whose canonical name is the name itself.
  void Entities(int sentence, std::initializer_list<absl::string_view> names) {
    for (absl::string_view name : names) Entity(sentence, name, name);
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

// The label of the entity named `canonical`; LABEL_UNSPECIFIED when the
// plugin gave it no sentiment.
v1::Sentiment::Label EntityLabel(const v1::Annotations& out,
                                 absl::string_view canonical) {
  const v1::EntitySentiment* entity = FindEntity(out, canonical);
  return entity == nullptr ? v1::Sentiment::LABEL_UNSPECIFIED
                           : entity->sentiment().label();
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
  EXPECT_LT(Score("The index fell 12 % ."), Score("The index fell ."));
  EXPECT_GT(Score("The index rose 12 % ."), Score("The index rose ."));
  // A quantity that matters makes it news without a figure.
  EXPECT_EQ(Score("Revenue rose 12 % ."), Score("Revenue rose ."));
  EXPECT_EQ(Sentence("The firm raised its annual guidance .").label(),
            v1::Sentiment::POSITIVE);
  EXPECT_EQ(Sentence("The firm cut its annual guidance .").label(),
            v1::Sentiment::NEGATIVE);
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
  builder.Entities(s, {"Globex"});
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
  builder.Entities(s, {"Acme", "Globex"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::POSITIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, NamesAreNotOpinions) {
  // A name made of sentiment words says nothing about its bearer.
  DocBuilder builder;
  const int s = builder.Add("Best Buy opened a store in Ohio .");
  builder.Entities(s, {"Best Buy"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Best Buy"), v1::Sentiment::NEUTRAL);
}

TEST(SentimentPluginTest, CompetitionVerbsSplitSubjectAndObject) {
  DocBuilder builder;
  const int a =
      builder.Add("Acme \xE2\x80\x99s new model outperformed Globex .");
  builder.Entities(a, {"Acme", "Globex"});
  const int b = builder.Add("Initech was beaten by Hooli in the tender .");
  builder.Entities(b, {"Initech", "Hooli"});
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
  builder.Entities(h, {"Acme", "Globex"});
  const int s1 = builder.Add("Acme is based in Texas .");
  builder.Entities(s1, {"Acme"});
  builder.Entity(s1, "Texas", "Texas", v1::Entity::GPE);
  const int s2 = builder.Add("Analysts said Acme faces serious headwinds .");
  builder.Entities(s2, {"Acme"});
  const int boiler = builder.Add("Acme is wonderful and great", false, true);
  builder.Entities(boiler, {"Acme"});
  const v1::Annotations out = RunPlugin(builder.doc());
  const v1::EntitySentiment* acme = FindEntity(out, "Acme");
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(acme->mentions(), 3u);  // not the boilerplate one
  EXPECT_EQ(acme->sentiment().label(), v1::Sentiment::NEGATIVE);
  const v1::EntitySentiment* texas = FindEntity(out, "Texas");
  ASSERT_NE(texas, nullptr);
  EXPECT_EQ(texas->sentiment().label(), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(texas->type(), v1::Entity::GPE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::POSITIVE);
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
  with_name.Entities(s, {"Happy Valley Farms"});
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
  builder.Entities(s, {"Initech", "Acme"});
  const int t = builder.Add(
      "According to Hooli , the merger was a disastrous failure .");
  builder.Entities(t, {"Hooli"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Initech"), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(EntityLabel(out, "Hooli"), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, SpeakersTalkingAboutThemselvesAreTheTopic) {
  DocBuilder builder;
  const int s = builder.Add("Acme said its profit plunged 40 % last year .");
  builder.Entities(s, {"Acme"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, ExpertsEmployersAreNotTheTopic) {
  // An analyst's employer is not what the analyst talks about, even when
  // the analyst speaks of "sales" or "its" (which would make a company
  // speaking for itself the topic).
  DocBuilder builder;
  const int s = builder.Add(
      "Analysts at Initech said sales at Acme collapsed in the quarter .");
  builder.Entities(s, {"Initech", "Acme"});
  const int t = builder.Add(
      "Hooli analyst Jane Doe said its margins shrank sharply and revenue "
      "plunged 20 % .");
  builder.Entities(t, {"Hooli"});
  const int u = builder.Add(
      "Economists with the bank Vandelay warned revenue would slump badly .");
  builder.Entities(u, {"Vandelay"});
  // A spokesperson speaks for the company: its "its" is the company's.
  const int v = builder.Add(
      "A Globex spokesman said its sales plunged 30 % last year .");
  builder.Entities(v, {"Globex"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Initech"), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(EntityLabel(out, "Hooli"), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(EntityLabel(out, "Vandelay"), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, WhatALoserLosesToGoesToTheWinner) {
  DocBuilder builder;
  const int s = builder.Add(
      "Acme lost market share to Globex for the third straight year .");
  builder.Entities(s, {"Acme", "Globex"});
  // "to" without a loss before it changes nothing.
  const int t = builder.Add("Initech sold its struggling unit to Hooli .");
  builder.Entities(t, {"Initech", "Hooli"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::POSITIVE);
  EXPECT_NE(EntityLabel(out, "Hooli"), v1::Sentiment::POSITIVE);
}

TEST(SentimentPluginTest, ButKeepsEachClauseWithItsOwnNames) {
  DocBuilder builder;
  const int s = builder.Add(
      "Acme said sales rose 3 % , but Globex faces a painful slump .");
  builder.Entities(s, {"Acme", "Globex"});
  const int t = builder.Add(
      "Initech shares soared 12 % , but Hooli shares tumbled 9 % .");
  builder.Entities(t, {"Initech", "Hooli"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::POSITIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Initech"), v1::Sentiment::POSITIVE);
  EXPECT_EQ(EntityLabel(out, "Hooli"), v1::Sentiment::NEGATIVE);
  // The sentence itself still leans to the clause after "but".
  EXPECT_LT(out.sentence_sentiments(1).sentiment().score(), 0.0f);
}

TEST(SentimentPluginTest, FarObjectsOfCompetitionVerbsWeighLess) {
  const auto globex_score = [](absl::string_view sentence) {
    DocBuilder builder;
    const int s = builder.Add(sentence);
    builder.Entities(s, {"Acme", "Globex"});
    const v1::Annotations out = RunPlugin(builder.doc());
    const v1::EntitySentiment* globex = FindEntity(out, "Globex");
    EXPECT_NE(globex, nullptr);
    return globex == nullptr ? 0.0f : globex->sentiment().score();
  };
  const float near = globex_score("Acme beat Globex in the contest .");
  const float far = globex_score(
      "Acme beat the makers of cars and of boats and of trucks such as "
      "Globex in the contest .");
  EXPECT_LT(near, 0.0f);
  EXPECT_LT(near, far);
}

TEST(SentimentPluginTest, ButWithoutASubjectKeepsTheSubject) {
  // The clause after "but" has no subject of its own: it is still about
  // Acme (and Globex, only named in it, is not the one fined).
  DocBuilder builder;
  const int s = builder.Add(
      "Acme opened a new office , but was fined heavily by regulators in "
      "Globex country .");
  builder.Entities(s, {"Acme"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, NotOnlyButAlsoAdds) {
  // "but also" adds to what came before: the first clause keeps its full
  // weight, unlike after a contrasting "but".
  const float also = Score(
      "The launch was not only a disaster , but also the buyers were angry .");
  const float but = Score(
      "The launch was a disaster , but the buyers were angry .");
  EXPECT_LT(also, but);
}

TEST(SentimentPluginTest, PossessivesAppositionsAndComparisons) {
  DocBuilder builder;
  const int s = builder.Add("Acme 's shares fell 8 % on Monday .");
  builder.Entities(s, {"Acme"});
  const int t = builder.Add(
      "Globex , the maker of phones , posted a record profit .");
  builder.Entities(t, {"Globex"});
  const int u = builder.Add(
      "Initech , a rival of Hooli , reported a painful loss .");
  builder.Entities(u, {"Initech", "Hooli"});
  const int v = builder.Add("Vandelay sales grew faster than Wonka sales .");
  builder.Entities(v, {"Vandelay", "Wonka"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::POSITIVE);
  EXPECT_EQ(EntityLabel(out, "Initech"), v1::Sentiment::NEGATIVE);
  EXPECT_NE(EntityLabel(out, "Hooli"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Vandelay"), v1::Sentiment::POSITIVE);
  EXPECT_NE(EntityLabel(out, "Wonka"), v1::Sentiment::POSITIVE);
}

TEST(SentimentPluginTest, CausesAreNotTheirEffects) {
  // The agent of a causal verb does not share its victim's loss.
  DocBuilder builder;
  const int s = builder.Add(
      "Globex triggered a brutal sell-off in Acme shares on Tuesday .");
  builder.Entities(s, {"Globex", "Acme"});
  const v1::Annotations out = RunPlugin(builder.doc());
  ASSERT_NE(FindEntity(out, "Globex"), nullptr);
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
  EXPECT_NE(FindEntity(out, "Globex")->sentiment().label(),
            v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, EffectAndCauseClausesStayApart) {
  DocBuilder builder;
  const int s = builder.Add(
      "Acme shares plunged 17 % after Globex unveiled its own phone .");
  builder.Entities(s, {"Acme", "Globex"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEUTRAL);
}

TEST(SentimentPluginTest, ComparisonsInvertForTheSecondTerm) {
  DocBuilder builder;
  const int s = builder.Add("Acme phones are far better than Globex phones .");
  builder.Entities(s, {"Acme", "Globex"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::POSITIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, EntityLabelsWeighEvidenceNotTheMean) {
  // Many neutral mentions do not hide two clear ones...
  DocBuilder builder;
  const int a = builder.Add("Acme shares plunged 30 % on Monday .");
  builder.Entities(a, {"Acme"});
  for (int i = 0; i < 8; ++i) {
    const int s = builder.Add("Acme has an office in Ohio .");
    builder.Entities(s, {"Acme"});
  }
  const int b = builder.Add("Acme suffered a humiliating defeat .");
  builder.Entities(b, {"Acme"});
  // ... and one clear gain against one clear loss is MIXED.
  const int c = builder.Add("Globex shares soared 40 % in March .");
  builder.Entities(c, {"Globex"});
  const int d = builder.Add("Globex shares crashed 45 % in May .");
  builder.Entities(d, {"Globex"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEGATIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::MIXED);
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

// Invented financial-news sentences, one judgement each, run through the
// whole built-in pipeline (segmenter, numbers, entities, sentiment). They
// guard the rules that read company news: direction words with good and bad
// quantities, "from X to Y" moves, expectations, ratings, guidance, and
// events that are bad news in themselves; and they guard plain reports of
// fact against being read as opinion.
struct FinancialCase {
  const char* text;
  v1::Sentiment::Label label;
};

constexpr v1::Sentiment::Label kPos = v1::Sentiment::POSITIVE;
constexpr v1::Sentiment::Label kNeg = v1::Sentiment::NEGATIVE;
constexpr v1::Sentiment::Label kNeu = v1::Sentiment::NEUTRAL;

constexpr FinancialCase kFinancialCases[] = {
    // Good news.
    {"Operating profit rose to EUR 13.1 million from EUR 8.7 million a year "
     "earlier.",
     kPos},
    {"Net sales increased 12% to $450 million.", kPos},
    {"The company's quarterly earnings beat analysts' expectations.", kPos},
    {"Costs fell 10% after the restructuring.", kPos},
    {"The net loss narrowed to $2 million from $9 million.", kPos},
    {"Analysts upgraded the stock to buy.", kPos},
    {"The retailer raised its full-year guidance.", kPos},
    {"Shares of Fabrikam jumped 8% in early trading.", kPos},
    {"The bank reported a record profit for the third quarter.", kPos},
    {"Orders doubled compared with the previous year.", kPos},
    {"The group returned to profit in the second half.", kPos},
    {"The operating margin improved to 14% from 11%.", kPos},
    {"The lender reduced its debt by $300 million.", kPos},
    {"Unemployment fell to 3.5% in March.", kPos},
    {"The company won a $2 billion contract from the navy.", kPos},
    {"Revenue grew 25% year on year, beating estimates.", kPos},
    {"The board approved a higher dividend.", kPos},
    {"Quarterly sales topped forecasts.", kPos},
    {"The stock hit an all-time high on Friday.", kPos},
    {"Earnings per share came in at $1.20, up from $0.95.", kPos},
    {"Pre-tax profit totalled EUR 4.5 million, compared with EUR 3.2 million "
     "in the corresponding period.",
     kPos},
    {"The airline swung to a profit of $80 million.", kPos},
    {"Demand for the new model remains strong.", kPos},
    {"The company expects sales to grow in 2027.", kPos},
    // Bad news.
    {"The company's net loss widened to $5 million.", kNeg},
    {"Revenue missed estimates for the second quarter in a row.", kNeg},
    {"Shares plunged 20% after the profit warning.", kNeg},
    {"The automaker announced 3,000 layoffs.", kNeg},
    {"The firm filed for bankruptcy protection on Tuesday.", kNeg},
    {"Operating profit fell to EUR 2.1 million from EUR 6.4 million.", kNeg},
    {"The agency downgraded the utility's credit rating.", kNeg},
    {"The retailer cut its full-year forecast.", kNeg},
    {"Regulators opened a probe into the bank's lending practices.", kNeg},
    {"The carmaker recalled 200,000 vehicles over faulty brakes.", kNeg},
    {"Net sales decreased by 7% to $120 million.", kNeg},
    {"Investors sued the company over misleading statements.", kNeg},
    {"Costs rose 15%, squeezing margins.", kNeg},
    {"The stock slumped to a record low.", kNeg},
    {"The company swung to a loss of $40 million.", kNeg},
    {"Profit dropped 30% as demand weakened.", kNeg},
    {"The group will cut 500 jobs.", kNeg},
    {"Debt climbed to $8 billion.", kNeg},
    {"The chipmaker warned that sales would decline next quarter.", kNeg},
    {"The operating margin shrank to 4% from 9%.", kNeg},
    {"Pre-tax profit totalled EUR 1.2 million, compared with EUR 3.9 million "
     "a year earlier.",
     kNeg},
    {"The company posted an operating loss of EUR 3 million.", kNeg},
    {"Sales were hurt by weak demand in Europe.", kNeg},
    {"Operating profit totalled EUR 9.4 mn, down from EUR 11.7 mn in 2024.",
     kNeg},
    {"Net sales were EUR 24.3 million, compared to EUR 19.8 million a year "
     "ago.",
     kPos},
    {"The operating loss was EUR 1.2 mn compared with EUR 3.4 mn in the "
     "previous quarter.",
     kPos},
    {"Operating profit was EUR 0.8 mn (EUR 1.1 mn).", kNeg},
    {"Earnings per share were EUR 0.21 versus EUR 0.15.", kPos},
    {"Gross margin declined to 31% from 35%.", kNeg},
    {"Analysts lowered their price target to $30.", kNeg},
    {"Quarterly revenue came in below analyst estimates.", kNeg},
    {"The group's net debt was reduced to EUR 40 million.", kPos},
    {"Orders received grew by 14% year on year.", kPos},
    {"The company warned of a fall in full-year profit.", kNeg},
    {"The firm failed to meet its sales target.", kNeg},
    {"The drop was the largest in the history of the index.", kNeg},
    {"Market share slipped to 12%.", kNeg},
    {"The company said it would lay off 150 workers.", kNeg},
    {"The company's credit rating was cut to junk.", kNeg},
    {"Higher raw material prices weighed on margins.", kNeg},
    {"The bank expects economic growth to slow next year.", kNeg},
    {"Inflation eased to 2.1% in October.", kPos},
    {"Profit per share was EUR 0.12 against EUR 0.20 a year earlier.", kNeg},
    {"The firm posted a 10% rise in quarterly profit.", kPos},
    {"Operating income more than doubled.", kPos},
    {"The company posted a smaller net loss.", kPos},
    {"The company reported a wider loss.", kNeg},
    {"Revenue did not meet expectations.", kNeg},
    {"The unit remains loss-making.", kNeg},
    // Facts.
    {"Shares were little changed in afternoon trading.", kNeu},
    {"A bigger company would pay more.", kNeu},
    {"The company's order book stood at EUR 100 million at the end of June.",
     kNeu},
    {"The transaction is subject to approval by the competition authorities.",
     kNeu},
    {"The company's net sales in 2025 totalled EUR 56 million.", kNeu},
    {"Operating profit was EUR 4.1 million.", kNeu},
    {"Interest rates were left unchanged at 4.5%.", kNeu},
    {"Prices for the product vary between EUR 10 and EUR 20.", kNeu},
    {"The board proposes a dividend of EUR 0.50 per share.", kNeu},
    {"Sales were EUR 5.0 million, compared with EUR 5.01 million.", kNeu},
    {"The contract is worth EUR 3 million (USD 3.3 million).", kNeu},
    {"The company will report its results on March 3.", kNeu},
    {"The firm has 2,400 employees in 12 countries.", kNeu},
    {"The deal is expected to close in the second quarter.", kNeu},
    {"The company is headquartered in Helsinki.", kNeu},
    {"Revenue was $3.2 billion, in line with estimates.", kNeu},
    {"The bank holds a 15% stake in the insurer.", kNeu},
    {"The annual general meeting will be held in April.", kNeu},
    {"The new plant will produce 50,000 tonnes of steel a year.", kNeu},
    {"The shares closed at $41.20.", kNeu},
    {"The contract runs until the end of 2027.", kNeu},
    {"The company appointed a new chief financial officer.", kNeu},
    {"Net sales totalled EUR 84 million in 2025.", kNeu},
    {"The order is worth about $15 million.", kNeu},
};

TEST(SentimentPluginTest, FinancialNewsSentences) {
  int wrong = 0;
  for (const FinancialCase& c : kFinancialCases) {
    absl::StatusOr<v1::Document> doc = AnalyzeWithBuiltins(c.text);
    ASSERT_TRUE(doc.ok()) << doc.status();
    ASSERT_GE(doc->sentences_size(), 1) << c.text;
    const v1::Sentiment::Label got = doc->sentiment().label();
    if (got != c.label) {
      ++wrong;
      ADD_FAILURE() << c.text << "\n  expected "
                    << v1::Sentiment::Label_Name(c.label) << ", got "
                    << v1::Sentiment::Label_Name(got) << " (score "
                    << doc->sentiment().score() << ")";
    }
  }
  EXPECT_EQ(wrong, 0);
}

TEST(SentimentPluginTest, ActingVerbsBefallTheirObject) {
  DocBuilder builder;
  const int active = builder.Add("Acme downgraded Globex to sell .");
  builder.Entities(active, {"Acme", "Globex"});
  v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEGATIVE);

  DocBuilder passive;
  const int s = passive.Add("Globex was downgraded by Acme .");
  passive.Entities(s, {"Globex"});
  out = RunPlugin(passive.doc());
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEGATIVE);
}

TEST(SentimentPluginTest, SpeakersReportingTheirOwnFiguresAreTheTopic) {
  DocBuilder builder;
  const int own = builder.Add("Acme said sales rose 9 % .");
  builder.Entities(own, {"Acme"});
  const int other = builder.Add("Globex said inflation rose to 4 % .");
  builder.Entities(other, {"Globex"});
  const v1::Annotations out = RunPlugin(builder.doc());
  EXPECT_EQ(EntityLabel(out, "Acme"), v1::Sentiment::POSITIVE);
  EXPECT_EQ(EntityLabel(out, "Globex"), v1::Sentiment::NEUTRAL);
}

TEST(SentimentPluginTest, AmountsComparedGiveTheDirection) {
  // Up and down by the order of the amounts, for good and bad quantities.
  EXPECT_GT(Score("Profit was $ 9 million , compared with $ 7 million ."), 0);
  EXPECT_LT(Score("Profit was $ 7 million , compared with $ 9 million ."), 0);
  EXPECT_GT(Score("The loss was $ 7 million , compared with $ 9 million ."),
            0);
  EXPECT_LT(Score("The loss was $ 9 million , compared with $ 7 million ."),
            0);
  // Scale words count: 900 thousand is less than 1.2 million.
  EXPECT_LT(Score("Profit was $ 900 thousand versus $ 1.2 million ."), 0);
  // Different units are no comparison.
  EXPECT_EQ(Sentence("Sales were EUR 5 million ( $ 6 million ) .").label(),
            v1::Sentiment::NEUTRAL);
  // Figures too long for any number type still compare.
  EXPECT_EQ(Sentence(absl::StrCat("Profit was $ ", std::string(400, '9'),
                                  " , compared with $ 7 ."))
                .label(),
            v1::Sentiment::POSITIVE);
  // Years are periods, not amounts.
  EXPECT_EQ(Sentence("Sales in 2025 versus 2024 .").label(),
            v1::Sentiment::NEUTRAL);
  // A direction word already tells the move.
  EXPECT_LT(Score("Profit fell to $ 9 million , compared with $ 7 million ."),
            0);
}

TEST(SentimentPluginTest, SuperlativesMakeAMoveNews) {
  EXPECT_EQ(Sentence("Its fall was modest .").label(), v1::Sentiment::NEUTRAL);
  EXPECT_EQ(Sentence("Its fall was the steepest ever .").label(),
            v1::Sentiment::NEGATIVE);
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
