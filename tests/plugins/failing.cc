// A well-formed plugin that fails: Process returns an error for documents
// containing "fail" and throws for documents containing "throw"; other
// documents get one MISC entity over the first byte.
#include <memory>
#include <stdexcept>

#include "google/protobuf/empty.pb.h"
#include "loupe/plugin.h"
#include "loupe/plugin_export.h"

namespace {

class FailingPlugin : public loupe::Plugin {
 public:
  using Options = google::protobuf::Empty;
  static loupe::v1::PluginSpec Spec() {
    loupe::v1::PluginSpec spec;
    spec.set_id("failing");
    spec.set_version("0.0.1");
    spec.set_kind(loupe::v1::PluginSpec::ENTITIES);
    spec.add_assigns_fields("entities");
    return spec;
  }
  static absl::StatusOr<std::unique_ptr<loupe::Plugin>> Create(const Options&) {
    return std::make_unique<FailingPlugin>();
  }
  absl::Status Process(const loupe::v1::Document& doc,
                       loupe::v1::Annotations* out) override {
    if (doc.text().find("throw") != std::string::npos) {
      throw std::runtime_error("thrown on purpose");
    }
    if (doc.text().find("fail") != std::string::npos) {
      return absl::FailedPreconditionError("failed on purpose");
    }
    if (!doc.text().empty()) {
      loupe::v1::Entity* e = out->add_entities();
      e->mutable_span()->set_byte_end(1);
      e->set_type(loupe::v1::Entity::MISC);
    }
    return absl::OkStatus();
  }
};

}  // namespace

LOUPE_EXPORT_PLUGIN(FailingPlugin)
