// loupe: the command-line front end.
//
//   loupe analyze [options] [PATH...]   annotate files, folders or stdin
//   loupe plugins [--plugin LIB]...     list the available plugins
//   loupe train entities ...            train the entity tagger
//
// Exit codes: 0 all went well; 1 some input or plugin failed (everything
// else is still written); 2 usage or setup error (nothing was analyzed).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "google/protobuf/arena.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/cli/document_writer.h"
#include "core/cli/input_reader.h"
#include "core/cli/pipeline_config_reader.h"
#include "loupe/pipeline.h"
#include "loupe/plugin_abi.h"
#include "loupe/registry.h"
#include "plugins/builtin_plugins.h"
#include "plugins/entities/ner_trainer.h"

namespace loupe {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

constexpr char kVersion[] = "0.1.0";

constexpr char kUsage[] = R"(Usage:
  loupe analyze [options] [PATH...]
  loupe plugins [--plugin LIB]...
  loupe train entities --train FILE [--dev FILE] -o MODEL [options]
  loupe --help | --version

Reads news text and writes, for each document, its tokens, sentences,
entities, numbers, sentiment and provenance as loupe.v1.Document.

loupe analyze: PATH is a UTF-8 text file, a folder (its *.txt files,
recursively, in sorted order) or "-" for standard input (the default).
  --lines            each input line is its own document, id PATH:LINE
  --format FORMAT    json (default; pretty, one object per document),
                     jsonl (one object per line), textproto, binary
                     (length-delimited protobuf), table (for people)
  --pipeline FILE    the plugins to run, as a loupe.v1.PipelineConfig text
                     proto (default: segmenter, numbers, entities, sentiment)
  --plugin LIB       load a plugin from a shared library (repeatable); it
                     runs after the default pipeline unless --pipeline names it
  --repair           replace invalid UTF-8 and NUL bytes with U+FFFD and
                     record each replacement in diagnostics, instead of
                     rejecting the input
  -o, --output FILE  write to FILE instead of standard output

loupe plugins: lists the built-in plugins and those loaded with --plugin.

loupe train entities: trains the entities plugin's tagger on CoNLL-2003-style
files (word ... tag per line) and writes the model, a plugins.NerModel proto;
copy it to plugins/entities/model/ner_model.pb and rebuild to use it.
  --train FILE       training data
  --dev FILE         scored after each epoch, for information only
  -o, --output FILE  where the model goes
  --holdout F (0.1)  share of the training documents held out to pick the
                     epoch and fit confidence; 0 picks on --dev instead
  --epochs N (12)  --seed N  --min-count N (2)  --prune W (0.02)

Exit status: 0 success; 1 some input or plugin failed (the rest is still
written); 2 usage error or setup failure.
)";

struct Args {
  std::string command;
  NerTrainOptions train;
  std::vector<std::string> paths;
  std::vector<std::string> plugin_libraries;
  std::string pipeline_file;
  std::string output_file;
  OutputFormat format = OutputFormat::kJson;
  ReadOptions read;
};

int UsageError(const std::string& message) {
  std::cerr << "loupe: " << message << "\n"
            << "Try 'loupe --help'.\n";
  return kExitUsage;
}

// Parses argv into `args`; returns an exit code if the program should stop.
std::optional<int> ParseArgs(int argc, char** argv, Args* args) {
  std::vector<std::string> rest(argv + 1, argv + argc);
  if (rest.empty()) return UsageError("missing command");
  if (rest[0] == "--help" || rest[0] == "-h" || rest[0] == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (rest[0] == "--version") {
    std::cout << "loupe " << kVersion << " (schema loupe.v1, plugin ABI "
              << LOUPE_PLUGIN_ABI_VERSION << ")\n";
    return kExitOk;
  }
  args->command = rest[0];
  if (args->command == "train") {
    if (rest.size() < 2 || rest[1] != "entities") {
      return UsageError("'train' takes what to train: 'loupe train entities'");
    }
    args->command = "train entities";
    rest.erase(rest.begin());
  } else if (args->command != "analyze" && args->command != "plugins") {
    return UsageError(absl::StrCat("unknown command '", args->command, "'"));
  }
  bool only_paths = false;
  for (size_t i = 1; i < rest.size(); ++i) {
    const std::string& arg = rest[i];
    if (only_paths || arg == "-" || !absl::StartsWith(arg, "-")) {
      if (args->command != "analyze") {
        return UsageError(absl::StrCat("unexpected argument '", arg, "'"));
      }
      args->paths.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_paths = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return kExitOk;
    }
    // Options with a value: "--name value" or "--name=value".
    std::string name = arg, value;
    bool has_value = false;
    if (const size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    const auto take_value = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= rest.size()) return false;
      value = rest[++i];
      return true;
    };
    const bool analyze = args->command == "analyze";
    const bool train = args->command == "train entities";
    if (train) {
      if (!take_value()) return UsageError(absl::StrCat(name, " needs a value"));
      NerTrainOptions& t = args->train;
      bool ok = true;
      if (name == "--train") {
        t.train_path = value;
      } else if (name == "--dev") {
        t.dev_path = value;
      } else if (name == "-o" || name == "--output") {
        t.output_path = value;
      } else if (name == "--epochs") {
        ok = absl::SimpleAtoi(value, &t.epochs) && t.epochs > 0;
      } else if (name == "--seed") {
        ok = absl::SimpleAtoi(value, &t.seed);
      } else if (name == "--min-count") {
        ok = absl::SimpleAtoi(value, &t.min_feature_count);
      } else if (name == "--prune") {
        ok = absl::SimpleAtof(value, &t.prune_below);
      } else if (name == "--holdout") {
        ok = absl::SimpleAtod(value, &t.holdout_fraction) &&
             t.holdout_fraction >= 0 && t.holdout_fraction < 1;
      } else {
        return UsageError(absl::StrCat("unknown option '", arg, "' for 'train entities'"));
      }
      if (!ok) return UsageError(absl::StrCat("bad value for ", name, ": '", value, "'"));
      continue;
    }
    if (name == "--plugin") {
      if (!take_value()) return UsageError("--plugin needs a library path");
      args->plugin_libraries.push_back(value);
    } else if (analyze && name == "--format") {
      if (!take_value()) return UsageError("--format needs a value");
      std::optional<OutputFormat> format = ParseOutputFormat(value);
      if (!format) {
        return UsageError(absl::StrCat(
            "unknown format '", value,
            "'; use json, jsonl, textproto, binary or table"));
      }
      args->format = *format;
    } else if (analyze && name == "--pipeline") {
      if (!take_value()) return UsageError("--pipeline needs a file");
      args->pipeline_file = value;
    } else if (analyze && (name == "-o" || name == "--output")) {
      if (!take_value()) return UsageError(absl::StrCat(name, " needs a file"));
      args->output_file = value;
    } else if (analyze && name == "--lines" && !has_value) {
      args->read.lines = true;
    } else if (analyze && name == "--repair" && !has_value) {
      args->read.repair = true;
    } else {
      return UsageError(absl::StrCat("unknown option '", arg, "' for '",
                                     args->command, "'"));
    }
  }
  if (args->command == "train entities") {
    if (args->train.train_path.empty() || args->train.output_path.empty()) {
      return UsageError("'train entities' needs --train FILE and -o MODEL");
    }
    return std::nullopt;
  }
  if (args->paths.empty()) args->paths.push_back("-");
  return std::nullopt;
}

absl::Status BuildRegistry(const Args& args, PluginRegistry* registry) {
  if (absl::Status status = RegisterBuiltinPlugins(registry); !status.ok()) {
    return status;
  }
  for (const std::string& library : args.plugin_libraries) {
    if (absl::Status status = registry->LoadLibrary(library); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

int ListPlugins(const PluginRegistry& registry) {
  for (const PluginRegistration* r : registry.List()) {
    const v1::PluginSpec& spec = r->spec;
    std::cout << spec.id() << " " << spec.version() << "  ("
              << absl::AsciiStrToLower(v1::PluginSpec::Kind_Name(spec.kind()))
              << ")\n";
    if (!spec.description().empty()) {
      std::cout << "    " << spec.description() << "\n";
    }
    std::cout << "    requires: "
              << (spec.requires_fields().empty()
                      ? "-"
                      : absl::StrJoin(spec.requires_fields(), ", "))
              << "\n    assigns:  " << absl::StrJoin(spec.assigns_fields(), ", ")
              << "\n    source:   " << r->source;
    if (r->abi_version > 0) std::cout << " (plugin ABI " << r->abi_version << ")";
    std::cout << "\n";
  }
  return kExitOk;
}

int Analyze(const Args& args, const PluginRegistry& registry) {
  absl::StatusOr<v1::PipelineConfig> config =
      args.pipeline_file.empty()
          // Loaded plugins run after the built-ins, in command-line order.
          ? DefaultPipelineConfig(registry)
          : ReadPipelineConfig(args.pipeline_file, registry);
  if (!config.ok()) {
    std::cerr << "loupe: " << config.status().message() << "\n";
    return kExitUsage;
  }
  absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(*config, registry);
  if (!pipeline.ok()) {
    std::cerr << "loupe: pipeline: " << pipeline.status().message() << "\n";
    return kExitUsage;
  }

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output_file.empty()) {
    file.open(args.output_file, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "loupe: cannot write '" << args.output_file << "'\n";
      return kExitUsage;
    }
    out = &file;
  }
  DocumentWriter writer(args.format, out);
  bool failed = false;
  bool output_broken = false;
  ReadDocuments(
      args.paths, args.read,
      [&](v1::Document input) {
        if (output_broken) return;
        google::protobuf::Arena arena;
        v1::Document& doc = *google::protobuf::Arena::CreateMessage<v1::Document>(&arena);
        doc.set_id(input.id());
        doc.set_text(std::move(*input.mutable_text()));
        doc.mutable_diagnostics()->CopyFrom(input.diagnostics());
        if (absl::Status status = (*pipeline)->Annotate(&doc); !status.ok()) {
          std::cerr << "loupe: error: " << status.message() << "\n";
          failed = true;
          return;
        }
        for (const v1::Diagnostic& d : doc.diagnostics()) {
          if (d.severity() == v1::Diagnostic::ERROR ||
              d.severity() == v1::Diagnostic::WARNING) {
            std::cerr << "loupe: " << absl::AsciiStrToLower(
                                          v1::Diagnostic::Severity_Name(d.severity()))
                      << ": " << doc.id() << ": " << d.message() << "\n";
          }
        }
        failed |= HasErrors(doc);
        if (absl::Status status = writer.Write(doc); !status.ok()) {
          std::cerr << "loupe: error: " << status.message() << "\n";
          failed = true;
          output_broken = true;
        }
      },
      [&](const absl::Status& error) {
        std::cerr << "loupe: error: " << error.message() << "\n";
        failed = true;
      });
  return failed ? kExitFailed : kExitOk;
}

int Main(int argc, char** argv) {
  Args args;
  if (std::optional<int> exit_code = ParseArgs(argc, argv, &args)) {
    return *exit_code;
  }
  if (args.command == "train entities") {
    if (absl::Status status = TrainNerModel(args.train, &std::cerr);
        !status.ok()) {
      std::cerr << "loupe: " << status.message() << "\n";
      return kExitFailed;
    }
    return kExitOk;
  }
  PluginRegistry registry;
  if (absl::Status status = BuildRegistry(args, &registry); !status.ok()) {
    std::cerr << "loupe: " << status.message() << "\n";
    return kExitUsage;
  }
  if (args.command == "plugins") return ListPlugins(registry);
  return Analyze(args, registry);
}

}  // namespace
}  // namespace loupe

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return loupe::Main(argc, argv);
}
