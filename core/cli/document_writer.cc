#include "core/cli/document_writer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace loupe {
namespace {

// The text of a span, with newlines and tabs shown as spaces, cut to `max`
// bytes on a character boundary.
std::string Snippet(absl::string_view text, const v1::TextSpan& span,
                    size_t max) {
  std::string s(text.substr(span.byte_begin(),
                            span.byte_end() - span.byte_begin()));
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
    s += "…";
  }
  return s;
}

// `s` padded with spaces to `width` characters (code points, not bytes, so
// that "€" lines up with "$").
std::string Pad(absl::string_view s, size_t width) {
  size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  std::string padded(s);
  if (chars < width) padded.append(width - chars, ' ');
  return padded;
}

std::string FormatValue(double value) {
  if (value == static_cast<double>(static_cast<long long>(value)) &&
      value < 1e18 && value > -1e18) {
    return absl::StrCat(static_cast<long long>(value));
  }
  return absl::StrFormat("%.6g", value);
}

std::string FormatSentiment(const v1::Sentiment& s) {
  return absl::StrFormat("%s %+.2f (magnitude %.2f)",
                         v1::Sentiment::Label_Name(s.label()), s.score(),
                         s.magnitude());
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(absl::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "textproto") return OutputFormat::kTextproto;
  if (name == "binary") return OutputFormat::kBinary;
  if (name == "table") return OutputFormat::kTable;
  return std::nullopt;
}

absl::Status DocumentToJson(const v1::Document& doc, bool pretty,
                            std::string* json) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  // protobuf 3.21 has a Status type of its own.
  const auto status =
      google::protobuf::util::MessageToJsonString(doc, json, options);
  if (!status.ok()) return absl::InternalError(status.ToString());
  return absl::OkStatus();
}

absl::Status DocumentWriter::Write(const v1::Document& doc) {
  switch (format_) {
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      std::string json;
      if (absl::Status status =
              DocumentToJson(doc, format_ == OutputFormat::kJson, &json);
          !status.ok()) {
        return absl::InternalError(
            absl::StrCat(doc.id(), ": cannot print JSON: ", status.message()));
      }
      *out_ << json;
      if (format_ == OutputFormat::kJsonl || json.empty() || json.back() != '\n') {
        *out_ << '\n';
      }
      break;
    }
    case OutputFormat::kTextproto: {
      std::string text;
      google::protobuf::TextFormat::PrintToString(doc, &text);
      *out_ << "# loupe.v1.Document " << doc.id() << "\n" << text;
      break;
    }
    case OutputFormat::kBinary: {
      google::protobuf::io::OstreamOutputStream stream(out_);
      if (!google::protobuf::util::SerializeDelimitedToZeroCopyStream(
              doc, &stream)) {
        return absl::InternalError(
            absl::StrCat(doc.id(), ": cannot serialize the document"));
      }
      break;
    }
    case OutputFormat::kTable:
      WriteTable(doc);
      break;
  }
  ++written_;
  out_->flush();
  if (!*out_) return absl::UnavailableError("cannot write the output");
  return absl::OkStatus();
}

void DocumentWriter::WriteTable(const v1::Document& doc) {
  std::ostream& out = *out_;
  if (written_ > 0) out << "\n";
  out << "== " << doc.id() << "\n";
  size_t body = 0;
  for (const v1::Sentence& s : doc.sentences()) body += !s.boilerplate();
  out << absl::StrFormat("   %d bytes, %d tokens, %d sentences (%d boilerplate)\n",
                         doc.text().size(), doc.tokens_size(),
                         doc.sentences_size(), doc.sentences_size() - body);
  if (doc.has_sentiment()) {
    out << "   sentiment: " << FormatSentiment(doc.sentiment()) << "\n";
  }

  // Entities grouped by canonical name, most mentioned first.
  struct Group {
    v1::Entity::Type type;
    int mentions = 0;
    std::vector<std::string> forms;
  };
  std::map<std::string, Group> groups;
  for (const v1::Entity& e : doc.entities()) {
    Group& g = groups[e.canonical().empty() ? e.text() : e.canonical()];
    if (g.mentions++ == 0) g.type = e.type();
    if (std::find(g.forms.begin(), g.forms.end(), e.text()) == g.forms.end()) {
      g.forms.push_back(e.text());
    }
  }
  std::map<std::string, const v1::EntitySentiment*> entity_sentiment;
  for (const v1::EntitySentiment& s : doc.entity_sentiments()) {
    entity_sentiment[s.canonical()] = &s;
  }
  std::vector<std::pair<std::string, Group>> sorted(groups.begin(), groups.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second.mentions > b.second.mentions;
  });
  out << "\n   ENTITIES (" << doc.entities_size() << " mentions, "
      << sorted.size() << " distinct)\n";
  for (const auto& [canonical, g] : sorted) {
    std::string line = absl::StrFormat("   %s %-8s %3d", Pad(canonical, 28),
                                       v1::Entity::Type_Name(g.type), g.mentions);
    auto it = entity_sentiment.find(canonical);
    if (it != entity_sentiment.end()) {
      absl::StrAppend(&line, "  ", FormatSentiment(it->second->sentiment()));
    }
    if (g.forms.size() > 1 || g.forms[0] != canonical) {
      absl::StrAppend(&line, "  as: ", absl::StrJoin(g.forms, ", "));
    }
    out << line << "\n";
  }

  out << "\n   NUMBERS (" << doc.numbers_size() << ")\n";
  for (const v1::Number& n : doc.numbers()) {
    std::string value = n.has_range() ? absl::StrCat(FormatValue(n.range().low()),
                                                     " .. ",
                                                     FormatValue(n.range().high()))
                                      : FormatValue(n.value());
    if (!n.timex().empty()) value = n.timex();
    std::string line = absl::StrFormat(
        "   %s %-11s %-22s %-5s", Pad(Snippet(doc.text(), n.span(), 22), 22),
        v1::Number::Kind_Name(n.kind()), value, n.unit());
    absl::StripTrailingAsciiWhitespace(&line);
    if (!n.qualifier().empty()) absl::StrAppend(&line, " (", n.qualifier(), ")");
    else if (n.approximate()) absl::StrAppend(&line, " (approximate)");
    out << line << "\n";
  }

  bool any_sentiment = false;
  for (const v1::Sentence& s : doc.sentences()) {
    any_sentiment |= s.has_sentiment() && !s.boilerplate();
  }
  if (any_sentiment) {
    out << "\n   SENTENCES\n";
    for (const v1::Sentence& s : doc.sentences()) {
      if (s.boilerplate()) continue;
      out << absl::StrFormat("   %+.2f  %s\n", s.sentiment().score(),
                             Snippet(doc.text(), s.span(), 90));
    }
  }

  if (!doc.runs().empty()) {
    std::vector<std::string> runs;
    for (const v1::Run& r : doc.runs()) {
      runs.push_back(absl::StrCat(r.plugin(), " ", r.version()));
    }
    out << "\n   plugins: " << absl::StrJoin(runs, ", ") << "\n";
  }
  for (const v1::Diagnostic& d : doc.diagnostics()) {
    out << "   " << v1::Diagnostic::Severity_Name(d.severity()) << " ["
        << d.source() << "] " << d.message() << "\n";
  }
}

}  // namespace loupe
