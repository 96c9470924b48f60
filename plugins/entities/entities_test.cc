#include "plugins/entities/entities.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugins/builtin_plugins.h"

namespace loupe {
namespace {

using ::testing::IsEmpty;

// Builds a Document from `marked`: tokens are separated by spaces, or by
// '|' where two tokens touch with no space between them (the '|' is not
// part of the text). A token is a NUMBER if it starts with a digit,
// PUNCTUATION if it has no letter or digit, else a WORD. This stands in for
// the segmenter, so these tests do not depend on its behaviour.
v1::Document MakeDocument(absl::string_view marked) {
  v1::Document doc;
  std::string text;
  std::vector<std::pair<size_t, size_t>> spans;
  size_t begin = std::string::npos;
  auto close = [&]() {
    if (begin != std::string::npos && text.size() > begin) {
      spans.emplace_back(begin, text.size());
    }
    begin = std::string::npos;
  };
  for (char c : marked) {
    if (c == ' ' || c == '\n') {
      close();
      text.push_back(c);
    } else if (c == '|') {
      close();
    } else {
      if (begin == std::string::npos) begin = text.size();
      text.push_back(c);
    }
  }
  close();
  doc.set_text(text);
  for (const auto& [b, e] : spans) {
    v1::Token* token = doc.add_tokens();
    token->mutable_span()->set_byte_begin(static_cast<uint32_t>(b));
    token->mutable_span()->set_byte_end(static_cast<uint32_t>(e));
    const unsigned char first = text[b];
    bool alnum = false;
    for (size_t k = b; k < e; ++k) {
      const unsigned char c = text[k];
      alnum |= absl::ascii_isalnum(c) || c >= 0x80;
    }
    token->set_kind(absl::ascii_isdigit(first) ? v1::Token::NUMBER
                    : alnum                   ? v1::Token::WORD
                                              : v1::Token::PUNCTUATION);
  }
  return doc;
}


std::vector<v1::Entity> Annotate(const v1::Document& doc,
                            const EntitiesPlugin::Options& options = {}) {
  absl::StatusOr<std::unique_ptr<Plugin>> plugin =
      EntitiesPlugin::Create(options);
  EXPECT_TRUE(plugin.ok()) << plugin.status();
  if (!plugin.ok()) return {};
  v1::Annotations out;
  EXPECT_TRUE((*plugin)->Process(doc, &out).ok());
  for (const v1::Entity& entity : out.entities()) {
    const v1::TextSpan& span = entity.span();
    EXPECT_LE(span.byte_begin(), span.byte_end());
    EXPECT_LE(span.byte_end(), doc.text().size());
    EXPECT_EQ(entity.text(), doc.text().substr(span.byte_begin(),
                                               span.byte_end() - span.byte_begin()));
    EXPECT_GE(entity.confidence(), 0.0f);
    EXPECT_LE(entity.confidence(), 1.0f);
  }
  return std::vector<v1::Entity>(out.entities().begin(), out.entities().end());
}

std::vector<v1::Entity> Annotate(absl::string_view marked) {
  return Annotate(MakeDocument(marked));
}

// The entity whose text is `text` (the n-th such, 0-based), or nullptr.
const v1::Entity* Find(const std::vector<v1::Entity>& entities,
                       absl::string_view text, int n = 0) {
  for (const v1::Entity& entity : entities) {
    if (entity.text() == text && n-- == 0) return &entity;
  }
  return nullptr;
}

bool Has(const std::vector<v1::Entity>& entities, absl::string_view text) {
  return Find(entities, text) != nullptr;
}

TEST(EntitiesPluginTest, SpecIsValid) {
  const v1::PluginSpec spec = EntitiesPlugin::Spec();
  EXPECT_EQ(spec.id(), "entities");
  EXPECT_EQ(spec.version(), "0.2.0");
  EXPECT_EQ(spec.kind(), v1::PluginSpec::ENTITIES);
  EXPECT_THAT(spec.requires_fields(), testing::ElementsAre("tokens"));
  EXPECT_THAT(spec.assigns_fields(), testing::ElementsAre("entities"));
}

TEST(EntitiesPluginTest, RejectsBadConfidenceThreshold) {
  EntitiesPlugin::Options options;
  options.set_min_confidence(1.5f);
  EXPECT_EQ(EntitiesPlugin::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(EntitiesPluginTest, GazetteerTypes) {
  const auto entities = Annotate(
      "Analysts in Berlin said Microsoft and Samsung Electronics sold more "
      "iPhone cases than the European average , while the Nasdaq Composite "
      "rose in Southeast Asia during the Lunar New Year .");
  ASSERT_NE(Find(entities, "Berlin"), nullptr);
  EXPECT_EQ(Find(entities, "Berlin")->type(), v1::Entity::GPE);
  EXPECT_EQ(Find(entities, "Microsoft")->type(), v1::Entity::ORG);
  ASSERT_NE(Find(entities, "Samsung Electronics"), nullptr);
  EXPECT_EQ(Find(entities, "Samsung Electronics")->canonical(), "Samsung");
  EXPECT_EQ(Find(entities, "iPhone")->type(), v1::Entity::PRODUCT);
  EXPECT_EQ(Find(entities, "European")->type(), v1::Entity::NORP);
  ASSERT_NE(Find(entities, "Nasdaq Composite"), nullptr);
  EXPECT_EQ(Find(entities, "Nasdaq Composite")->type(), v1::Entity::MISC);
  EXPECT_EQ(Find(entities, "Southeast Asia")->type(), v1::Entity::LOC);
  EXPECT_EQ(Find(entities, "Lunar New Year")->type(), v1::Entity::EVENT);
  EXPECT_GE(Find(entities, "Microsoft")->confidence(), 0.8f);
}

TEST(EntitiesPluginTest, AliasesFoldToOneCanonicalName) {
  const auto entities = Annotate(
      "NVIDIA stock ( NVDA ) fell , and Nvidia said the US and America are "
      "one market ; the U.S. and the United States agree .");
  for (absl::string_view text : {"NVIDIA", "NVDA", "Nvidia"}) {
    ASSERT_NE(Find(entities, text), nullptr) << text;
    EXPECT_EQ(Find(entities, text)->canonical(), "Nvidia") << text;
    EXPECT_EQ(Find(entities, text)->type(), v1::Entity::ORG) << text;
  }
  for (absl::string_view text : {"US", "America", "U.S.", "United States"}) {
    ASSERT_NE(Find(entities, text), nullptr) << text;
    EXPECT_EQ(Find(entities, text)->canonical(), "United States") << text;
    EXPECT_EQ(Find(entities, text)->type(), v1::Entity::GPE) << text;
  }
}

TEST(EntitiesPluginTest, LowerCaseWordsAreNotAliases) {
  // "us" is a pronoun and "apple" a fruit.
  const auto entities = Annotate("Give us an apple from the tree .");
  EXPECT_THAT(entities, IsEmpty());
}

TEST(EntitiesPluginTest, SurnameAndFirstNameFoldToFullName) {
  const auto entities = Annotate(
      "The fund was started by Zhou Minghao in 2019 . Critics doubt Zhou . "
      "Later , Priya Raman joined . Priya told staff that Raman would stay .");
  ASSERT_NE(Find(entities, "Zhou Minghao"), nullptr);
  EXPECT_EQ(Find(entities, "Zhou Minghao")->type(), v1::Entity::PERSON);
  const v1::Entity* zhou = Find(entities, "Zhou");
  ASSERT_NE(zhou, nullptr);
  EXPECT_EQ(zhou->canonical(), "Zhou Minghao");
  EXPECT_EQ(zhou->type(), v1::Entity::PERSON);
  ASSERT_NE(Find(entities, "Priya"), nullptr);
  EXPECT_EQ(Find(entities, "Priya")->canonical(), "Priya Raman");
  ASSERT_NE(Find(entities, "Raman"), nullptr);
  EXPECT_EQ(Find(entities, "Raman")->canonical(), "Priya Raman");
}

TEST(EntitiesPluginTest, SurnameBeforeFullNameFoldsToo) {
  const auto entities = Annotate(
      "Critics said Okafor moved fast . The plan came from Chidi Okafor .");
  ASSERT_NE(Find(entities, "Okafor"), nullptr);
  EXPECT_EQ(Find(entities, "Okafor")->canonical(), "Chidi Okafor");
}

TEST(EntitiesPluginTest, CaseVariantsFoldToBestCasedForm) {
  const auto entities = Annotate(
      "Investors like Quantelix . Later Quantelix and QuantELix and "
      "QUANTELIX were all mentioned .");
  ASSERT_NE(Find(entities, "QUANTELIX"), nullptr);
  EXPECT_EQ(Find(entities, "QUANTELIX")->canonical(), "QuantELix");
  EXPECT_EQ(Find(entities, "Quantelix")->canonical(), "QuantELix");
  // Gazetteer names fold whatever their case.
  const auto known = Annotate("Rivals of Openai and OPENAI met .");
  ASSERT_NE(Find(known, "Openai"), nullptr);
  EXPECT_EQ(Find(known, "Openai")->canonical(), "OpenAI");
  EXPECT_EQ(Find(known, "OPENAI")->canonical(), "OpenAI");
}

TEST(EntitiesPluginTest, AcronymFoldsToExpandedName) {
  const auto entities = Annotate(
      "The Northwind Research Institute published a study . Later , NRI "
      "revised it .");
  ASSERT_NE(Find(entities, "Northwind Research Institute"), nullptr);
  EXPECT_EQ(Find(entities, "Northwind Research Institute")->type(),
            v1::Entity::ORG);
  ASSERT_NE(Find(entities, "NRI"), nullptr);
  EXPECT_EQ(Find(entities, "NRI")->canonical(), "Northwind Research Institute");
  EXPECT_EQ(Find(entities, "NRI")->type(), v1::Entity::ORG);
}

TEST(EntitiesPluginTest, ExcludesDeterminersAndPossessives) {
  // Possessives split off by the tokenizer, and one left attached.
  const auto entities = Annotate(
      "Trade between the United States and Tencent|’s rivals grew , and "
      "Alibaba’s shares rose .");
  EXPECT_TRUE(Has(entities, "United States"));
  EXPECT_FALSE(Has(entities, "the United States"));
  ASSERT_NE(Find(entities, "Tencent"), nullptr);
  ASSERT_NE(Find(entities, "Alibaba"), nullptr);
  EXPECT_EQ(Find(entities, "Alibaba")->canonical(), "Alibaba");
}

TEST(EntitiesPluginTest, GluedTokens) {
  // What the segmenter yields for scraper glue: "landscapeOpenAI’s",
  // "U.Stech", "plummetingNVIDIA".
  const auto entities = Annotate(
      "the AI landscape|OpenAI|’s lead , the U.S|tech sector , and shares "
      "kept plummeting|NVIDIA fell .");
  ASSERT_NE(Find(entities, "OpenAI"), nullptr);
  EXPECT_EQ(Find(entities, "OpenAI")->type(), v1::Entity::ORG);
  ASSERT_NE(Find(entities, "U.S"), nullptr);
  EXPECT_EQ(Find(entities, "U.S")->canonical(), "United States");
  EXPECT_EQ(Find(entities, "U.S")->type(), v1::Entity::GPE);
  ASSERT_NE(Find(entities, "NVIDIA"), nullptr);
  EXPECT_EQ(Find(entities, "NVIDIA")->canonical(), "Nvidia");
}

TEST(EntitiesPluginTest, NameBeforeHyphenInsideCompound) {
  const auto entities = Annotate("They bought U.S.-made and Chinese-built chips .");
  ASSERT_NE(Find(entities, "U.S."), nullptr);
  EXPECT_EQ(Find(entities, "U.S.")->canonical(), "United States");
  ASSERT_NE(Find(entities, "Chinese"), nullptr);
  EXPECT_EQ(Find(entities, "Chinese")->type(), v1::Entity::NORP);
}

TEST(EntitiesPluginTest, PluralOfCompanyName) {
  const auto entities = Annotate("Its cash pile could buy three Baidus .");
  ASSERT_NE(Find(entities, "Baidus"), nullptr);
  EXPECT_EQ(Find(entities, "Baidus")->canonical(), "Baidu");
  EXPECT_EQ(Find(entities, "Baidus")->type(), v1::Entity::ORG);
}

TEST(EntitiesPluginTest, ProductShapesAndVersions) {
  const auto entities = Annotate(
      "DeepSeek released R1 , then Gemini 2.0 Pro arrived , and the Zephyr "
      "team shipped its X7 chip beside the o1-mini model .");
  ASSERT_NE(Find(entities, "R1"), nullptr);
  EXPECT_EQ(Find(entities, "R1")->type(), v1::Entity::PRODUCT);
  // A company-prefixed model in the gazetteer names the code.
  EXPECT_EQ(Find(entities, "R1")->canonical(), "DeepSeek-R1");
  ASSERT_NE(Find(entities, "Gemini 2.0 Pro"), nullptr);
  EXPECT_EQ(Find(entities, "Gemini 2.0 Pro")->type(), v1::Entity::PRODUCT);
  ASSERT_NE(Find(entities, "X7"), nullptr);
  EXPECT_EQ(Find(entities, "X7")->type(), v1::Entity::PRODUCT);
  EXPECT_LT(Find(entities, "X7")->confidence(),
            Find(entities, "Gemini 2.0 Pro")->confidence());
  ASSERT_NE(Find(entities, "o1-mini"), nullptr);
}

// A place name can stand for a team: the context decides. Legal forms stay
// inside company names.
TEST(EntitiesPluginTest, ContextTypesPlaceNamesAndKeepsLegalForms) {
  const auto entities = Annotate(
      "Manchester beat Liverpool 2-1 on Saturday .\n"
      "Brennfeld Holdings Ltd said profits fell .");
  ASSERT_NE(Find(entities, "Liverpool"), nullptr);
  EXPECT_EQ(Find(entities, "Liverpool")->type(), v1::Entity::ORG);
  const auto city = Annotate("Fans stayed in Liverpool all night .");
  ASSERT_NE(Find(city, "Liverpool"), nullptr);
  EXPECT_EQ(Find(city, "Liverpool")->type(), v1::Entity::GPE);
  EXPECT_EQ(Find(city, "Liverpool")->canonical(), "Liverpool");
  ASSERT_NE(Find(entities, "Brennfeld Holdings Ltd"), nullptr);
  EXPECT_EQ(Find(entities, "Brennfeld Holdings Ltd")->type(), v1::Entity::ORG);
  // The 0.1 rules have no context model: a known place stays a place.
  EntitiesPlugin::Options rules;
  rules.set_rules_only(true);
  const auto ruled = Annotate(MakeDocument("Manchester beat Liverpool 2-1 ."), rules);
  ASSERT_NE(Find(ruled, "Liverpool"), nullptr);
  EXPECT_EQ(Find(ruled, "Liverpool")->type(), v1::Entity::GPE);
}

TEST(EntitiesPluginTest, RuleCuesTypeUnknownNames) {
  const auto entities = Annotate(
      "Shares of Brightwater Holdings rose after chief executive Tomasz "
      "Wielgus spoke . Mr. Kowalczyk disagreed , and Ana Lindqvist said "
      "prices would fall .");
  ASSERT_NE(Find(entities, "Brightwater Holdings"), nullptr);
  EXPECT_EQ(Find(entities, "Brightwater Holdings")->type(), v1::Entity::ORG);
  ASSERT_NE(Find(entities, "Tomasz Wielgus"), nullptr);
  EXPECT_EQ(Find(entities, "Tomasz Wielgus")->type(), v1::Entity::PERSON);
  ASSERT_NE(Find(entities, "Kowalczyk"), nullptr);
  EXPECT_EQ(Find(entities, "Kowalczyk")->type(), v1::Entity::PERSON);
  EXPECT_FALSE(Has(entities, "Mr. Kowalczyk"));
  ASSERT_NE(Find(entities, "Ana Lindqvist"), nullptr);
  EXPECT_EQ(Find(entities, "Ana Lindqvist")->type(), v1::Entity::PERSON);
  // The 0.1 rules give a cue-only guess a modest confidence.
  EntitiesPlugin::Options rules;
  rules.set_rules_only(true);
  const auto guessed = Annotate(
      MakeDocument("Shares fell , and Ana Lindqvist said prices would fall ."), rules);
  ASSERT_NE(Find(guessed, "Ana Lindqvist"), nullptr);
  EXPECT_LT(Find(guessed, "Ana Lindqvist")->confidence(), 0.9f);
}

TEST(EntitiesPluginTest, FalsePositiveGuards) {
  const auto entities = Annotate(
      "However , prices rose on Monday .\n"
      "Meanwhile the GPU and AI spending by each CEO grew in January .\n"
      "Investors sold everything .\n"
      "MARKET HEAVY SELLING GRIPS traders , analysts said .");
  EXPECT_THAT(entities, IsEmpty()) << entities.front().text();
}

TEST(EntitiesPluginTest, TitleCaseHeadlineNeedsEvidence) {
  const auto entities = Annotate(
      "Stocks Tumble As Investors Flee Risky Bets On Tuesday\n"
      "Markets fell sharply as Vantor Labs cut its forecast .");
  EXPECT_FALSE(Has(entities, "Stocks"));
  EXPECT_FALSE(Has(entities, "Investors Flee Risky Bets"));
  EXPECT_FALSE(Has(entities, "Risky Bets"));
  EXPECT_TRUE(Has(entities, "Vantor Labs"));
}

TEST(EntitiesPluginTest, MinConfidenceAndGazetteerOnly) {
  const v1::Document doc =
      MakeDocument("Nvidia met the Quorvex team in Paris .");
  EntitiesPlugin::Options gazetteer_only;
  gazetteer_only.set_gazetteer_only(true);
  const auto known = Annotate(doc, gazetteer_only);
  EXPECT_TRUE(Has(known, "Nvidia"));
  EXPECT_TRUE(Has(known, "Paris"));
  EXPECT_FALSE(Has(known, "Quorvex"));
  EXPECT_TRUE(Has(Annotate(doc), "Quorvex"));
  EntitiesPlugin::Options strict;
  strict.set_min_confidence(0.8f);
  const auto all = Annotate(doc);
  const auto confident = Annotate(doc, strict);
  EXPECT_TRUE(Has(confident, "Nvidia"));
  size_t expected = 0;
  for (const v1::Entity& entity : all) expected += entity.confidence() >= 0.8f;
  EXPECT_EQ(confident.size(), expected);
  for (const v1::Entity& entity : confident) EXPECT_GE(entity.confidence(), 0.8f);
}

TEST(EntitiesPluginTest, EmptyDocumentAndNoTokens) {
  EXPECT_THAT(Annotate(v1::Document()), IsEmpty());
  v1::Document untokenized;
  untokenized.set_text("Nvidia and OpenAI in Paris.");
  EXPECT_THAT(Annotate(untokenized), IsEmpty());
}

TEST(EntitiesPluginTest, IgnoresTokensOutsideTheText) {
  v1::Document doc;
  doc.set_text("Paris");
  v1::Token* token = doc.add_tokens();
  token->mutable_span()->set_byte_begin(2);
  token->mutable_span()->set_byte_end(99);
  token->set_kind(v1::Token::WORD);
  EXPECT_THAT(Annotate(doc), IsEmpty());
}

TEST(EntitiesPluginTest, MegabyteOfCapitalizedWords) {
  std::string marked;
  const char* kWords[] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo",
                          "Foxtrot", "Golf", "Hotel"};
  for (int i = 0; marked.size() < (1 << 20); ++i) {
    marked += kWords[i % 8];
    marked += (i % 13 == 12) ? " .\n" : " ";
  }
  const v1::Document doc = MakeDocument(marked);
  ASSERT_GT(doc.tokens_size(), 100000);
  const auto entities = Annotate(doc);
  // Runs of capitals longer than any name are not names; nothing overlaps.
  uint32_t previous_end = 0;
  for (const v1::Entity& entity : entities) {
    EXPECT_GE(entity.span().byte_begin(), previous_end);
    previous_end = entity.span().byte_end();
  }
}

TEST(EntitiesPluginTest, ArbitraryUnicodeDoesNotCrash) {
  const auto entities = Annotate(
      "北京 🚀 Ünïcödé Ωmega Straße ÉCOLE naïve ́ ‼ … “ ” Zürich");
  EXPECT_TRUE(Has(entities, "Zürich"));
  EXPECT_EQ(Find(entities, "Zürich")->canonical(), "Zurich");
}

TEST(EntitiesPluginTest, RunsInTheDefaultPipeline) {
  absl::StatusOr<v1::Document> doc = AnalyzeWithBuiltins(
      "Microsoft and Google compete in Europe.",
      {"segmenter", "entities"});
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::vector<std::string> texts;
  for (const v1::Entity& entity : doc->entities()) texts.push_back(entity.text());
  EXPECT_THAT(texts, testing::IsSupersetOf({"Microsoft", "Google", "Europe"}));
}

}  // namespace
}  // namespace loupe
