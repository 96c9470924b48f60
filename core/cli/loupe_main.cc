// PLACEHOLDER CLI, replaced in this same change.
#include <fstream>
#include <iostream>
#include <sstream>

#include "google/protobuf/util/json_util.h"
#include "plugins/builtin_plugins.h"

int main(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto doc = loupe::AnalyzeWithBuiltins(buffer.str());
    if (!doc.ok()) { std::cerr << doc.status() << "\n"; return 1; }
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    (void)google::protobuf::util::MessageToJsonString(*doc, &json, options);
    std::cout << json << "\n";
  }
  return 0;
}
