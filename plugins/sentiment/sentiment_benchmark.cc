// Throughput of the sentiment plugin alone, on the seed articles repeated
// to about 50 MB, segmented once beforehand.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "plugins/builtin_plugins.h"
#include "plugins/sentiment/sentiment.h"

namespace loupe {
namespace {

std::string ReadSeeds() {
  std::string all;
  const std::filesystem::path dir =
      std::filesystem::path(LOUPE_CORPUS_DIR) / "seeds";
  std::error_code error;
  for (const auto& file : std::filesystem::directory_iterator(dir, error)) {
    std::ifstream in(file.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    all += buffer.str();
    all += "\n\n";
  }
  return all;
}

void BM_SentimentOnSeeds(benchmark::State& state) {
  const std::string seeds = ReadSeeds();
  if (seeds.size() < 100) {
    state.SkipWithError("no seed articles under LOUPE_CORPUS_DIR/seeds");
    return;
  }
  std::string text;
  const size_t target = static_cast<size_t>(state.range(0)) << 20;
  while (text.size() < target) text += seeds;
  absl::StatusOr<v1::Document> doc =
      AnalyzeWithBuiltins(text, {"segmenter", "numbers", "entities"});
  if (!doc.ok()) {
    state.SkipWithError(std::string(doc.status().message()).c_str());
    return;
  }
  absl::StatusOr<std::unique_ptr<Plugin>> plugin =
      SentimentPlugin::Create(SentimentPlugin::Options());
  if (!plugin.ok()) {
    state.SkipWithError("cannot create the plugin");
    return;
  }
  for (auto _ : state) {
    v1::Annotations out;
    benchmark::DoNotOptimize((*plugin)->Process(*doc, &out));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_SentimentOnSeeds)->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loupe

BENCHMARK_MAIN();
