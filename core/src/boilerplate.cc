#include "core/src/boilerplate.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "core/src/char_class.h"

namespace loupe {
namespace {

// The whole line, normalized (lowercase ASCII, single spaces, no trailing
// ':' or '.'), is one of these.
constexpr absl::string_view kDebrisLines[] = {
    // Ads.
    "advertisement", "advertisements", "advertising", "ad", "sponsored",
    "sponsored content", "skip advertisement", "story continues below",
    "story continues below advertisement", "continue reading below",
    "article continues below", "scroll to continue with content",
    // Templates and share bars.
    "date", "share", "share post", "share this", "share this article",
    "share this post", "share this story", "share article", "print",
    "email", "tweet", "copy link", "comments", "comment", "tags", "author",
    "published", "updated", "listen to this article", "photo", "image",
    "video", "loading", "loading...", "click to expand", "toggle caption",
    // Inline promos.
    "after the newsletter promotion", "newsletter promotion",
    "continue reading", "read more", "read full article", "view comments",
    "see all", "see more", "show more", "load more",
};

// Lines starting with one of these words (followed by a non-letter) are
// debris when short: "Sign up for our newsletter", "Subscribe now".
constexpr absl::string_view kDebrisPrefixes[] = {
    "sign up", "subscribe", "click here", "follow us", "share on",
    "also read", "read also", "read more", "download the", "get the app",
    "image source", "image credit", "photo credit", "photograph:",
    "watch:", "listen:", "join our", "don't miss",
};
constexpr size_t kMaxPrefixLineBytes = 100;

// Navigation headings that start the trailing zone.
constexpr absl::string_view kNavigationLines[] = {
    "source link", "source", "recent posts", "recent articles",
    "related articles", "related posts", "related stories", "related news",
    "related", "related content", "you may also like", "you might also like",
    "more from", "more stories", "more news", "read next", "up next",
    "leave a reply", "leave a comment", "leave a reply cancel reply",
    "most popular", "most read", "popular posts", "popular stories",
    "latest news", "latest posts", "latest stories", "trending",
    "trending now", "further reading", "about the author", "post navigation",
    "previous article", "next article", "recommended", "recommended for you",
    "what to read next", "top stories",
};

constexpr size_t kMaxLineBytes = 120;

std::string Normalize(absl::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (char c : line) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && (out.back() == ':' || out.back() == '.' ||
                          out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

bool HasLetterOrDigit(absl::string_view line) {
  size_t pos = 0;
  while (pos < line.size()) {
    const CharInfo c = CharAt(line, pos);
    if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit ||
        c.cls == CharClass::kIdeograph) {
      return true;
    }
    pos += c.length;
  }
  return false;
}

}  // namespace

BoilerplateLine ClassifyBoilerplateLine(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.size() > kMaxLineBytes) {
    return BoilerplateLine::kNone;
  }
  if (!HasLetterOrDigit(line)) return BoilerplateLine::kDebris;
  const std::string norm = Normalize(line);
  for (absl::string_view nav : kNavigationLines) {
    if (norm == nav) return BoilerplateLine::kNavigation;
  }
  for (absl::string_view debris : kDebrisLines) {
    if (norm == debris) return BoilerplateLine::kDebris;
  }
  if (norm.size() <= kMaxPrefixLineBytes) {
    for (absl::string_view prefix : kDebrisPrefixes) {
      if (absl::StartsWith(norm, prefix) &&
          (norm.size() == prefix.size() ||
           !absl::ascii_isalpha(norm[prefix.size()]))) {
        return BoilerplateLine::kDebris;
      }
    }
  }
  return BoilerplateLine::kNone;
}

}  // namespace loupe
