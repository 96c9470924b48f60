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
// A sentence is MIXED when both its positive and negative valence sums
// reach kSentenceMixedMin and neither side outweighs the other by more than
// kSentenceMixedMaxRatio; otherwise its net polarity (after contrast
// weighting) decides, as a reader's "main clause" reading would.
constexpr float kSentenceMixedMin = 2.0f;
constexpr float kSentenceMixedMaxRatio = 1.5f;

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

  void Add(float score, float weight, float magnitude) {
    if (std::abs(score) < neutral_threshold_) weight *= kNeutralItemWeight;
    weighted_sum_ += weight * score;
    total_weight_ += weight;
    magnitude_ += magnitude;
    if (score > 0) {
      positive_ += weight * score;
    } else {
      negative_ -= weight * score;
    }
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
      sentiment.set_label(LabelFor(sentiment.score(), neutral_threshold_));
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
    std::fill(skipped.begin() + begin, skipped.begin() + end, 1);
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
    if (begin >= token_count || skipped[begin]) continue;
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

  ScoreMean document(threshold);
  bool seen_body = false;
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
    if (std::min(s.positive, s.negative) >= kSentenceMixedMin &&
        kSentenceMixedMaxRatio * std::min(s.positive, s.negative) >=
            std::max(s.positive, s.negative)) {
      sentiment->set_label(v1::Sentiment::MIXED);
    } else {
      sentiment->set_label(LabelFor(score, threshold));
    }
    // The headline: a heading before any other body sentence.
    const float weight =
        !seen_body && sentence.heading() ? options_.headline_weight() : 1.0f;
    seen_body = true;
    document.Add(score, weight, magnitude);

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
      tally.mean.Add(NormalizeValence(v), weight, std::abs(v));
      ++tally.mentions;
    }
  }
  *out->mutable_sentiment() = document.Result();

  for (EntityTally& tally : tallies) {
    if (tally.mentions == 0) continue;
    v1::EntitySentiment* result = out->add_entity_sentiments();
    result->set_canonical(std::move(tally.canonical));
    result->set_type(tally.type);
    *result->mutable_sentiment() = tally.mean.Result();
    result->set_mentions(tally.mentions);
  }
  return absl::OkStatus();
}

}  // namespace loupe
