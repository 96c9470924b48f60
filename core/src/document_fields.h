// The names plugins use in `requires` and `assigns` (see plugin.proto).
#ifndef LOUPE_CORE_SRC_DOCUMENT_FIELDS_H_
#define LOUPE_CORE_SRC_DOCUMENT_FIELDS_H_

#include "absl/strings/string_view.h"

namespace loupe {

inline constexpr absl::string_view kFieldTokens = "tokens";
inline constexpr absl::string_view kFieldSentences = "sentences";
inline constexpr absl::string_view kFieldEntities = "entities";
inline constexpr absl::string_view kFieldNumbers = "numbers";
inline constexpr absl::string_view kFieldSentiment = "sentiment";
inline constexpr absl::string_view kFieldSentenceSentiment =
    "sentences.sentiment";
inline constexpr absl::string_view kFieldEntitySentiments = "entity_sentiments";

// True for the names above.
bool IsDocumentField(absl::string_view name);

// True for fields a single plugin owns: only entities and numbers may be
// assigned by several plugins (each keeps its own run_id group).
bool IsSingleValuedField(absl::string_view name);

}  // namespace loupe

#endif  // LOUPE_CORE_SRC_DOCUMENT_FIELDS_H_
