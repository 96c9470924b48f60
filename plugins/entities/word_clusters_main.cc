// loupe_entities_clusters: induces the word cluster table of the entities
// tagger from the words of CoNLL-format files (labels are not read).
//   loupe_entities_clusters [--fine N] [--coarse N] FILE...
//     > plugins/entities/data/word_clusters.tsv
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "plugins/entities/conll.h"
#include "plugins/entities/word_clusters.h"

int main(int argc, char** argv) {
  loupe::entities_internal::WordClusterOptions options;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if ((arg == "--fine" || arg == "--coarse") && i + 1 < argc) {
      int* target = arg == "--fine" ? &options.fine_clusters : &options.coarse_clusters;
      if (!absl::SimpleAtoi(argv[++i], target) || *target < 1 || *target > 60000) {
        std::cerr << "bad " << arg << "\n";
        return 2;
      }
    } else {
      files.push_back(argv[i]);
    }
  }
  if (files.empty()) {
    std::cerr << "usage: loupe_entities_clusters [--fine N] [--coarse N] "
                 "CONLL_FILE... > TABLE\n";
    return 2;
  }
  std::vector<std::vector<std::string>> sentences;
  for (const std::string& file : files) {
    absl::StatusOr<std::vector<loupe::conll::Document>> docs =
        loupe::conll::ReadFile(file);
    if (!docs.ok()) {
      std::cerr << docs.status() << "\n";
      return 1;
    }
    for (const loupe::conll::Document& doc : *docs) {
      for (const loupe::conll::Sentence& sentence : doc.sentences) {
        sentences.push_back(sentence.words);
      }
    }
  }
  std::cout << "# form<TAB>fine cluster<TAB>coarse cluster (" << options.fine_clusters
            << " fine, " << options.coarse_clusters << " coarse); see README.md\n"
            << loupe::entities_internal::BuildWordClusters(sentences, options);
  return 0;
}
