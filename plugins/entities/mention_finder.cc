#include "plugins/entities/mention_finder.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace loupe {
namespace entities_internal {
namespace {

// Longest gazetteer alias, in tokens; bounds the work per token.
constexpr uint32_t kMaxGazetteerTokens = 10;
// Longer capitalized runs are headlines or lists, not names.
constexpr uint32_t kMaxRuleTokens = 6;
// Version numbers and variant words after a known product name.
constexpr uint32_t kMaxProductExtension = 4;

// Confidence by evidence. Gazetteer hits are trusted most, rule-only guesses
// least; a consumer can threshold on these.
constexpr float kExactAliasConfidence = 0.95f;
constexpr float kAliasConfidence = 0.9f;
constexpr float kWeakAliasConfidence = 0.75f;
constexpr float kPartialTokenConfidence = 0.8f;
constexpr float kStrongCueConfidence = 0.7f;
constexpr float kCueConfidence = 0.6f;
constexpr float kShapeConfidence = 0.5f;
constexpr float kWeakCueConfidence = 0.4f;
constexpr float kGuessConfidence = 0.35f;

bool IsVersion(absl::string_view s) {
  if (s.empty() || s.size() > 6 || !absl::ascii_isdigit(s[0])) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(c) && c != '.') return false;
  }
  return s.back() != '.';
}

bool IsModelVariant(absl::string_view lower) {
  static constexpr absl::string_view kVariants[] = {
      "pro",     "max",     "ultra",   "mini",   "plus",     "flash",
      "turbo",   "preview", "lite",    "nano",   "air",      "thinking",
      "vision",  "instruct", "coder",  "sonnet", "opus",     "haiku",
      "omni",    "experimental", "reasoner", "se", "deep research"};
  return std::find(std::begin(kVariants), std::end(kVariants), lower) !=
         std::end(kVariants);
}

bool IsSpeechVerb(absl::string_view lower) {
  static constexpr absl::string_view kVerbs[] = {
      "said",   "says",   "told",   "added", "wrote",  "noted",
      "argued", "stated", "warned", "asked", "tweeted", "posted",
      "explained", "believes", "thinks", "replied"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), lower) !=
         std::end(kVerbs);
}

bool IsLocativePreposition(absl::string_view lower) {
  return lower == "in" || lower == "from" || lower == "near" ||
         lower == "outside" || lower == "across" || lower == "throughout";
}

}  // namespace

void MentionFinder::Find(const TokenView& tokens, bool use_rules,
                         std::vector<Mention>* mentions) {
  tokens_ = &tokens;
  out_ = mentions;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  match_cache_.assign(n, Match());
  match_cached_.assign(n, false);
  seen_lower_.clear();
  seen_capitalized_.clear();
  for (uint32_t i = 0; i < n; ++i) {
    const TokenInfo& t = tokens[i];
    if (t.kind != v1::Token::WORD || !t.has_alpha) continue;
    if (!t.has_upper) {
      seen_lower_.insert(tokens.Lower(i));
    } else if (!t.sentence_start && !t.title_line && !t.all_caps()) {
      seen_capitalized_.insert(tokens.Lower(i));
    }
  }

  for (uint32_t i = 0; i < n;) {
    const Match& match = CachedMatchAt(i);
    if (match.alias != nullptr) {
      // "Jordan Smith": a given name that is also a place starts a person.
      const bool given_name_first =
          use_rules && match.end == i + 1 && i + 1 < n &&
          lexicon_.given_names.Contains(tokens.Lower(i)) &&
          !tokens[i + 1].newline_before && NameLike(i + 1) &&
          CachedMatchAt(i + 1).alias == nullptr;
      if (!given_name_first) {
        i = AddGazetteerMention(i, match);
        continue;
      }
    }
    if (AddPartialTokenMention(i)) {
      ++i;
      continue;
    }
    if (use_rules && NameLike(i)) {
      i = AddRuleMention(i);
      continue;
    }
    ++i;
  }
  tokens_ = nullptr;
  out_ = nullptr;
}

const MentionFinder::Match& MentionFinder::CachedMatchAt(uint32_t i) {
  if (!match_cached_[i]) {
    match_cache_[i] = MatchAt(i);
    match_cached_[i] = true;
  }
  return match_cache_[i];
}

MentionFinder::Match MentionFinder::MatchAt(uint32_t i) {
  const TokenView& t = *tokens_;
  Match best;
  if (t[i].kind == v1::Token::URL || t.Lower(i) == "the") return best;
  key_.clear();
  surface_.clear();
  bool any_upper = false;
  const uint32_t limit =
      std::min<uint32_t>(static_cast<uint32_t>(t.size()), i + kMaxGazetteerTokens);
  for (uint32_t j = i; j < limit; ++j) {
    if (j > i) {
      if (t[j].newline_before || t[j - 1].end != t[j - 1].raw_end) break;
      if (!t.GapBefore(j).empty()) {
        key_.push_back(' ');
        surface_.push_back(' ');
      }
    }
    if (t[j].kind == v1::Token::URL) break;
    key_.append(t.Lower(j).data(), t.Lower(j).size());
    surface_.append(t.Surface(j).data(), t.Surface(j).size());
    any_upper |= t[j].has_upper;
    if (key_.size() > lexicon_.names.max_key_bytes()) break;
    if (const GazetteerAlias* alias = lexicon_.names.Find(key_)) {
      const bool as_written = surface_ == alias->surface;
      const bool case_ok = alias->exact ? as_written
                                        : (as_written || (any_upper && t[i].has_upper));
      const bool context_ok =
          !alias->weak || (!t[i].sentence_start && !t[i].title_line);
      if (case_ok && context_ok) best = Match{j + 1, alias};
    }
    if (!lexicon_.names.IsProperPrefix(key_)) break;
  }
  return best;
}

bool MentionFinder::NameLike(uint32_t i) const {
  const TokenView& tokens = *tokens_;
  const TokenInfo& t = tokens[i];
  if (t.kind != v1::Token::WORD || !t.has_alpha || !t.has_upper) return false;
  if (!t.upper_initial && !t.inner_upper) return false;
  const bool strong = t.inner_upper || t.has_digit;
  if (strong) return true;
  const absl::string_view lower = tokens.Lower(i);
  if (t.title_line) {
    return seen_capitalized_.contains(lower) ||
           lexicon_.given_names.Contains(lower) ||
           lexicon_.family_names.Contains(lower);
  }
  if (t.all_caps() && t.end - t.begin >= 5) {
    return seen_capitalized_.contains(lower);
  }
  return true;
}

bool MentionFinder::Connector(uint32_t i) const {
  static constexpr absl::string_view kConnectors[] = {
      "of", "&", "for", "de", "da", "van", "von", "der", "den",
      "del", "di", "du", "la", "le", "bin", "al"};
  const TokenInfo& t = (*tokens_)[i];
  if (t.has_upper && t.kind == v1::Token::WORD) return false;
  const absl::string_view lower = tokens_->Lower(i);
  return std::find(std::begin(kConnectors), std::end(kConnectors), lower) !=
         std::end(kConnectors);
}

bool MentionFinder::ProductShape(uint32_t i) const {
  const TokenInfo& t = (*tokens_)[i];
  if (t.kind != v1::Token::WORD || !t.has_digit || !t.has_upper) return false;
  if (t.end - t.begin > 12) return false;
  const absl::string_view lower = tokens_->Lower(i);
  return absl::ascii_isalpha(static_cast<unsigned char>(lower[0])) &&
         !lexicon_.not_names.Contains(lower);
}

uint32_t MentionFinder::AddGazetteerMention(uint32_t i, const Match& match) {
  const TokenView& t = *tokens_;
  const GazetteerAlias& alias = *match.alias;
  const GazetteerEntry& entry = lexicon_.names.entry(alias);
  Mention mention;
  mention.token_begin = i;
  mention.token_end = match.end;
  mention.byte_begin = t[i].begin;
  mention.byte_end = t[match.end - 1].end;
  mention.type = entry.type;
  mention.entry = &entry;
  mention.canonical = entry.canonical;
  mention.confidence = alias.exact  ? kExactAliasConfidence
                       : alias.weak ? kWeakAliasConfidence
                                    : kAliasConfidence;
  uint32_t end = match.end;
  if (entry.type == v1::Entity::PRODUCT) {
    // "Gemini 2.0 Pro", "iPhone 16": the version is part of the name.
    const uint32_t limit = std::min<uint32_t>(static_cast<uint32_t>(t.size()),
                                              match.end + kMaxProductExtension);
    while (end < limit && !t[end].newline_before &&
           t[end - 1].end == t[end - 1].raw_end && !t.GapBefore(end).empty() &&
           (IsVersion(t.Surface(end)) ||
            (t[end].upper_initial && IsModelVariant(t.Lower(end))))) {
      ++end;
    }
    for (uint32_t k = match.end; k < end; ++k) {
      mention.canonical.push_back(' ');
      mention.canonical.append(t.Surface(k).data(), t.Surface(k).size());
    }
    mention.token_end = end;
    mention.byte_end = t[end - 1].end;
  }
  out_->push_back(std::move(mention));
  return end;
}

bool MentionFinder::AddPartialTokenMention(uint32_t i) {
  const TokenView& tokens = *tokens_;
  const TokenInfo& t = tokens[i];
  if (t.kind != v1::Token::WORD || !t.has_upper || !t.upper_initial) {
    return false;
  }
  const absl::string_view lower = tokens.Lower(i);
  const absl::string_view surface = tokens.Surface(i);
  const Gazetteer& names = lexicon_.names;
  // Token i, up to byte `byte_end`, names `entry`.
  const auto add = [&](const GazetteerEntry& entry, uint32_t byte_end) {
    Mention mention;
    mention.token_begin = i;
    mention.token_end = i + 1;
    mention.byte_begin = t.begin;
    mention.byte_end = byte_end;
    mention.type = entry.type;
    mention.entry = &entry;
    mention.canonical = entry.canonical;
    mention.confidence = kPartialTokenConfidence;
    out_->push_back(std::move(mention));
  };
  // Plural of a company or product name: "three Baidus".
  if (lower.size() >= 5 && lower.back() == 's' &&
      lower[lower.size() - 2] != 's' && !lexicon_.not_names.Contains(lower)) {
    const GazetteerAlias* alias = names.Find(lower.substr(0, lower.size() - 1));
    if (alias != nullptr && !alias->exact && !alias->weak) {
      const GazetteerEntry& entry = names.entry(*alias);
      if (entry.type == v1::Entity::ORG || entry.type == v1::Entity::PRODUCT) {
        add(entry, t.end);
        return true;
      }
    }
  }
  // A known name before a hyphen and a lower-case word: "U.S.-made",
  // "Chinese-owned", "Nvidia-backed".
  const size_t hyphen = surface.find('-');
  if (hyphen != absl::string_view::npos && hyphen > 0 &&
      hyphen + 1 < surface.size() &&
      absl::ascii_islower(static_cast<unsigned char>(surface[hyphen + 1]))) {
    const GazetteerAlias* alias = names.Find(lower.substr(0, hyphen));
    if (alias != nullptr && !alias->weak &&
        (!alias->exact || surface.substr(0, hyphen) == alias->surface)) {
      add(names.entry(*alias), t.begin + static_cast<uint32_t>(hyphen));
      return true;
    }
  }
  return false;
}

uint32_t MentionFinder::AddRuleMention(uint32_t i) {
  const TokenView& t = *tokens_;
  const Lexicon& lex = lexicon_;
  const uint32_t n = static_cast<uint32_t>(t.size());

  // The capitalized run, with inner connectors ("Bank of X", "Johnson &").
  uint32_t run_end = i + 1;
  while (run_end < n && run_end - i <= kMaxRuleTokens + 1) {
    const uint32_t k = run_end;
    if (t[k].newline_before || t[k - 1].end != t[k - 1].raw_end) break;
    if (CachedMatchAt(k).alias != nullptr) break;
    if (NameLike(k)) {
      ++run_end;
      continue;
    }
    if (Connector(k) && k + 1 < n && !t[k + 1].newline_before) {
      const Match& next = CachedMatchAt(k + 1);
      if (next.alias == nullptr && NameLike(k + 1)) {
        run_end += 2;
        continue;
      }
      // "Bank of China", "University of California".
      if (next.alias != nullptr && lex.org_heads.Contains(t.Lower(i)) &&
          t.Lower(k) == "of") {
        run_end = next.end;
        break;
      }
    }
    break;
  }
  if (run_end - i > kMaxRuleTokens) return run_end;

  uint32_t s = i;
  uint32_t e = run_end;
  bool title_cue = s > 0 && !t[s].newline_before &&
                   lex.person_titles.Contains(t.Lower(s - 1));
  while (s < e) {
    const absl::string_view lower = t.Lower(s);
    if (lex.person_titles.Contains(lower)) {
      title_cue = true;
      ++s;
    } else if (lex.not_names.Contains(lower) || Connector(s)) {
      ++s;
    } else {
      break;
    }
  }
  if (s < e && t[s].sentence_start && !t[s].inner_upper && !t[s].has_digit &&
      !t[s].all_caps()) {
    // A capitalized sentence opener is a name only if the document also
    // capitalizes it in mid-sentence, or it leads a longer name and is
    // never written in lower case.
    const absl::string_view lower = t.Lower(s);
    const bool known_name = lex.given_names.Contains(lower) ||
                            lex.family_names.Contains(lower) ||
                            seen_capitalized_.contains(lower);
    const bool leads_name = e - s >= 2 && NameLike(s + 1) &&
                            !seen_lower_.contains(lower);
    if (!known_name && !leads_name) ++s;
  }
  while (s < e && Connector(s)) ++s;
  while (e > s && (Connector(e - 1) ||
                   (lex.not_names.Contains(t.Lower(e - 1)) &&
                    !lex.org_suffixes.Contains(t.Lower(e - 1))))) {
    --e;
  }
  if (s >= e) return run_end;

  uint32_t length = e - s;
  const bool org_suffix = length >= 2 && lex.org_suffixes.Contains(t.Lower(e - 1));
  const bool org_head = length >= 3 && lex.org_heads.Contains(t.Lower(s)) &&
                        t.Lower(s + 1) == "of";
  uint32_t next = run_end;
  if (!org_suffix && !org_head) {
    // Outside organization names, a connector separates two names.
    for (uint32_t k = s + 1; k < e; ++k) {
      if (Connector(k)) {
        e = k;
        next = k + 1;
        break;
      }
    }
    length = e - s;
  }

  bool all_caps = true;
  bool person_shape = length >= 2 && length <= 3;
  for (uint32_t k = s; k < e; ++k) {
    all_caps &= t[k].all_caps() && !seen_capitalized_.contains(t.Lower(k));
    person_shape &= t[k].upper_initial && !t[k].has_digit && !Connector(k) &&
                    (!t[k].all_caps() || seen_capitalized_.contains(t.Lower(k)));
  }
  // Shouted common words ("TECH HEAVY") name nothing, alone or in a row.
  if (length >= 2 && all_caps && !org_suffix) return next;
  if (length == 1 && all_caps) {
    const bool shouted_before = s > 0 && t[s - 1].kind == v1::Token::WORD &&
                                t[s - 1].all_caps() && t[s - 1].has_alpha;
    const bool shouted_after = e < n && t[e].kind == v1::Token::WORD &&
                               t[e].all_caps() && t[e].has_alpha;
    if (shouted_before || shouted_after) return next;
  }

  const absl::string_view first = t.Lower(s);
  const absl::string_view before =
      s > 0 && !t[s].newline_before ? t.Lower(s - 1) : absl::string_view();
  const absl::string_view after =
      e < n && !t[e].newline_before ? t.Lower(e) : absl::string_view();
  const bool speech = IsSpeechVerb(after);
  bool comma_place = false;
  if (after == "," && e + 1 < n && !t[e + 1].newline_before) {
    const Match& place = CachedMatchAt(e + 1);
    comma_place = place.alias != nullptr &&
                  lex.names.entry(*place.alias).type == v1::Entity::GPE;
  }

  v1::Entity::Type type = v1::Entity::ORG;
  float confidence = kGuessConfidence;
  if (length == 1 && ProductShape(s)) {
    type = v1::Entity::PRODUCT;
    confidence = kShapeConfidence;
  } else if (org_suffix || org_head) {
    type = v1::Entity::ORG;
    confidence = kStrongCueConfidence;
  } else if (title_cue && (person_shape || length == 1)) {
    type = v1::Entity::PERSON;
    confidence = kStrongCueConfidence;
  } else if (person_shape && lex.given_names.Contains(first)) {
    type = v1::Entity::PERSON;
    confidence = kStrongCueConfidence;
  } else if (person_shape && length == 2 && lex.family_names.Contains(first)) {
    type = v1::Entity::PERSON;
    confidence = kCueConfidence;
  } else if (person_shape && speech) {
    type = v1::Entity::PERSON;
    confidence = kCueConfidence;
  } else if (comma_place && length <= 2) {
    type = v1::Entity::GPE;
    confidence = kCueConfidence;
  } else if (IsLocativePreposition(before) && length == 1) {
    type = v1::Entity::GPE;
    confidence = kWeakCueConfidence;
  } else if (length == 1 && t[s].inner_upper && !t[s].upper_initial) {
    type = v1::Entity::PRODUCT;  // "iSomething"
    confidence = kWeakCueConfidence;
  } else if (length == 1 && speech) {
    type = v1::Entity::PERSON;
    confidence = kWeakCueConfidence;
  } else if (person_shape && length == 2) {
    type = v1::Entity::PERSON;
    confidence = kWeakCueConfidence;
  } else if (length == 1 && t[s].inner_upper) {
    confidence = kWeakCueConfidence;  // "LinkedCo": camel case is a brand
  }

  Mention mention;
  mention.token_begin = s;
  mention.token_end = e;
  mention.byte_begin = t[s].begin;
  mention.byte_end = t[e - 1].end;
  mention.type = type;
  mention.confidence = confidence;
  out_->push_back(std::move(mention));
  return next;
}

}  // namespace entities_internal
}  // namespace loupe
