// Recognizes lines of scraped news pages that are not part of the article:
// ad markers, share/date templates, newsletter promos, navigation headings.
#ifndef LOUPE_CORE_SRC_BOILERPLATE_H_
#define LOUPE_CORE_SRC_BOILERPLATE_H_

#include "absl/strings/string_view.h"

namespace loupe {

enum class BoilerplateLine {
  kNone,
  // Debris inside or around the article ("Advertisements", "Share post:",
  // "Date:", "After the newsletter promotion", "Sign up for ...", a line of
  // punctuation only).
  kDebris,
  // Page navigation that starts the trailing zone of teasers and author bios
  // ("Source link", "Recent posts", "Related articles", "You may also like",
  // "Leave a Reply"). The line itself is boilerplate too.
  kNavigation,
};

// Classifies one line of text (without its newline). Matching ignores ASCII
// case, surrounding whitespace and a trailing ':' or '.'; lines over 120
// bytes are never boilerplate. Runs in O(line length).
BoilerplateLine ClassifyBoilerplateLine(absl::string_view line);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_BOILERPLATE_H_
