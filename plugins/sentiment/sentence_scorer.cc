#include "plugins/sentiment/sentence_scorer.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace loupe {
namespace sentiment_internal {
namespace {

// VADER's normalization constant: a sum of 4 maps to about 0.72.
constexpr float kNormalizationAlpha = 15.0f;
// A direction word ("fell") without a figure after it counts this much.
constexpr float kNoFigureFactor = 0.5f;
// How far (in tokens) modifiers and figures reach.
constexpr int kModifierWindow = 3;
constexpr int kFigureWindow = 4;
// A valence shifter ("reduce", "prevent") reaches the object noun phrase:
// "reduce a person's cancer risk".
constexpr int kShiftWindow = 4;
// Each further token of distance weakens a booster by this much.
constexpr float kBoosterDecay = 0.05f;
constexpr float kQuotedFactor = 0.85f;
constexpr float kScareQuotedFactor = 0.5f;
constexpr float kExclamationEmphasis = 0.292f;
constexpr int kMaxExclamations = 4;
// News readers weigh bad news more than good news of the same wording
// ("negativity bias"); without this, the many mildly positive words of
// ordinary reporting outvote the losses a story is about.
constexpr float kNegativityBias = 1.4f;
// Applied on top of the negation factor when it turns a negative word
// positive (see Kiritchenko & Mohammad 2016 on negated negatives).
constexpr float kNegatedNegativeFactor = 0.5f;

absl::string_view TokenText(const v1::Document& doc, const v1::Token& token) {
  const absl::string_view text = doc.text();
  const size_t begin = std::min<size_t>(token.span().byte_begin(), text.size());
  const size_t end =
      std::clamp<size_t>(token.span().byte_end(), begin, text.size());
  return text.substr(begin, end - begin);
}

bool IsBeForm(absl::string_view w) {
  return w == "is" || w == "was" || w == "were" || w == "are" || w == "be" ||
         w == "been" || w == "being" || w == "got" || w == "get" || w == "gets";
}

float Sign(float x) { return x < 0 ? -1.0f : 1.0f; }

// The TokenFlag of a short function word that entity targeting reads:
// kTokenAnd, kTokenTo or kTokenLink; 0 for the others.
uint16_t RoleOf(absl::string_view w) {
  if (w == "and" || w == "or") return kTokenAnd;
  if (w == "to") return kTokenTo;
  if (w == "at" || w == "of" || w == "with" || w == "from") return kTokenLink;
  return 0;
}

// A direction word acting on a quantity that matters ("sales rose",
// "raised its guidance") reaches it over this many tokens.
constexpr int kQuantityWindow = 3;
// How far after a falling word its bad quantity may stand ("cut costs").
constexpr int kBadQuantityAfter = 2;
// How far back a direction word that opens a comma clause looks for its
// quantity: "operating profit totalled EUR 9.4 million, down ...".
constexpr int kAppositionReach = 8;
// A direction word acting on a quantity that matters is at least this
// strong: "revenue came in below estimates", "lowered its price target".
constexpr float kQuantityMoveMin = 1.2f;
// The valence a comparison of two amounts gives the quantity it moves
// ("profit was 9, compared with 7"): that of a plain "rose" / "fell".
constexpr float kComparisonValence = 1.6f;
// Two amounts this close (relative) are unchanged.
constexpr double kUnchangedRatio = 0.005;
// How many items may stand between a comparator and its amounts
// ("compared with a year-earlier EUR 7 million").
constexpr int kComparisonGap = 3;

bool IsYear(double amount) {
  return amount >= 1800 && amount <= 2200 && amount == std::floor(amount);
}

// $, €, £, ¥.
bool IsCurrencySign(absl::string_view text) {
  return text == "$" || text == "\xE2\x82\xAC" || text == "\xC2\xA3" ||
         text == "\xC2\xA5";
}

bool IsCurrencyUnit(absl::string_view text) {
  if (IsCurrencySign(text)) return true;
  if (text.size() != 3) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

uint32_t UnitHash(absl::string_view unit) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : unit) {
    h = (h ^ static_cast<uint8_t>(absl::ascii_tolower(c))) * 16777619u;
  }
  return h == 0 ? 1 : h;
}

double ScaleOf(absl::string_view word, bool glued) {
  for (absl::string_view w : {"million", "millions", "mn", "mln"}) {
    if (absl::EqualsIgnoreCase(word, w)) return 1e6;
  }
  for (absl::string_view w : {"billion", "billions", "bn", "bln"}) {
    if (absl::EqualsIgnoreCase(word, w)) return 1e9;
  }
  if (absl::EqualsIgnoreCase(word, "thousand")) return 1e3;
  if (glued && word.size() == 1) {
    switch (absl::ascii_tolower(static_cast<unsigned char>(word[0]))) {
      case 'm':
        return 1e6;
      case 'b':
        return 1e9;
      case 'k':
        return 1e3;
      default:
        break;
    }
  }
  return 1;
}

// The largest amount ParseAmount returns.
constexpr double kMaxAmount = 1e30;

// Reads the figure of a token: digits with thousands commas and a decimal
// point ("3,000.5"), after a glued prefix of at most three bytes or a
// currency sign ("EUR13.1mn", "$2bn"), scaled by a glued suffix or by the
// next token ("8.7 million"). Returns -1 when `text` holds no figure there;
// `prefix` receives the glued prefix.
double ParseAmount(absl::string_view text, absl::string_view next,
                   absl::string_view* prefix) {
  size_t i = 0;
  while (i < text.size() && i < 3 &&
         !absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
    ++i;
  }
  if (i >= text.size() ||
      !absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
    return -1;
  }
  *prefix = text.substr(0, i);
  double value = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      value = value * 10 + (c - '0');
    } else if (c == ',' && i + 1 < text.size() &&
               absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]))) {
      continue;
    } else {
      break;
    }
  }
  if (i + 1 < text.size() && text[i] == '.' &&
      absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]))) {
    double place = 0.1;
    for (++i; i < text.size() &&
              absl::ascii_isdigit(static_cast<unsigned char>(text[i]));
         ++i) {
      value += place * (text[i] - '0');
      place *= 0.1;
    }
  }
  const absl::string_view suffix = text.substr(i);
  // Capped so that it fits a float: a run of digits may be of any length.
  return std::min(kMaxAmount, value * (suffix.empty() ? ScaleOf(next, false)
                                                      : ScaleOf(suffix, true)));
}

}  // namespace

float NormalizeValence(float sum) {
  return sum / std::sqrt(sum * sum + kNormalizationAlpha);
}

float ModelScore(const SentenceModel& model, const SentenceScore& score) {
  if (!model.present) return score.score;
  const float y =
      model.bias + model.compound * score.score +
      model.positive * score.positive + model.negative * score.negative +
      model.question * static_cast<float>(score.questions > 0) +
      model.exclaim *
          static_cast<float>(std::min(score.exclamations, kMaxExclamations)) +
      score.learned;
  return std::clamp(y, -1.0f, 1.0f);
}

bool SentenceScorer::MatchesPhrase(const v1::Document& doc, uint32_t next,
                                   uint32_t end, const Phrase& phrase) {
  if (next + phrase.rest.size() > end) return false;
  if (next != lookahead_begin_) {
    lookahead_begin_ = next;
    lookahead_size_ = 0;
  }
  for (size_t k = 0; k < phrase.rest.size(); ++k) {
    // The words after a phrase head are normalized once for all its
    // phrases.
    if (k >= lookahead_size_) {
      if (lookahead_.size() <= k) lookahead_.resize(k + 1);
      NormalizeLexiconWord(
          TokenText(doc, doc.tokens(static_cast<int>(next + k))),
          &lookahead_[k]);
      lookahead_size_ = k + 1;
    }
    if (lookahead_[k] != phrase.rest[k]) return false;
  }
  return true;
}

void SentenceScorer::Collect(const v1::Document& doc, uint32_t begin,
                             uint32_t end, const std::vector<uint8_t>& skipped,
                             SentenceScore* result) {
  items_.clear();
  lookahead_begin_ = UINT32_MAX;
  uint32_t consume_until = 0;  // tokens before this belong to a phrase
  bool in_quote = false;
  size_t quote_start = 0;
  const auto close_quote = [&]() {
    const bool scare = items_.size() - quote_start <= 3;
    for (size_t i = quote_start; i < items_.size(); ++i) {
      items_[i].quoted = true;
      items_[i].scare_quoted = scare;
    }
    in_quote = false;
  };
  // The text of token k of the sentence; empty outside it.
  const auto text_at = [&](uint32_t k) {
    return k >= begin && k < end
               ? TokenText(doc, doc.tokens(static_cast<int>(k)))
               : absl::string_view();
  };
  for (uint32_t t = begin; t < end; ++t) {
    if (skipped[t] == kSkipBoilerplate) continue;
    const v1::Token& token = doc.tokens(static_cast<int>(t));
    const absl::string_view text = TokenText(doc, token);
    Item item;
    item.token = t;
    if (skipped[t] == kInsideName && token.kind() != v1::Token::PUNCTUATION &&
        token.kind() != v1::Token::SYMBOL) {
      // A word of a name: neither opinion nor modifier. Punctuation still
      // opens and closes quotes.
      items_.push_back(item);
      continue;
    }
    if (t < consume_until) {
      item.consumed = true;
      items_.push_back(item);
      continue;
    }
    switch (token.kind()) {
      case v1::Token::NUMBER: {
        item.figure = true;
        const absl::string_view next = text_at(t + 1);
        absl::string_view prefix;
        item.amount = static_cast<float>(ParseAmount(text, next, &prefix));
        if (item.amount >= 0) {
          const absl::string_view previous = text_at(t - 1);
          if (!prefix.empty()) {
            item.unit = UnitHash(prefix);
          } else if (IsCurrencyUnit(previous)) {
            item.unit = UnitHash(previous);
          } else if (next == "%" || next == "percent") {
            item.unit = UnitHash("%");
          }
        }
        items_.push_back(item);
        continue;
      }
      case v1::Token::URL:
        items_.push_back(item);
        continue;
      case v1::Token::PUNCTUATION:
      case v1::Token::SYMBOL:
        if (text == "\"" || text == "\xE2\x80\x9C" /* “ */ ||
            text == "\xE2\x80\x9D" /* ” */) {
          const bool opens =
              text == "\xE2\x80\x9C" || (text == "\"" && !in_quote);
          if (opens) {
            in_quote = true;
            quote_start = items_.size() + 1;
          } else if (in_quote) {
            close_quote();
          }
        } else if (text == "!") {
          ++result->exclamations;
        } else if (text == "?") {
          ++result->questions;
        } else if (text == ",") {
          item.comma = true;
        } else if (text == ";" || text == ":" || text == "(" || text == ")" ||
                   text == "\xE2\x80\x94" /* — */ ||
                   text == "\xE2\x80\x93" /* – */ || text == "--") {
          item.boundary = true;
          item.open_paren = text == "(";
        } else if (text == "%" || IsCurrencySign(text)) {
          item.figure = true;
        }
        items_.push_back(item);
        continue;
      default:
        break;
    }
    NormalizeLexiconWord(text, &word_);
    item.word = true;
    if (text.size() > 3 && IsCurrencyUnit(text.substr(0, 3)) &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[3]))) {
      // A currency glued to its figure: "EUR13.1mn".
      absl::string_view prefix;
      const absl::string_view next = text_at(t + 1);
      item.amount = static_cast<float>(ParseAmount(text, next, &prefix));
      item.unit = UnitHash(prefix);
      item.figure = true;
      item.word = false;
      items_.push_back(item);
      continue;
    }
    // The first letter first: this runs for every word.
    const char head = word_.empty() ? '\0' : word_[0];
    item.comparator =
        (head == 'v' && (word_ == "versus" || word_ == "vs" ||
                         word_ == "vs.")) ||
        (head == 'a' && word_ == "against");
    if (head == 'c' && word_ == "compared" && t + 1 < end) {
      NormalizeLexiconWord(text_at(t + 1), &next_word_);
      item.comparator = next_word_ == "with" || next_word_ == "to";
    }
    const LexiconEntry* entry = lexicon_.Find(word_);
    bool phrase_matched = false;
    if (entry != nullptr) {
      for (const Phrase& phrase : lexicon_.PhrasesOf(*entry)) {
        if (MatchesPhrase(doc, t + 1, end, phrase)) {
          item.valence = phrase.valence;
          item.tags = phrase.tags;
          consume_until = t + 1 + static_cast<uint32_t>(phrase.rest.size());
          phrase_matched = true;
          break;
        }
      }
      if (!phrase_matched) {
        if (entry->has_valence) {
          item.valence = entry->valence;
          item.tags = entry->tags;
        }
        item.modifier = entry->modifier;
        item.modifier_value = entry->modifier_value;
        item.learned = entry->learned;
      }
    } else if (absl::EndsWith(word_, "n't")) {
      // An unsplit contraction ("didn't").
      item.modifier = ModifierKind::kNegate;
      item.modifier_value = -0.74f;
    }
    // "a few" and "at least" are quantities; "few" and "least" alone
    // negate ("few agree", "the least useful").
    if (item.modifier == ModifierKind::kNegate && !items_.empty() &&
        ((word_ == "few" && items_.back().quantity_head == 'a') ||
         (word_ == "least" && items_.back().quantity_head == 't'))) {
      item.modifier = ModifierKind::kNone;
    }
    if (word_.size() <= 4) item.role = RoleOf(word_);
    // "not only X but also Y" adds; it does not contrast.
    if (head == 'a' && word_ == "also" && !items_.empty() &&
        items_.back().modifier == ModifierKind::kBut) {
      items_.back().modifier = ModifierKind::kClause;
    }
    item.quantity_head = word_ == "a" ? 'a'
                         : (word_ == "at" || word_ == "very") ? 't'
                                                              : '\0';
    if (!phrase_matched) {
      item.be_form = IsBeForm(word_);
      item.by = word_ == "by";
      if (item.modifier == ModifierKind::kBut ||
          item.modifier == ModifierKind::kConcede ||
          item.modifier == ModifierKind::kClause ||
          item.modifier == ModifierKind::kBecause) {
        item.boundary = true;
      }
    }
    items_.push_back(item);
  }
  if (in_quote) {
    // An unclosed quote runs to the end of the sentence; never scare quotes.
    for (size_t i = quote_start; i < items_.size(); ++i)
      items_[i].quoted = true;
  }
}

void SentenceScorer::ApplyRules() {
  const int n = static_cast<int>(items_.size());
  float hedge = 1.0f;
  for (int i = 0; i < n; ++i) {
    Item& item = items_[i];
    if (item.boundary || item.comma) hedge = 1.0f;
    if (item.modifier == ModifierKind::kHedge) {
      hedge = std::min(hedge, item.modifier_value);
    }
    if (item.word && !item.consumed) {
      float context = hedge;
      for (int d = 1; d <= kModifierWindow && i - d >= 0; ++d) {
        const Item& m = items_[i - d];
        if (m.boundary) break;
        if (m.modifier == ModifierKind::kNegate) {
          context *= m.modifier_value;
          break;
        }
      }
      for (int d = 1; d <= kShiftWindow && i - d >= 0; ++d) {
        const Item& m = items_[i - d];
        if (m.boundary || m.comma) break;
        if (m.modifier == ModifierKind::kShift) {
          context *= m.modifier_value;
          break;
        }
      }
      if (item.quoted) {
        context *= item.scare_quoted ? kScareQuotedFactor : kQuotedFactor;
      }
      item.context = context;
    }
    if (item.valence == 0 || item.consumed) continue;
    float v = item.valence;

    if (item.tags & (kTagUp | kTagDown)) {
      // "fell 17 %", and for nouns "a 17 % drop".
      bool figure = false;
      for (int j = i + 1; j < n && j <= i + kFigureWindow; ++j) {
        if (items_[j].boundary) break;
        if (items_[j].figure || (items_[j].tags & kTagDegree)) {
          figure = true;
          break;
        }
      }
      for (int j = i - 1; !figure && j >= 0 && j >= i - kModifierWindow; --j) {
        if (items_[j].boundary) break;
        figure = items_[j].figure || (items_[j].tags & kTagDegree);
      }
      if (!figure) v *= kNoFigureFactor;
      item.move = figure;
      // A rise of something bad is bad: "losses widened", "cut costs".
      // Before the word, or after it: "cut its costs", and right after a
      // rising one ("higher costs", "a wider loss"; not "rose on inflation
      // fears", where the quantity is the cause).
      const int absorbed =
          FindQuantity(i, kTagBadQuantity, kModifierWindow,
                       (item.tags & kTagDown) ? kBadQuantityAfter : 1);
      if (absorbed < 0) {
        // "sales rose", "raised its full-year guidance", "cut its
        // forecast": a move of a quantity that matters is news in full,
        // with the direction word's own sign.
        const int good = FindQuantity(i, kTagGoodQuantity, kQuantityWindow,
                                      kQuantityWindow);
        if (good >= 0) {
          item.move = true;
          const float strength =
              std::max({std::abs(item.valence), std::abs(items_[good].valence),
                        kQuantityMoveMin});
          v = Sign(item.valence) * strength;
          items_[good].valence = 0;
          items_[good].tags &= static_cast<uint8_t>(~kTagGoodQuantity);
        }
      }
      if (absorbed >= 0) {
        item.move = true;
        // The direction word now carries the meaning, at least as strongly
        // as the noun did ("losses widened" is no milder than "losses");
        // the noun is spent.
        const float strength =
            std::max(std::abs(v), std::abs(items_[absorbed].valence));
        v = (item.tags & kTagUp) ? -strength : strength;
        items_[absorbed].valence = 0;
        items_[absorbed].tags &= static_cast<uint8_t>(~kTagBadQuantity);
      }
    }

    // Boosters and dampeners before the word, and one right after it
    // ("fell sharply").
    const auto modify = [&v](const Item& m, float decay) {
      if (m.modifier == ModifierKind::kBoost) {
        v += Sign(v) * m.modifier_value * decay;
      } else if (m.modifier == ModifierKind::kDampen) {
        const float weaker = v - Sign(v) * m.modifier_value * decay;
        v = (weaker * v > 0) ? weaker : 0.0f;
      }
    };
    for (int d = 1; d <= kModifierWindow && i - d >= 0; ++d) {
      const Item& m = items_[i - d];
      if (m.boundary) break;
      modify(m, 1.0f - kBoosterDecay * static_cast<float>(d - 1));
    }
    if (i + 1 < n) modify(items_[i + 1], 1.0f);

    for (int d = 1; d <= kModifierWindow && i - d >= 0; ++d) {
      const Item& m = items_[i - d];
      if (m.boundary) break;
      if (m.modifier == ModifierKind::kNegate) {
        v *= m.modifier_value;
        // A negated negative is at most mildly positive: "not a disaster"
        // is no praise.
        if (v > 0) v *= kNegatedNegativeFactor;
        break;
      }
    }

    // A shifter turns its object around: "curb fraud" is good news, "cut
    // benefits" bad. The shifter's own valence is then spent.
    for (int d = 1; d <= kShiftWindow && i - d >= 0; ++d) {
      Item& m = items_[i - d];
      if (m.boundary || m.comma) break;
      if (m.modifier == ModifierKind::kShift) {
        v *= m.modifier_value;
        m.valence = 0;
        break;
      }
    }

    // Passive voice turns a competition verb around: "was beaten by".
    if (item.tags & kTagVersus) {
      const bool be_before = (i >= 1 && items_[i - 1].be_form) ||
                             (i >= 2 && items_[i - 2].be_form);
      bool by_after = false;
      for (int j = i + 1; j < n && j <= i + kModifierWindow; ++j) {
        if (items_[j].by) by_after = true;
      }
      if (be_before && by_after && v > 0) v = -v;
    }

    if (v < 0) v *= kNegativityBias;
    v *= hedge;
    if (item.quoted)
      v *= item.scare_quoted ? kScareQuotedFactor : kQuotedFactor;
    item.valence = v;
  }
}

int SentenceScorer::FindQuantity(int i, uint8_t tag, int before,
                                 int after) const {
  const int n = static_cast<int>(items_.size());
  for (int j = i - 1; j >= 0 && j >= i - before; --j) {
    if (items_[j].boundary) break;
    if (items_[j].comma) {
      if (j != i - 1) break;
      // ", down from ...": the clause before, back to its start.
      for (int k = j - 1; k >= 0 && k >= j - kAppositionReach; --k) {
        if (items_[k].boundary || items_[k].comma) break;
        if (items_[k].tags & tag) return k;
      }
      break;
    }
    if (items_[j].tags & tag) return j;
  }
  for (int j = i + 1; j < n && j <= i + after; ++j) {
    if (items_[j].boundary || items_[j].comma) break;
    if (items_[j].tags & tag) return j;
  }
  return -1;
}

void SentenceScorer::ApplyComparison() {
  const int n = static_cast<int>(items_.size());
  for (const Item& item : items_) {
    if (item.move || (item.valence != 0 && (item.tags & (kTagUp | kTagDown)))) {
      return;  // a direction word already tells the move
    }
  }
  for (int c = 1; c < n; ++c) {
    // "X, compared with Y", "X versus Y", "X (Y)".
    const bool paren = items_[c].open_paren;
    if (!items_[c].comparator && !paren) continue;
    int current = -1;
    for (int j = c - 1; j >= 0 && j >= c - 1 - kComparisonGap; --j) {
      if (items_[j].amount >= 0) {
        current = j;
        break;
      }
    }
    int previous = -1;
    for (int j = c + 1; j < n && j <= c + 1 + kComparisonGap; ++j) {
      if (items_[j].tags & (kTagGoodQuantity | kTagBadQuantity)) break;
      if (items_[j].amount >= 0) {
        previous = j;
        break;
      }
    }
    if (current < 0 || previous < 0 ||
        items_[current].unit != items_[previous].unit ||
        (items_[current].unit == 0 && (IsYear(items_[current].amount) ||
                                       IsYear(items_[previous].amount)))) {
      continue;  // "2024 versus 2023" compares periods, not amounts
    }
    const double now = items_[current].amount;
    const double then = items_[previous].amount;
    if (std::abs(now - then) <= kUnchangedRatio * std::max(now, then)) return;
    // The quantity compared: the nearest one before the current amount.
    for (int j = current - 1; j >= 0; --j) {
      if (items_[j].modifier == ModifierKind::kBut) break;
      const uint8_t tags = items_[j].tags;
      if (!(tags & (kTagGoodQuantity | kTagBadQuantity))) continue;
      const bool rose = now > then;
      const bool good = (tags & kTagGoodQuantity) ? rose : !rose;
      items_[j].valence =
          good ? kComparisonValence : -kComparisonValence * kNegativityBias;
      items_[j].move = true;
      return;
    }
    return;
  }
}

void SentenceScorer::ApplyContrast() {
  const int n = static_cast<int>(items_.size());
  int last_but = -1;
  bool words_before = false;
  for (int i = 0; i < n; ++i) {
    if (items_[i].modifier == ModifierKind::kBut) last_but = i;
  }
  if (last_but >= 0) {
    for (int i = 0; i < last_but; ++i) {
      if (items_[i].valence != 0) words_before = true;
    }
    // A sentence-initial "But" contrasts with the previous sentence: leave
    // this one as it is.
    if (words_before) {
      const float w = items_[last_but].modifier_value;
      for (int i = 0; i < last_but; ++i) {
        items_[i].valence *= 1.0f - w;
        items_[i].context *= 1.0f - w;
        items_[i].contrast *= 1.0f - w;
      }
      for (int i = last_but + 1; i < n; ++i) {
        items_[i].valence *= 1.0f + w;
        items_[i].context *= 1.0f + w;
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    if (items_[i].modifier != ModifierKind::kConcede) continue;
    const float w = items_[i].modifier_value;
    for (int j = i + 1; j < n; ++j) {
      if (items_[j].comma || items_[j].boundary) break;
      items_[j].valence *= w;
      items_[j].context *= w;
      items_[j].contrast *= w;
    }
  }
}

SentenceScore SentenceScorer::Score(const v1::Document& doc, uint32_t begin,
                                    uint32_t end,
                                    const std::vector<uint8_t>& skipped,
                                    TokenScores* scores) {
  SentenceScore result;
  scores->valence.assign(end - begin, 0.0f);
  scores->flags.assign(end - begin, 0);
  scores->context.assign(end - begin, 0.0f);
  Collect(doc, begin, end, skipped, &result);
  const int exclamations = result.exclamations;
  ApplyRules();
  ApplyComparison();
  ApplyContrast();
  for (size_t k = 0; k < items_.size(); ++k) {
    const Item& item = items_[k];
    const uint32_t i = item.token - begin;
    if (item.word && !item.consumed) {
      scores->context[i] = item.context;
      result.learned += item.learned * item.context;
    }
    // A causal or acting verb in the passive ("was downgraded by") leaves
    // its subject as the one it befalls.
    const bool cause = item.modifier == ModifierKind::kCause &&
                       !(item.valence != 0 && k > 0 && items_[k - 1].be_form);
    if (item.boundary || cause || item.modifier == ModifierKind::kThan) {
      scores->flags[i] |= kTokenClauseBreak;
    }
    if (item.modifier == ModifierKind::kThan) scores->flags[i] |= kTokenThan;
    if (cause) scores->flags[i] |= kTokenCause;
    if (item.modifier == ModifierKind::kSelf || (item.tags & kTagOwn)) {
      scores->flags[i] |= kTokenSelf;
    }
    if (item.modifier == ModifierKind::kBecause) {
      scores->flags[i] |= kTokenBecause;
    }
    if (item.modifier == ModifierKind::kSays) scores->flags[i] |= kTokenSays;
    if (item.modifier == ModifierKind::kSpeaker) {
      scores->flags[i] |= kTokenSays | kTokenSpeaker;
    }
    if (item.modifier == ModifierKind::kBut) scores->flags[i] |= kTokenContrast;
    scores->flags[i] |= item.role;
    if (item.comma) scores->flags[i] |= kTokenComma;
    if ((item.tags & kTagDown) && item.valence < 0 && !item.consumed) {
      scores->flags[i] |= kTokenLoss;
    }
    if (item.modifier == ModifierKind::kPer) scores->flags[i] |= kTokenPer;
    if (item.tags & kTagVersus) scores->flags[i] |= kTokenVersus;
    if (item.consumed || item.valence == 0) continue;
    scores->valence[i] = item.valence / item.contrast;
    result.sum += item.valence;
    ++result.polar_words;
    if (item.move) ++result.moves;
    result.strongest = std::max(result.strongest, std::abs(item.valence));
    if (item.valence > 0) {
      result.positive += item.valence;
    } else {
      result.negative -= item.valence;
    }
  }
  if (result.sum != 0 && exclamations > 0) {
    result.sum += Sign(result.sum) * kExclamationEmphasis *
                  static_cast<float>(std::min(exclamations, kMaxExclamations));
  }
  result.score = NormalizeValence(result.sum);
  return result;
}

}  // namespace sentiment_internal
}  // namespace loupe
