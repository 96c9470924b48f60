// loupe_train_entities: trains the entities plugin's tagger. The same
// function backs `loupe train entities`.
//
//   loupe_train_entities --train train.txt --dev valid.txt -o model.pb
//       [--epochs N] [--seed N] [--min-count N] [--prune W]
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "plugins/entities/ner_trainer.h"

int main(int argc, char** argv) {
  loupe::NerTrainOptions options;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "missing value for " << arg << "\n";
      return 2;
    }
    const absl::string_view value = argv[++i];
    bool ok = true;
    if (arg == "--train") {
      options.train_path = std::string(value);
    } else if (arg == "--dev") {
      options.dev_path = std::string(value);
    } else if (arg == "-o" || arg == "--output") {
      options.output_path = std::string(value);
    } else if (arg == "--epochs") {
      ok = absl::SimpleAtoi(value, &options.epochs) && options.epochs > 0;
    } else if (arg == "--seed") {
      ok = absl::SimpleAtoi(value, &options.seed);
    } else if (arg == "--min-count") {
      ok = absl::SimpleAtoi(value, &options.min_feature_count);
    } else if (arg == "--prune") {
      ok = absl::SimpleAtof(value, &options.prune_below);
    } else {
      ok = false;
    }
    if (!ok) {
      std::cerr << "bad flag or value: " << arg << " " << value << "\n";
      return 2;
    }
  }
  if (options.train_path.empty() || options.output_path.empty()) {
    std::cerr << "usage: loupe_train_entities --train FILE [--dev FILE] -o MODEL "
                 "[--epochs N] [--seed N] [--min-count N] [--prune W]\n";
    return 2;
  }
  if (absl::Status status = loupe::TrainNerModel(options, &std::cerr); !status.ok()) {
    std::cerr << status << "\n";
    return 1;
  }
  return 0;
}
