#include "core/src/abbreviations.h"

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"

namespace loupe {
namespace {

// Common English news abbreviations (forms as written, without the period).
const absl::flat_hash_map<absl::string_view, AbbreviationKind>& Table() {
  static const auto* const table = [] {
    auto* t = new absl::flat_hash_map<absl::string_view, AbbreviationKind>();
    for (absl::string_view w :
         {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Sens", "Rep",
          "Reps", "Gov", "Gen", "Col", "Lt", "Capt", "Sgt", "Cmdr", "Adm",
          "Rev", "Hon", "Pres", "Supt", "Messrs", "Mme", "Mlle", "Fr", "No",
          "Nos", "no", "vs", "Vs", "cf", "Fig", "fig", "Figs", "Vol", "vol",
          "pp", "ca", "approx", "Mt", "Ft", "Ave", "Blvd", "Rd", "Dept",
          "Univ", "Assn", "Est", "est", "al", "Op", "Nr"}) {
      (*t)[w] = AbbreviationKind::kNonFinal;
    }
    for (absl::string_view w :
         {"Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Plc", "plc", "Jr", "Sr",
          "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
          "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
          "Thurs", "Fri", "Sat", "Sun", "Ph.D", "Ala", "Ariz", "Calif",
          "Colo", "Conn", "Fla", "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn",
          "Tex", "Va", "Wash", "Wis"}) {
      (*t)[w] = AbbreviationKind::kMayEnd;
    }
    return t;
  }();
  return *table;
}

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(c); }

// "U.S", "U.S.A", "e.g", "a.m": single letters joined by periods.
bool IsDottedLetters(absl::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

}  // namespace

AbbreviationKind LookupAbbreviation(absl::string_view word) {
  if (word.size() == 1 && absl::ascii_isupper(word[0])) {
    return AbbreviationKind::kMayEnd;
  }
  if (IsDottedLetters(word)) {
    if (word == "e.g" || word == "i.e" || word == "E.g" || word == "I.e") {
      return AbbreviationKind::kNonFinal;
    }
    return AbbreviationKind::kMayEnd;
  }
  const auto it = Table().find(word);
  return it == Table().end() ? AbbreviationKind::kNone : it->second;
}

bool IsSentenceOpeningWord(absl::string_view word) {
  static const auto* const words = new absl::flat_hash_set<absl::string_view>{
      "The", "This", "That", "These", "Those", "There", "They", "Their",
      "It", "Its", "It's", "He", "She", "We", "I", "You", "His", "Her",
      "Our", "But", "And", "Yet", "So", "In", "On", "At", "For", "As",
      "After", "Before", "When", "While", "If", "Although", "Though",
      "However", "Meanwhile", "Still", "Instead", "Moreover", "Despite",
      "Since", "According", "A", "An", "What", "Why", "How", "Shares",
      "Last", "Earlier", "Later", "Now", "Then", "Today", "Analysts",
      "Investors", "Other", "Some", "Many", "Most", "Such", "One"};
  return words->contains(word);
}

}  // namespace loupe
