# Build helpers shared by the core, the plugins and the tests.

# The protoc that generates C++ (the host's, also when cross-compiling).
find_program(LOUPE_PROTOC protoc REQUIRED)
set(LOUPE_GEN_DIR ${PROJECT_BINARY_DIR}/gen)
file(MAKE_DIRECTORY ${LOUPE_GEN_DIR})

# loupe_proto_library(<target> [SHARED] PROTOS <file.proto>... [ROOT <dir>]
#                     [DEPS <target>...])
# Generates C++ for PROTOS (paths relative to ROOT, default the source tree)
# into build/<preset>/gen, mirroring their paths, and builds a library.
function(loupe_proto_library target)
  cmake_parse_arguments(ARG "SHARED" "ROOT" "PROTOS;DEPS" ${ARGN})
  if(NOT ARG_ROOT)
    set(ARG_ROOT ${PROJECT_SOURCE_DIR})
  endif()
  set(sources)
  foreach(proto IN LISTS ARG_PROTOS)
    string(REGEX REPLACE "\\.proto$" "" stem ${proto})
    set(cc ${LOUPE_GEN_DIR}/${stem}.pb.cc)
    set(h ${LOUPE_GEN_DIR}/${stem}.pb.h)
    add_custom_command(
      OUTPUT ${cc} ${h}
      COMMAND ${LOUPE_PROTOC} --cpp_out=${LOUPE_GEN_DIR}
              -I${PROJECT_SOURCE_DIR}/proto -I${PROJECT_SOURCE_DIR}
              -I${Protobuf_INCLUDE_DIRS} ${ARG_ROOT}/${proto}
      DEPENDS ${ARG_ROOT}/${proto} ${LOUPE_PROTOC}
      COMMENT "protoc ${proto}"
      VERBATIM)
    list(APPEND sources ${cc})
  endforeach()
  if(ARG_SHARED AND NOT EMSCRIPTEN)
    add_library(${target} SHARED ${sources})
  else()
    add_library(${target} STATIC ${sources})
  endif()
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${LOUPE_GEN_DIR}>)
  target_link_libraries(${target} PUBLIC protobuf::libprotobuf ${ARG_DEPS})
  # Generated code is not ours to warn about.
  target_compile_options(${target} PRIVATE -w)
endfunction()

# loupe_test(<name> SOURCES <file>... [DEPS <target>...])
# A GoogleTest binary; each TEST becomes a CTest test.
function(loupe_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock
                                        GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    LOUPE_EVAL_DIR="${LOUPE_EVAL_DIR}"
    LOUPE_CORPUS_DIR="${LOUPE_CORPUS_DIR}"
    LOUPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    LOUPE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                       WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
endfunction()

# Plugins as loadable libraries: the same helper third parties get from the
# installed SDK (Loupe::sdk is defined in core/).
set(LOUPE_PLUGIN_PROTOC ${LOUPE_PROTOC})
set(LOUPE_PLUGIN_PROTO_PATH ${PROJECT_SOURCE_DIR}/proto ${Protobuf_INCLUDE_DIRS})
include(LoupePlugin)

# loupe_embed_data(<target> FUNCTION <name> FILES <file>...)
# Compiles data files into <target>, so that native and WASM builds carry the
# same data without file I/O. Generates
#   absl::string_view <name>(absl::string_view file_name);
# in namespace loupe, returning a file's bytes by its base name (empty if
# unknown). Declare it where it is used.
function(loupe_embed_data target)
  cmake_parse_arguments(ARG "" "FUNCTION" "FILES" ${ARGN})
  set(out ${LOUPE_GEN_DIR}/embedded/${target}_${ARG_FUNCTION}.cc)
  set(inputs)
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(abs ${file} ABSOLUTE)
    list(APPEND inputs ${abs})
  endforeach()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${ARG_FUNCTION}
            "-DINPUTS=${inputs}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedData.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedData.cmake
    COMMENT "embedding data for ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
  target_link_libraries(${target} PRIVATE absl::strings)
endfunction()

# loupe_benchmark(<name> SOURCES <file>... [DEPS <target>...])
# A Google Benchmark binary, built only when the library is installed. It
# prints figures; nothing asserts on them.
function(loupe_benchmark name)
  if(NOT benchmark_FOUND)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} benchmark::benchmark)
  target_compile_definitions(${name} PRIVATE
    LOUPE_CORPUS_DIR="${LOUPE_CORPUS_DIR}")
endfunction()
