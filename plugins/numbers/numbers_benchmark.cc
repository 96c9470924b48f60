// Throughput of the numbers plugin alone.
//   loupe_numbers_benchmark [--benchmark_filter=...]
// BM_Seeds repeats the seed articles (LOUPE_CORPUS_DIR/seeds) to 50 MB;
// BM_DigitLine times one line of digits and separators of 1 MB and 10 MB,
// whose ratio shows that the scan is linear.
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "plugins/numbers/numbers.h"

namespace loupe {
namespace {

std::string SeedText() {
  std::string dir = std::string(LOUPE_CORPUS_DIR) + "/seeds";
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* entry = readdir(d)) {
      std::string name = entry->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
        names.push_back(name);
      }
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::string all;
  for (const std::string& name : names) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    all += buffer.str();
    all += "\n\n";
  }
  return all;
}

void RunPlugin(benchmark::State& state, const std::string& text) {
  auto plugin = NumbersPlugin::Create({});
  if (!plugin.ok()) {
    state.SkipWithError("cannot create plugin");
    return;
  }
  v1::Document doc;
  doc.set_text(text);
  for (auto _ : state) {
    v1::Annotations out;
    benchmark::DoNotOptimize((*plugin)->Process(doc, &out));
    benchmark::DoNotOptimize(out.numbers_size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_Seeds(benchmark::State& state) {
  const std::string seeds = SeedText();
  if (seeds.empty()) {
    state.SkipWithError("no seed articles under LOUPE_CORPUS_DIR");
    return;
  }
  std::string text;
  while (text.size() < 50u << 20) text += seeds;
  RunPlugin(state, text);
}
BENCHMARK(BM_Seeds)->Unit(benchmark::kMillisecond);

void BM_DigitLine(benchmark::State& state) {
  const std::string unit = "1,2.3 4,5 ";
  std::string text;
  const size_t size = static_cast<size_t>(state.range(0)) << 20;
  while (text.size() < size) text += unit;
  RunPlugin(state, text);
}
BENCHMARK(BM_DigitLine)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loupe

BENCHMARK_MAIN();
