#include "plugins/sentiment/sentiment.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace loupe {
namespace {

using sentiment_internal::NormalizeValence;
using sentiment_internal::SentenceScore;

constexpr float kDefaultHeadlineWeight = 2.0f;
constexpr float kDefaultNeutralThreshold = 0.1f;
// Neutral sentences (or mentions) still count in a mean, but less: an
// article of plain facts with one sharp sentence is mildly, not strongly,
// coloured, yet many facts must not drown a clear tone.
constexpr float kNeutralItemWeight = 0.3f;
// MIXED: each side holds at least this share of the polar mass, and at
// least this much of it (a mean score times weight, summed).
constexpr float kMixedMinShare = 0.35f;
constexpr float kMixedMinMass = 0.4f;
// A sentence is never MIXED: as the annotation guidelines ask, its net
// polarity after contrast weighting decides (a reader's "main clause"
// reading), and a balanced sentence lands near 0, NEUTRAL. Documents and
// entities can be MIXED.
//
// A sentence whose only sentiment word is milder than this (VADER scale,
// after the rules) is NEUTRAL: "the plan would create jobs" reports, it
// does not judge. VADER's raters put words under 1 barely off neutral. A
// move with a figure is news, however mild its word: "revenue was up 8 %".
constexpr float kMildWord = 1.0f;
// Entity labels (see ScoreMean::EntityResult): a side wins with a surplus
// of kEntityMinNet (one mildly polar mention: a mention's score times its
// weight); MIXED needs kEntityMixedMinMass on the weaker side and at least
// kEntityMixedMinShare of the polar mass.
constexpr float kEntityMinNet = 0.2f;
constexpr float kEntityMixedMinMass = 0.4f;
constexpr float kEntityMixedMinShare = 0.4f;
// The lead: body sentence i < kLeadSentences weighs
// 1 + kLeadBonus * (1 - i / kLeadSentences).
constexpr float kLeadBonus = 1.0f;
constexpr float kLeadSentences = 3.0f;

v1::Sentiment::Label LabelFor(float score, float threshold) {
  if (score >= threshold) return v1::Sentiment::POSITIVE;
  if (score <= -threshold) return v1::Sentiment::NEGATIVE;
  return v1::Sentiment::NEUTRAL;
}

// A weighted mean of scores in [-1, 1] that keeps track of both polarities.
class ScoreMean {
 public:
  explicit ScoreMean(float neutral_threshold)
      : neutral_threshold_(neutral_threshold) {}

  // `polar`: the item's own label is not NEUTRAL.
  void Add(float score, float weight, float magnitude, bool polar) {
    if (!polar) weight *= kNeutralItemWeight;
    any_polar_ = any_polar_ || polar;
    weighted_sum_ += weight * score;
    total_weight_ += weight;
    magnitude_ += magnitude;
    if (score > 0) {
      positive_ += weight * score;
      if (polar) polar_positive_ += weight * score;
    } else {
      negative_ -= weight * score;
      if (polar) polar_negative_ -= weight * score;
    }
  }

  // An entity's label weighs evidence, not the mean: only polar mentions
  // count, and a side wins when its surplus reaches kEntityMinNet.
  v1::Sentiment EntityResult() const {
    v1::Sentiment sentiment = Result();
    const double net = polar_positive_ - polar_negative_;
    const double mass = polar_positive_ + polar_negative_;
    const double minor = std::min(polar_positive_, polar_negative_);
    if (minor >= kEntityMixedMinMass && minor >= kEntityMixedMinShare * mass) {
      sentiment.set_label(v1::Sentiment::MIXED);
    } else if (std::abs(net) >= kEntityMinNet) {
      sentiment.set_label(net > 0 ? v1::Sentiment::POSITIVE
                                  : v1::Sentiment::NEGATIVE);
    } else {
      sentiment.set_label(v1::Sentiment::NEUTRAL);
    }
    return sentiment;
  }

  v1::Sentiment Result() const {
    v1::Sentiment sentiment;
    const double score =
        total_weight_ > 0 ? weighted_sum_ / total_weight_ : 0.0;
    sentiment.set_score(static_cast<float>(std::clamp(score, -1.0, 1.0)));
    sentiment.set_magnitude(static_cast<float>(magnitude_));
    const double polar = positive_ + negative_;
    if (std::min(positive_, negative_) >= kMixedMinMass &&
        std::min(positive_, negative_) >= kMixedMinShare * polar) {
      sentiment.set_label(v1::Sentiment::MIXED);
    } else {
      sentiment.set_label(any_polar_ ? LabelFor(sentiment.score(),
                                                neutral_threshold_)
                                     : v1::Sentiment::NEUTRAL);
    }
    return sentiment;
  }

 private:
  float neutral_threshold_;
  double weighted_sum_ = 0;
  double total_weight_ = 0;
  double magnitude_ = 0;
  double positive_ = 0;
  double negative_ = 0;
  bool any_polar_ = false;
  double polar_positive_ = 0;
  double polar_negative_ = 0;
};

// Token range of a sentence, clipped to the tokens that exist.
std::pair<uint32_t, uint32_t> TokenRange(const v1::Sentence& sentence,
                                         uint32_t token_count) {
  const uint32_t end = std::min(sentence.token_end(), token_count);
  return {std::min(sentence.token_begin(), end), end};
}

}  // namespace

v1::PluginSpec SentimentPlugin::Spec() {
  v1::PluginSpec spec;
  spec.set_id("sentiment");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::SENTIMENT);
  spec.set_description(
      "Lexicon and rule sentiment of sentences, document and entities");
  for (const char* field : {"tokens", "sentences", "entities"}) {
    spec.add_requires_fields(field);
  }
  for (const char* field :
       {"sentiment", "sentences.sentiment", "entity_sentiments"}) {
    spec.add_assigns_fields(field);
  }
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> SentimentPlugin::Create(
    const Options& options) {
  // Written so that NaN fails too.
  if (!(options.headline_weight() >= 0) ||
      !(options.neutral_threshold() >= 0 && options.neutral_threshold() < 1)) {
    return absl::InvalidArgumentError(
        "sentiment: headline_weight must be >= 0 and neutral_threshold in "
        "[0, 1)");
  }
  const absl::StatusOr<sentiment_internal::SentimentLexicon>& lexicon =
      sentiment_internal::SentimentLexicon::Embedded();
  if (!lexicon.ok()) return lexicon.status();
  Options resolved = options;
  if (resolved.headline_weight() == 0) {
    resolved.set_headline_weight(kDefaultHeadlineWeight);
  }
  if (resolved.neutral_threshold() == 0) {
    resolved.set_neutral_threshold(kDefaultNeutralThreshold);
  }
  return std::unique_ptr<Plugin>(new SentimentPlugin(&*lexicon, resolved));
}

SentimentPlugin::SentimentPlugin(
    const sentiment_internal::SentimentLexicon* lexicon, const Options& options)
    : options_(options), model_(&lexicon->model()), scorer_(lexicon) {}

absl::Status SentimentPlugin::Process(const v1::Document& doc,
                                      v1::Annotations* out) {
  const uint32_t token_count = static_cast<uint32_t>(doc.tokens_size());
  const float threshold = options_.neutral_threshold();

  std::vector<uint8_t>& skipped = skipped_;
  skipped.assign(token_count, 0);
  for (const v1::Sentence& sentence : doc.sentences()) {
    if (!sentence.boilerplate()) continue;
    const auto [begin, end] = TokenRange(sentence, token_count);
    std::fill(skipped.begin() + begin, skipped.begin() + end,
              sentiment_internal::kSkipBoilerplate);
  }

  // Entity mentions, by first token, each with its canonical entity's tally.
  struct Mention {
    uint32_t begin;
    uint32_t end;
    size_t tally;
  };
  struct EntityTally {
    std::string canonical;
    v1::Entity::Type type;
    ScoreMean mean;
    uint32_t mentions = 0;
  };
  std::vector<Mention> mentions;
  std::vector<EntityTally> tallies;
  absl::flat_hash_map<std::string, size_t> tally_index;
  const auto& tokens = doc.tokens();
  for (const v1::Entity& entity : doc.entities()) {
    const uint32_t byte_begin = entity.span().byte_begin();
    const uint32_t byte_end = entity.span().byte_end();
    // First token ending after the mention starts; first starting at its end.
    const uint32_t begin = static_cast<uint32_t>(
        std::partition_point(tokens.begin(), tokens.end(),
                             [&](const v1::Token& token) {
                               return token.span().byte_end() <= byte_begin;
                             }) -
        tokens.begin());
    if (begin >= token_count ||
        skipped[begin] == sentiment_internal::kSkipBoilerplate) {
      continue;
    }
    const uint32_t end = static_cast<uint32_t>(
        std::partition_point(tokens.begin() + begin, tokens.end(),
                             [&](const v1::Token& token) {
                               return token.span().byte_begin() < byte_end;
                             }) -
        tokens.begin());
    std::string canonical = entity.canonical();
    if (canonical.empty()) canonical = entity.text();
    if (canonical.empty() && byte_begin <= byte_end &&
        byte_end <= doc.text().size()) {
      canonical = doc.text().substr(byte_begin, byte_end - byte_begin);
    }
    if (canonical.empty()) continue;
    auto [it, inserted] = tally_index.try_emplace(canonical, tallies.size());
    if (inserted) {
      tallies.push_back(EntityTally{std::move(canonical), entity.type(),
                                    ScoreMean(threshold)});
    }
    mentions.push_back(Mention{begin, std::max(end, begin + 1), it->second});
  }
  std::stable_sort(
      mentions.begin(), mentions.end(),
      [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  // Words of names carry no opinion ("Great Wall Motors", "Trust Bank").
  // Only names of two or more tokens: a lone capitalized opinion word is
  // more often a recognizer's mistake than a name. Not in headings, whose
  // Title Case misleads recognizers ("Giants Lose" as a person). Mentions
  // are sorted and each token is marked once: linear time.
  uint32_t marked_until = 0;
  for (const Mention& mention : mentions) {
    if (mention.end - mention.begin < 2) continue;
    for (uint32_t t = std::max(mention.begin, marked_until);
         t < std::min(mention.end, token_count); ++t) {
      if (skipped[t] == sentiment_internal::kScoreToken) {
        skipped[t] = sentiment_internal::kInsideName;
      }
    }
    marked_until = std::max(marked_until, mention.end);
  }
  for (const v1::Sentence& sentence : doc.sentences()) {
    if (!sentence.heading()) continue;
    const auto [begin, end] = TokenRange(sentence, token_count);
    for (uint32_t t = begin; t < end; ++t) {
      if (skipped[t] == sentiment_internal::kInsideName) {
        skipped[t] = sentiment_internal::kScoreToken;
      }
    }
  }

  ScoreMean document(threshold);
  bool seen_body = false;
  int body_index = 0;  // body sentences (not the headline) seen so far
  for (int i = 0; i < doc.sentences_size(); ++i) {
    const v1::Sentence& sentence = doc.sentences(i);
    v1::SentenceSentiment* result = out->add_sentence_sentiments();
    result->set_sentence_index(static_cast<uint32_t>(i));
    v1::Sentiment* sentiment = result->mutable_sentiment();
    if (sentence.boilerplate()) {
      sentiment->set_label(v1::Sentiment::NEUTRAL);
      continue;
    }
    const auto [begin, end] = TokenRange(sentence, token_count);
    const SentenceScore s =
        scorer_.Score(doc, begin, end, skipped, &token_scores_);
    const float magnitude = s.positive + s.negative;
    const float score = options_.rules_only()
                            ? s.score
                            : sentiment_internal::ModelScore(*model_, s);
    sentiment->set_score(score);
    sentiment->set_magnitude(magnitude);
    sentiment->set_label(LabelFor(score, threshold));
    // One mild word does not make a factual sentence an opinion.
    if (s.polar_words <= 1 && s.moves == 0 && s.strongest < kMildWord) {
      sentiment->set_label(v1::Sentiment::NEUTRAL);
    }
    const bool polar = sentiment->label() != v1::Sentiment::NEUTRAL;
    // The headline: a heading before any other body sentence.
    const bool headline = !seen_body && sentence.heading();
    seen_body = true;
    // News puts the story in its lead (the "inverted pyramid"): the first
    // kLeadSentences body sentences weigh more, fading to 1.
    float weight = options_.headline_weight();
    if (!headline) {
      weight = 1.0f + kLeadBonus * std::max(0.0f, 1.0f - static_cast<float>(
                                                            body_index) /
                                                            kLeadSentences);
      ++body_index;
    }
    document.Add(score, weight, magnitude, polar);

    // The mentions that start in this sentence. Body sentences do not
    // overlap, so each mention is visited once.
    auto m = std::lower_bound(mentions.begin(), mentions.end(), begin,
                              [](const Mention& mention, uint32_t token) {
                                return mention.begin < token;
                              });
    if (m == mentions.end() || m->begin >= end) continue;
    const auto first = m;
    sentence_mentions_.clear();
    for (; m != mentions.end() && m->begin < end; ++m) {
      sentence_mentions_.push_back(sentiment_internal::TokenSpan{
          m->begin - begin, std::min(m->end, end) - begin});
    }
    mention_valence_.Compute(token_scores_, sentence_mentions_,
                             &mention_valences_);
    uint32_t previous_begin = UINT32_MAX;
    size_t previous_tally = SIZE_MAX;
    size_t k = 0;
    for (auto it = first; it != m; ++it, ++k) {
      // The same mention annotated twice (e.g. by two entity plugins).
      if (it->begin == previous_begin && it->tally == previous_tally) continue;
      previous_begin = it->begin;
      previous_tally = it->tally;
      const float v = mention_valences_[k];
      EntityTally& tally = tallies[it->tally];
      tally.mean.Add(NormalizeValence(v), weight, std::abs(v),
                     std::abs(NormalizeValence(v)) >= threshold);
      ++tally.mentions;
    }
  }
  *out->mutable_sentiment() = document.Result();

  for (EntityTally& tally : tallies) {
    if (tally.mentions == 0) continue;
    v1::EntitySentiment* result = out->add_entity_sentiments();
    result->set_canonical(std::move(tally.canonical));
    result->set_type(tally.type);
    *result->mutable_sentiment() = tally.mean.EntityResult();
    result->set_mentions(tally.mentions);
  }
  return absl::OkStatus();
}

}  // namespace loupe
