// An example third-party plugin: tags exchange-qualified ticker symbols,
// "NASDAQ:NVDA" or "(NYSE: IBM)", as two ORG entities, the exchange and the
// listed company's symbol. It reads only the text and uses nothing of Loupe
// but the SDK headers, so it builds outside this tree as well.
#include <cctype>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/empty.pb.h"
#include "loupe/plugin.h"
#include "loupe/plugin_export.h"

namespace {

struct Exchange {
  const char* code;
  const char* canonical;
};

constexpr Exchange kExchanges[] = {
    {"NASDAQ", "Nasdaq"}, {"NasdaqGS", "Nasdaq"}, {"Nasdaq", "Nasdaq"},
    {"NYSE", "New York Stock Exchange"}, {"NYSEAMERICAN", "NYSE American"},
    {"AMEX", "NYSE American"}, {"LSE", "London Stock Exchange"},
    {"TSE", "Tokyo Stock Exchange"}, {"TYO", "Tokyo Stock Exchange"},
    {"HKEX", "Hong Kong Stock Exchange"}, {"SSE", "Shanghai Stock Exchange"},
    {"SZSE", "Shenzhen Stock Exchange"}, {"ETR", "Xetra"},
    {"EPA", "Euronext Paris"}, {"TSX", "Toronto Stock Exchange"},
    {"ASX", "Australian Securities Exchange"}, {"OTC", "OTC Markets"},
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

void AddEntity(size_t begin, size_t end, const std::string& canonical,
               loupe::v1::Annotations* out) {
  loupe::v1::Entity* entity = out->add_entities();
  entity->mutable_span()->set_byte_begin(static_cast<uint32_t>(begin));
  entity->mutable_span()->set_byte_end(static_cast<uint32_t>(end));
  entity->set_type(loupe::v1::Entity::ORG);
  entity->set_canonical(canonical);
  entity->set_confidence(0.95f);
}

class TickersPlugin : public loupe::Plugin {
 public:
  using Options = google::protobuf::Empty;

  static loupe::v1::PluginSpec Spec() {
    loupe::v1::PluginSpec spec;
    spec.set_id("tickers");
    spec.set_version("1.0.0");
    spec.set_kind(loupe::v1::PluginSpec::ENTITIES);
    spec.add_assigns_fields("entities");
    spec.set_description("Exchange-qualified ticker symbols: NASDAQ:NVDA");
    return spec;
  }

  static absl::StatusOr<std::unique_ptr<loupe::Plugin>> Create(const Options&) {
    return std::make_unique<TickersPlugin>();
  }

  absl::Status Process(const loupe::v1::Document& doc,
                       loupe::v1::Annotations* out) override {
    const absl::string_view text = doc.text();
    // Every "EXCHANGE:" is found from its colon, so the scan is linear.
    for (size_t colon = text.find(':'); colon != absl::string_view::npos;
         colon = text.find(':', colon + 1)) {
      size_t begin = colon;
      while (begin > 0 && IsWordByte(text[begin - 1])) --begin;
      if (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '(' &&
          text[begin - 1] != '\n' && text[begin - 1] != '[') {
        continue;
      }
      const absl::string_view code = text.substr(begin, colon - begin);
      const Exchange* exchange = nullptr;
      for (const Exchange& e : kExchanges) {
        if (code == e.code) exchange = &e;
      }
      if (exchange == nullptr) continue;
      size_t symbol_begin = colon + 1;
      if (symbol_begin < text.size() && text[symbol_begin] == ' ') ++symbol_begin;
      size_t symbol_end = symbol_begin;
      while (symbol_end < text.size() &&
             (IsUpper(text[symbol_end]) ||
              (text[symbol_end] == '.' && symbol_end + 1 < text.size() &&
               IsUpper(text[symbol_end + 1])))) {
        ++symbol_end;
      }
      const size_t length = symbol_end - symbol_begin;
      if (length == 0 || length > 6) continue;
      if (symbol_end < text.size() && IsWordByte(text[symbol_end])) continue;
      AddEntity(begin, colon, exchange->canonical, out);
      AddEntity(symbol_begin, symbol_end,
                std::string(text.substr(symbol_begin, length)), out);
    }
    return absl::OkStatus();
  }
};

}  // namespace

LOUPE_EXPORT_PLUGIN(TickersPlugin)
