/* The stable C ABI between Loupe and a plugin loaded from a shared library.
 *
 * A plugin library exports exactly one function, `loupe_plugin_entry`,
 * returning a pointer to a LoupePluginApi with static storage duration. Only
 * serialized protocol buffers cross this boundary (loupe.v1.PluginSpec,
 * google.protobuf.Any, loupe.v1.Document, loupe.v1.Annotations), so host and
 * plugin share no C++ object layout.
 *
 * Memory: a LoupeBuffer filled by the plugin belongs to the host, which
 * releases it with the same plugin's `free_buffer`. Pointers passed to the
 * plugin are valid only during the call.
 *
 * Threading: `create` and `destroy` may be called from any thread; `process`
 * is called from one thread at a time per instance, and different instances
 * may be used concurrently.
 *
 * Versioning: `abi_version` is the first member and never moves. The loader
 * accepts exactly the versions it lists as supported and rejects others
 * with "wrong ABI version: got X, supported Y". Adding a member at the end
 * of LoupePluginApi bumps LOUPE_PLUGIN_ABI_VERSION; the loader keeps
 * supporting older versions whose layout is a prefix of the current one.
 *
 * C++ plugins do not write this by hand: see plugin_export.h. */
#ifndef LOUPE_PLUGIN_ABI_H_
#define LOUPE_PLUGIN_ABI_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LOUPE_PLUGIN_ABI_VERSION 1
#define LOUPE_PLUGIN_ENTRY_NAME "loupe_plugin_entry"

#if defined(_WIN32)
#define LOUPE_PLUGIN_EXPORT __declspec(dllexport)
#else
#define LOUPE_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* Bytes allocated by the plugin; released with its `free_buffer`. */
typedef struct LoupeBuffer {
  uint8_t* data;
  size_t size;
} LoupeBuffer;

typedef struct LoupePluginApi {
  /* LOUPE_PLUGIN_ABI_VERSION the plugin was built with. */
  uint32_t abi_version;
  /* A serialized loupe.v1.PluginSpec, valid while the library is loaded. */
  const uint8_t* spec;
  size_t spec_size;
  /* Creates an instance from a serialized google.protobuf.Any holding the
   * plugin's options (empty = defaults). Returns NULL on failure and fills
   * *error with a UTF-8 message. */
  void* (*create)(const uint8_t* options, size_t options_size,
                  LoupeBuffer* error);
  /* Annotates a serialized loupe.v1.Document. Returns 0 and fills
   * *annotations with a serialized loupe.v1.Annotations, or returns an
   * absl::StatusCode value (non-zero) and fills *error with a message. */
  int32_t (*process)(void* instance, const uint8_t* document,
                     size_t document_size, LoupeBuffer* annotations,
                     LoupeBuffer* error);
  void (*destroy)(void* instance);
  void (*free_buffer)(LoupeBuffer buffer);
} LoupePluginApi;

typedef const LoupePluginApi* (*LoupePluginEntryFn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LOUPE_PLUGIN_ABI_H_ */
