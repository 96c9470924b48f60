# loupe_add_plugin(<name> SOURCES <file>... [PROTOS <file.proto>...]
#                  [DEPS <target>...])
#
# Builds a Loupe plugin as a loadable shared library lib<name>.so: only the
# entry point `loupe_plugin_entry` (LOUPE_EXPORT_PLUGIN) is exported.
#
# A WebAssembly build cannot load libraries, so there the plugin becomes a
# static library to link into the page's module instead: its entry point is
# named loupe_plugin_entry_<name> (so that several plugins fit in one
# program) and <name> is appended to the global property
# LOUPE_LINKED_PLUGINS, from which web/CMakeLists.txt registers it. PROTOS
# are the plugin's own messages (its options), compiled with protoc; they may
# import "loupe/v1/document.proto". Used in this tree and, installed, by
# find_package(Loupe).
#
# Expects: target Loupe::sdk, LOUPE_PLUGIN_PROTOC (protoc) and
# LOUPE_PLUGIN_PROTO_PATH (folders holding loupe/v1/*.proto and
# google/protobuf/*.proto).
function(loupe_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PROTOS;DEPS" ${ARGN})
  if(EMSCRIPTEN)
    string(MAKE_C_IDENTIFIER "${name}" symbol)
    add_library(${name} STATIC ${ARG_SOURCES})
    target_compile_definitions(${name} PRIVATE
      LOUPE_PLUGIN_LINKED_ENTRY=loupe_plugin_entry_${symbol})
    set_property(GLOBAL APPEND PROPERTY LOUPE_LINKED_PLUGINS ${name})
  else()
    add_library(${name} MODULE ${ARG_SOURCES})
  endif()
  set_target_properties(${name} PROPERTIES
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON PREFIX "lib")
  target_link_libraries(${name} PRIVATE Loupe::sdk ${ARG_DEPS})
  if(ARG_PROTOS)
    set(gen ${CMAKE_CURRENT_BINARY_DIR}/${name}_proto)
    file(MAKE_DIRECTORY ${gen})
    set(includes -I${CMAKE_CURRENT_SOURCE_DIR})
    foreach(dir IN LISTS LOUPE_PLUGIN_PROTO_PATH)
      list(APPEND includes -I${dir})
    endforeach()
    foreach(proto IN LISTS ARG_PROTOS)
      string(REGEX REPLACE "\\.proto$" "" stem ${proto})
      add_custom_command(
        OUTPUT ${gen}/${stem}.pb.cc ${gen}/${stem}.pb.h
        COMMAND ${LOUPE_PLUGIN_PROTOC} --cpp_out=${gen} ${includes}
                ${CMAKE_CURRENT_SOURCE_DIR}/${proto}
        DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${proto}
        COMMENT "protoc ${proto}"
        VERBATIM)
      target_sources(${name} PRIVATE ${gen}/${stem}.pb.cc)
    endforeach()
    target_include_directories(${name} PRIVATE ${gen})
  endif()
endfunction()
