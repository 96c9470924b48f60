// Tags cashtags, the "$NVDA" way social media and market news name a listed
// company, as ORG entities whose canonical name is the symbol.
//
// Copy this folder to start a plugin of your own: rename the plugin in
// CMakeLists.txt, the options message and Spec(), and write Process().
#include <memory>

#include "cashtags_options.pb.h"
#include "loupe/plugin.h"
#include "loupe/plugin_export.h"

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlnum(char c) {
  return IsUpper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

class CashtagsPlugin : public loupe::Plugin {
 public:
  using Options = cashtags::CashtagsOptions;

  static loupe::v1::PluginSpec Spec() {
    loupe::v1::PluginSpec spec;
    spec.set_id("cashtags");
    spec.set_version("1.0.0");
    spec.set_kind(loupe::v1::PluginSpec::ENTITIES);
    spec.add_assigns_fields("entities");
    spec.set_description("Cashtags such as $NVDA, as ORG entities");
    return spec;
  }

  static absl::StatusOr<std::unique_ptr<loupe::Plugin>> Create(
      const Options& options) {
    if (options.max_letters() > 10) {
      return absl::InvalidArgumentError("max_letters must be at most 10");
    }
    return std::make_unique<CashtagsPlugin>(
        options.max_letters() == 0 ? 5 : options.max_letters());
  }

  explicit CashtagsPlugin(size_t max_letters) : max_letters_(max_letters) {}

  absl::Status Process(const loupe::v1::Document& doc,
                       loupe::v1::Annotations* out) override {
    const std::string& text = doc.text();
    for (size_t dollar = text.find('$'); dollar != std::string::npos;
         dollar = text.find('$', dollar + 1)) {
      // "$NVDA" but not "US$5", "$5" or "$Nvidia".
      if (dollar > 0 && IsAlnum(text[dollar - 1])) continue;
      size_t end = dollar + 1;
      while (end < text.size() && IsUpper(text[end])) ++end;
      const size_t letters = end - dollar - 1;
      if (letters == 0 || letters > max_letters_) continue;
      if (end < text.size() && IsAlnum(text[end])) continue;
      loupe::v1::Entity* entity = out->add_entities();
      entity->mutable_span()->set_byte_begin(static_cast<uint32_t>(dollar));
      entity->mutable_span()->set_byte_end(static_cast<uint32_t>(end));
      entity->set_type(loupe::v1::Entity::ORG);
      entity->set_canonical(text.substr(dollar + 1, letters));
      entity->set_confidence(0.9f);
    }
    return absl::OkStatus();
  }

 private:
  size_t max_letters_;
};

}  // namespace

LOUPE_EXPORT_PLUGIN(CashtagsPlugin)
