#include "loupe/pipeline.h"

#include <cstdio>
#include <set>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "document_fields.h"
#include "utf8.h"

namespace loupe {

struct Pipeline::Stage {
  const PluginRegistration* registration;
  std::unique_ptr<Plugin> plugin;
  v1::Run run;  // all but the id
  absl::flat_hash_set<std::string> assigns;
};

namespace {

std::string OptionsDigest(const google::protobuf::Any& options) {
  // FNV-1a, 64 bit: a stable fingerprint, not a security measure.
  uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix = [&hash](absl::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
  };
  mix(options.type_url());
  mix(options.value());
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx",
                static_cast<unsigned long long>(hash));
  return absl::StrCat("fnv1a64:", hex);
}

void AddDiagnostic(v1::Diagnostic::Severity severity, absl::string_view source,
                   absl::string_view message, uint32_t run_id,
                   v1::Document* doc) {
  v1::Diagnostic* diagnostic = doc->add_diagnostics();
  diagnostic->set_severity(severity);
  diagnostic->set_source(std::string(source));
  diagnostic->set_message(std::string(message));
  diagnostic->set_run_id(run_id);
}

// Checks a span against the text; describes the problem if it is broken.
std::optional<std::string> SpanProblem(const v1::TextSpan& span,
                                       absl::string_view text) {
  if (span.byte_begin() > span.byte_end() || span.byte_end() > text.size()) {
    return absl::StrCat("span [", span.byte_begin(), ", ", span.byte_end(),
                        ") is outside the text of ", text.size(), " bytes");
  }
  if (!IsCharBoundary(text, span.byte_begin()) ||
      !IsCharBoundary(text, span.byte_end())) {
    return absl::StrCat("span [", span.byte_begin(), ", ", span.byte_end(),
                        ") cuts a UTF-8 character");
  }
  return std::nullopt;
}

// Merges `from` into `to`, keeping items whose span is sound and stamping
// their run id; each dropped item becomes a WARNING.
template <typename T>
void MergeSpans(google::protobuf::RepeatedPtrField<T>* from,
                absl::string_view what, absl::string_view plugin,
                uint32_t run_id, v1::Document* doc,
                google::protobuf::RepeatedPtrField<T>* to) {
  to->Reserve(to->size() + from->size());
  for (T& item : *from) {
    if (std::optional<std::string> problem = SpanProblem(item.span(), doc->text())) {
      AddDiagnostic(v1::Diagnostic::WARNING, plugin,
                    absl::StrCat("dropped ", what, ": ", *problem), run_id, doc);
      continue;
    }
    T* added = to->Add();
    added->Swap(&item);
    if constexpr (std::is_same_v<T, v1::Entity> || std::is_same_v<T, v1::Number>) {
      added->set_text(doc->text().substr(
          added->span().byte_begin(),
          added->span().byte_end() - added->span().byte_begin()));
    }
    if constexpr (!std::is_same_v<T, v1::Token>) added->set_run_id(run_id);
  }
}

void SetUtf16(const Utf16Index& index, v1::TextSpan* span) {
  span->set_utf16_begin(index.Utf16Offset(span->byte_begin()));
  span->set_utf16_end(index.Utf16Offset(span->byte_end()));
}

}  // namespace

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

absl::StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(
    const v1::PipelineConfig& config, const PluginRegistry& registry) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  std::set<std::string> assigned;  // fields assigned by earlier plugins
  std::set<std::string> ids;
  for (const v1::PluginConfig& plugin_config : config.plugin()) {
    const PluginRegistration* registration = registry.Find(plugin_config.id());
    if (registration == nullptr) {
      std::string known;
      for (const PluginRegistration* r : registry.List()) {
        absl::StrAppend(&known, known.empty() ? "" : ", ", r->spec.id());
      }
      return absl::NotFoundError(absl::StrCat("unknown plugin '",
                                              plugin_config.id(),
                                              "'; known plugins: ", known));
    }
    const v1::PluginSpec& spec = registration->spec;
    if (!ids.insert(spec.id()).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("plugin '", spec.id(), "' appears twice in the pipeline"));
    }
    for (const std::string& field : spec.requires_fields()) {
      if (!assigned.count(field)) {
        return absl::FailedPreconditionError(absl::StrCat(
            "plugin '", spec.id(), "' requires '", field,
            "', which no earlier plugin in the pipeline assigns"));
      }
    }
    Stage stage;
    for (const std::string& field : spec.assigns_fields()) {
      if (IsSingleValuedField(field) && assigned.count(field)) {
        return absl::FailedPreconditionError(
            absl::StrCat("plugin '", spec.id(), "' assigns '", field,
                         "', which an earlier plugin assigns already"));
      }
      stage.assigns.insert(field);
    }
    assigned.insert(spec.assigns_fields().begin(), spec.assigns_fields().end());
    absl::StatusOr<std::unique_ptr<Plugin>> plugin =
        registration->create(plugin_config.options());
    if (!plugin.ok()) {
      return absl::Status(plugin.status().code(),
                          absl::StrCat("creating plugin '", spec.id(),
                                       "': ", plugin.status().message()));
    }
    stage.registration = registration;
    stage.plugin = *std::move(plugin);
    stage.run.set_plugin(spec.id());
    stage.run.set_version(spec.version());
    stage.run.set_options_digest(OptionsDigest(plugin_config.options()));
    stage.run.set_source(registration->source);
    pipeline->registrations_.push_back(registration);
    pipeline->stages_.push_back(std::move(stage));
  }
  return pipeline;
}

absl::StatusOr<v1::Document> Pipeline::Analyze(std::string id,
                                               std::string text) {
  v1::Document doc;
  doc.set_id(std::move(id));
  doc.set_text(std::move(text));
  if (absl::Status status = Annotate(&doc); !status.ok()) return status;
  return doc;
}

absl::Status Pipeline::Annotate(v1::Document* doc) {
  if (std::optional<size_t> bad = FindInvalidUtf8(doc->text())) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", doc->id(), "': invalid UTF-8 at byte offset ", *bad));
  }
  for (Stage& stage : stages_) {
    v1::Run* run = doc->add_runs();
    *run = stage.run;
    run->set_id(static_cast<uint32_t>(doc->runs_size()));
    const uint32_t run_id = run->id();
    const std::string& plugin = stage.run.plugin();

    // On the document's arena, if it has one, so that merging below moves
    // pointers instead of copying messages.
    google::protobuf::Arena* arena = doc->GetArena();
    v1::Annotations* annotations =
        google::protobuf::Arena::CreateMessage<v1::Annotations>(arena);
    std::unique_ptr<v1::Annotations> owned(arena == nullptr ? annotations
                                                            : nullptr);
    v1::Annotations& out = *annotations;
    absl::Status status = stage.plugin->Process(*doc, &out);
    if (!status.ok()) {
      v1::Diagnostic* diagnostic = doc->add_diagnostics();
      diagnostic->set_severity(v1::Diagnostic::ERROR);
      diagnostic->set_source(plugin);
      diagnostic->set_code(absl::StatusCodeToString(status.code()));
      diagnostic->set_message(absl::StrCat("plugin '", plugin, "' failed: ",
                                           status.message()));
      diagnostic->set_run_id(run_id);
      continue;
    }
    // A plugin may only write what it declared.
    const auto allowed = [&](absl::string_view field, bool present) {
      if (!present) return false;
      if (stage.assigns.contains(field)) return true;
      AddDiagnostic(v1::Diagnostic::WARNING, plugin,
                    absl::StrCat("dropped '", field,
                                 "': the plugin does not declare it in assigns"),
                    run_id, doc);
      return false;
    };
    if (allowed(kFieldTokens, out.tokens_size() > 0)) {
      MergeSpans(out.mutable_tokens(), "token", plugin, run_id, doc,
                 doc->mutable_tokens());
    }
    if (allowed(kFieldSentences, out.sentences_size() > 0)) {
      MergeSpans(out.mutable_sentences(), "sentence", plugin, run_id, doc,
                 doc->mutable_sentences());
    }
    if (allowed(kFieldEntities, out.entities_size() > 0)) {
      MergeSpans(out.mutable_entities(), "entity", plugin, run_id, doc,
                 doc->mutable_entities());
    }
    if (allowed(kFieldNumbers, out.numbers_size() > 0)) {
      MergeSpans(out.mutable_numbers(), "number", plugin, run_id, doc,
                 doc->mutable_numbers());
    }
    if (allowed(kFieldSentiment, out.has_sentiment())) {
      *doc->mutable_sentiment() = out.sentiment();
    }
    if (allowed(kFieldSentenceSentiment, out.sentence_sentiments_size() > 0)) {
      for (const v1::SentenceSentiment& s : out.sentence_sentiments()) {
        if (s.sentence_index() >= static_cast<uint32_t>(doc->sentences_size())) {
          AddDiagnostic(v1::Diagnostic::WARNING, plugin,
                        absl::StrCat("dropped sentiment of sentence ",
                                     s.sentence_index(), ": there are only ",
                                     doc->sentences_size()),
                        run_id, doc);
          continue;
        }
        *doc->mutable_sentences(static_cast<int>(s.sentence_index()))
             ->mutable_sentiment() = s.sentiment();
      }
    }
    if (allowed(kFieldEntitySentiments, out.entity_sentiments_size() > 0)) {
      for (v1::EntitySentiment& s : *out.mutable_entity_sentiments()) {
        s.set_run_id(run_id);
        *doc->add_entity_sentiments() = std::move(s);
      }
    }
    for (v1::Diagnostic& d : *out.mutable_diagnostics()) {
      if (d.has_span() && SpanProblem(d.span(), doc->text())) d.clear_span();
      d.set_source(plugin);
      d.set_run_id(run_id);
      *doc->add_diagnostics() = std::move(d);
    }
  }

  const Utf16Index index(doc->text());
  for (v1::Token& t : *doc->mutable_tokens()) SetUtf16(index, t.mutable_span());
  for (v1::Sentence& s : *doc->mutable_sentences()) SetUtf16(index, s.mutable_span());
  for (v1::Entity& e : *doc->mutable_entities()) SetUtf16(index, e.mutable_span());
  for (v1::Number& n : *doc->mutable_numbers()) SetUtf16(index, n.mutable_span());
  for (v1::Diagnostic& d : *doc->mutable_diagnostics()) {
    if (d.has_span()) SetUtf16(index, d.mutable_span());
  }
  return absl::OkStatus();
}

bool HasErrors(const v1::Document& doc) {
  for (const v1::Diagnostic& d : doc.diagnostics()) {
    if (d.severity() == v1::Diagnostic::ERROR) return true;
  }
  return false;
}

}  // namespace loupe
