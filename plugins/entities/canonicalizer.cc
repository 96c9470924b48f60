#include "plugins/entities/canonicalizer.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace loupe {
namespace entities_internal {
namespace {

// Companies considered when resolving model codes; bounds the work.
constexpr size_t kMaxCompaniesForCodes = 16;
// Float slack when comparing confidences.
constexpr float kConfidenceEpsilon = 1e-4f;

// The mention's text with each whitespace run as one space.
std::string NormalizedText(const TokenView& tokens, const Mention& mention) {
  std::string text;
  for (uint32_t k = mention.token_begin; k < mention.token_end; ++k) {
    if (k > mention.token_begin && !tokens.GapBefore(k).empty()) {
      text.push_back(' ');
    }
    absl::string_view surface = tokens.Surface(k);
    if (k + 1 == mention.token_end) {
      surface = tokens.text().substr(tokens[k].begin,
                                     mention.byte_end - tokens[k].begin);
    }
    if (k == mention.token_begin) {
      surface.remove_prefix(mention.byte_begin - tokens[k].begin);
    }
    text.append(surface.data(), surface.size());
  }
  return text;
}

// "LIANG WENFENG" -> "Liang Wenfeng"; other words unchanged.
std::string TitleCaseShouted(absl::string_view name) {
  std::string out;
  for (absl::string_view word : absl::StrSplit(name, ' ')) {
    if (!out.empty()) out.push_back(' ');
    bool has_lower = false;
    for (char c : word) has_lower |= absl::ascii_islower(c);
    if (has_lower || word.size() < 2) {
      out.append(word.data(), word.size());
      continue;
    }
    out.push_back(word[0]);
    for (size_t k = 1; k < word.size(); ++k) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(word[k])));
    }
  }
  return out;
}

// Prefers "OpenAI" (inner capitals) to "Openai" to "OPENAI" to "openai".
int CaseScore(absl::string_view text) {
  bool upper = false;
  bool lower = false;
  bool inner_upper = false;
  for (size_t k = 0; k < text.size(); ++k) {
    const unsigned char c = text[k];
    if (absl::ascii_isupper(c)) {
      upper = true;
      if (k > 0 && text[k - 1] != ' ' && lower) inner_upper = true;
    }
    lower |= absl::ascii_islower(c) != 0;
  }
  if (inner_upper) return 3;
  if (upper && lower) return 2;
  if (upper) return 1;
  return 0;
}

bool IsMinorWord(absl::string_view lower) {
  return lower == "of" || lower == "and" || lower == "the" || lower == "for" ||
         lower == "&" || lower == "de" || lower == "on" || lower == "in";
}

bool IsAcronym(absl::string_view text) {
  if (text.size() < 2 || text.size() > 6) return false;
  for (char c : text) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

void Canonicalizer::Canonicalize(const TokenView& tokens,
                                 std::vector<Mention>* mentions,
                                 bool unify_types) {
  person_by_word_.clear();
  by_initials_.clear();
  product_by_code_.clear();
  best_form_.clear();
  best_type_.clear();
  const Gazetteer& names = lexicon_.names;

  std::vector<std::string> texts;
  texts.reserve(mentions->size());
  for (const Mention& mention : *mentions) {
    texts.push_back(NormalizedText(tokens, mention));
  }

  // Names given in full: people, multi-word names, hyphenated model names.
  constexpr absl::string_view kAmbiguous = "\x01";
  std::vector<std::string> companies;
  for (size_t m = 0; m < mentions->size(); ++m) {
    Mention& mention = (*mentions)[m];
    if (mention.entry == nullptr) mention.canonical.clear();
    const std::string full =
        mention.entry != nullptr ? mention.canonical : TitleCaseShouted(texts[m]);
    std::vector<absl::string_view> words =
        absl::StrSplit(full, ' ', absl::SkipEmpty());
    if (mention.type == v1::Entity::PERSON && words.size() >= 2) {
      if (mention.entry == nullptr) mention.canonical = full;
      for (absl::string_view word : {words.front(), words.back()}) {
        key_.clear();
        AppendLower(word, &key_);
        auto [it, inserted] = person_by_word_.try_emplace(key_, full);
        if (!inserted && it->second != full) it->second = std::string(kAmbiguous);
      }
    }
    if (words.size() >= 2) {
      std::string initials;
      for (absl::string_view word : words) {
        key_.clear();
        AppendLower(word, &key_);
        if (!IsMinorWord(key_)) {
          initials.push_back(absl::ascii_toupper(static_cast<unsigned char>(word[0])));
        }
      }
      if (initials.size() >= 2) by_initials_.try_emplace(initials, &mention);
    }
    if (mention.type == v1::Entity::PRODUCT && mention.entry != nullptr) {
      const size_t hyphen = full.find('-');
      if (hyphen != std::string::npos && hyphen + 1 < full.size()) {
        key_.clear();
        AppendLower(absl::string_view(full).substr(hyphen + 1), &key_);
        product_by_code_.try_emplace(key_, full);
      }
    }
    if (mention.type == v1::Entity::ORG && mention.entry != nullptr &&
        companies.size() < kMaxCompaniesForCodes) {
      bool known = false;
      for (const std::string& c : companies) known |= c == full;
      if (!known) companies.push_back(full);
    }
  }

  for (size_t m = 0; m < mentions->size(); ++m) {
    Mention& mention = (*mentions)[m];
    if (mention.entry != nullptr || !mention.canonical.empty()) continue;
    const std::string& text = texts[m];
    const bool one_word = text.find(' ') == std::string::npos;
    key_.clear();
    AppendLower(text, &key_);
    if (one_word) {
      auto person = person_by_word_.find(key_);
      if (person != person_by_word_.end() && person->second != kAmbiguous) {
        mention.canonical = person->second;
        mention.type = v1::Entity::PERSON;
        mention.confidence = std::max(mention.confidence, 0.7f);
        continue;
      }
      if (IsAcronym(text)) {
        auto expanded = by_initials_.find(text);
        if (expanded != by_initials_.end() && expanded->second != &mention) {
          mention.canonical = expanded->second->canonical.empty()
                                  ? TitleCaseShouted(texts[expanded->second -
                                                           mentions->data()])
                                  : expanded->second->canonical;
          mention.type = expanded->second->type;
          mention.confidence = std::max(mention.confidence, 0.6f);
          continue;
        }
      }
      if (mention.type == v1::Entity::PRODUCT) {
        auto product = product_by_code_.find(key_);
        if (product != product_by_code_.end()) {
          mention.canonical = product->second;
          mention.confidence = std::max(mention.confidence, 0.7f);
          continue;
        }
        // "R1" in a text about DeepSeek: the gazetteer knows "DeepSeek-R1".
        bool found = false;
        for (const std::string& company : companies) {
          std::string candidate;
          AppendLower(company, &candidate);
          candidate.push_back('-');
          candidate.append(key_);
          if (const GazetteerEntry* entry = names.FindCanonical(candidate);
              entry != nullptr && entry->type == v1::Entity::PRODUCT) {
            mention.canonical = entry->canonical;
            mention.confidence = std::max(mention.confidence, 0.7f);
            found = true;
            break;
          }
        }
        if (found) continue;
      }
    }
    // Same letters, different case: keep the best-cased spelling.
    if (const GazetteerEntry* entry = names.FindCanonical(key_)) {
      mention.canonical = entry->canonical;
      continue;
    }
    auto [it, inserted] = best_form_.try_emplace(key_, m);
    if (!inserted && CaseScore(text) > CaseScore(texts[it->second])) {
      it->second = m;
    }
  }
  for (size_t m = 0; m < mentions->size(); ++m) {
    Mention& mention = (*mentions)[m];
    if (!mention.canonical.empty()) continue;
    key_.clear();
    AppendLower(texts[m], &key_);
    auto it = best_form_.find(key_);
    const std::string& best = it != best_form_.end() ? texts[it->second] : texts[m];
    mention.canonical = mention.type == v1::Entity::PERSON ? TitleCaseShouted(best)
                                                           : best;
  }

  if (!unify_types) return;
  // One type per canonical name: that of its most confident mention.
  for (size_t m = 0; m < mentions->size(); ++m) {
    const Mention& mention = (*mentions)[m];
    auto [it, inserted] = best_type_.try_emplace(mention.canonical, m);
    if (!inserted && mention.confidence >
                         (*mentions)[it->second].confidence + kConfidenceEpsilon) {
      it->second = m;
    }
  }
  for (Mention& mention : *mentions) {
    if (mention.entry != nullptr) continue;
    const Mention& best = (*mentions)[best_type_.at(mention.canonical)];
    mention.type = best.type;
  }
}

}  // namespace entities_internal
}  // namespace loupe
