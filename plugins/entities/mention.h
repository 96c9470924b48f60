// A candidate entity mention, passed between the finder and canonicalizer.
#ifndef LOUPE_PLUGINS_ENTITIES_MENTION_H_
#define LOUPE_PLUGINS_ENTITIES_MENTION_H_

#include <cstdint>
#include <string>

#include "loupe/v1/document.pb.h"
#include "plugins/entities/gazetteer.h"

namespace loupe {
namespace entities_internal {

struct Mention {
  uint32_t token_begin = 0;  // tokens [token_begin, token_end) of TokenView
  uint32_t token_end = 0;
  uint32_t byte_begin = 0;   // the span; may cover part of one token
  uint32_t byte_end = 0;
  v1::Entity::Type type = v1::Entity::TYPE_UNSPECIFIED;
  float confidence = 0;
  // The gazetteer entry the mention matched, or nullptr for a mention found
  // by shape and context rules.
  const GazetteerEntry* entry = nullptr;
  // Set by the finder for gazetteer hits, otherwise by the canonicalizer.
  std::string canonical;
};

}  // namespace entities_internal
}  // namespace loupe

#endif  // LOUPE_PLUGINS_ENTITIES_MENTION_H_
