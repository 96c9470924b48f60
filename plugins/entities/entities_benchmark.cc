// Throughput of the entities plugin on synthetic news-like text.
#include <string>

#include "benchmark/benchmark.h"
#include "plugins/entities/entities.h"
#include "plugins/entities/ner_tagger.h"

namespace loupe {

absl::string_view EntitiesModelData(absl::string_view name);

namespace {

// A document of `copies` invented news sentences, with whitespace tokens.
v1::Document MakeDocument(int copies) {
  static constexpr const char* kSentence =
      "Shares of Nvidia fell 17 % on Monday after the Chinese start-up "
      "Example Labs said its R2 model matched GPT-4 , and Jane Roe , chief "
      "executive of Acme Capital , told investors in New York that the "
      "U.S. market would recover . ";
  v1::Document doc;
  std::string text;
  for (int i = 0; i < copies; ++i) text += kSentence;
  doc.set_text(text);
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(' ', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) {
      v1::Token* token = doc.add_tokens();
      token->mutable_span()->set_byte_begin(begin);
      token->mutable_span()->set_byte_end(end);
      const char c = text[begin];
      token->set_kind(c >= '0' && c <= '9' ? v1::Token::NUMBER
                      : (c == '.' || c == ',') ? v1::Token::PUNCTUATION
                                               : v1::Token::WORD);
    }
    begin = end + 1;
  }
  return doc;
}

void BM_Process(benchmark::State& state) {
  const v1::Document doc = MakeDocument(static_cast<int>(state.range(0)));
  auto plugin = EntitiesPlugin::Create(EntitiesPlugin::Options());
  if (!plugin.ok()) {
    state.SkipWithError("cannot create plugin");
    return;
  }
  for (auto _ : state) {
    v1::Annotations out;
    benchmark::DoNotOptimize((*plugin)->Process(doc, &out));
  }
  state.SetItemsProcessed(state.iterations() * doc.tokens_size());
  state.SetBytesProcessed(state.iterations() * doc.text().size());
}
BENCHMARK(BM_Process)->Arg(10)->Arg(1000);

// Parsing the embedded tagger model into its lookup table (what the first
// EntitiesPlugin::Create in a process pays).
void BM_LoadModel(benchmark::State& state) {
  const absl::string_view bytes = EntitiesModelData("ner_model.pb");
  for (auto _ : state) {
    entities_internal::NerWeights weights;
    benchmark::DoNotOptimize(entities_internal::LoadNerModel(bytes, &weights));
  }
  state.SetBytesProcessed(state.iterations() * bytes.size());
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loupe
