#include "core/src/segmenter.h"

#include "core/src/sentence_splitter.h"
#include "core/src/tokenizer.h"

namespace loupe {

v1::PluginSpec Segmenter::Spec() {
  v1::PluginSpec spec;
  spec.set_id("segmenter");
  spec.set_version("0.1.0");
  spec.set_kind(v1::PluginSpec::OTHER);
  spec.add_assigns_fields("tokens");
  spec.add_assigns_fields("sentences");
  spec.set_description(
      "Tokens and sentences; repairs glued sentences, marks headings and "
      "boilerplate lines");
  return spec;
}

absl::StatusOr<std::unique_ptr<Plugin>> Segmenter::Create(const Options&) {
  return std::make_unique<Segmenter>();
}

absl::Status Segmenter::Process(const v1::Document& doc,
                                v1::Annotations* out) {
  const std::vector<TokenSpan> tokens = Tokenize(doc.text());
  out->mutable_tokens()->Reserve(static_cast<int>(tokens.size()));
  for (const TokenSpan& t : tokens) {
    v1::Token* token = out->add_tokens();
    token->mutable_span()->set_byte_begin(t.begin);
    token->mutable_span()->set_byte_end(t.end);
    token->set_kind(t.kind);
  }
  for (const SentenceSpan& s : SplitSentences(doc.text(), tokens)) {
    v1::Sentence* sentence = out->add_sentences();
    sentence->mutable_span()->set_byte_begin(s.begin);
    sentence->mutable_span()->set_byte_end(s.end);
    sentence->set_token_begin(s.token_begin);
    sentence->set_token_end(s.token_end);
    sentence->set_heading(s.heading);
    sentence->set_boilerplate(s.boilerplate);
  }
  return absl::OkStatus();
}

}  // namespace loupe
