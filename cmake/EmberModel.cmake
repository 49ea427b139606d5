# ember_add_model(): compile a TFLite model into a target's C sources at
# build time (installed with Ember's CMake package; docs/INTEGRATION.md).
#
#   ember_add_model(<target> MODEL <file.tflite> [NAME <c-prefix>]
#                   [OUTPUT_DIR <dir>] [OPTIONS <emberc compile options>...])
#
# A custom command runs `emberc compile MODEL -o DIR --name NAME OPTIONS`
# only when the model, the options or emberc changed (DEPFILE from
# `emberc compile --depfile` where the generator supports it; the options are
# a stamp file rewritten only when they change). The package (include/, src/,
# metadata.json) lands in DIR (default <current binary dir>/ember/NAME); its
# sources are added to <target> and DIR/include to its include path.
# Sets in the caller: EMBER_<NAME>_DIR, EMBER_<NAME>_SOURCES,
# EMBER_<NAME>_INCLUDE_DIR and EMBER_<NAME>_METADATA.
include_guard(GLOBAL)

# Policies as of the CMake this file was written for (functions keep the
# settings in force where they are defined): CMP0116, DEPFILE paths relative
# to the current binary dir under Ninja.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.28)

# emberc's sanitizeIdentifier (core/codegen/CText.cpp): lower case, runs of
# other characters become one '_', no leading/trailing '_', a leading digit
# gets 't', C keywords get a trailing '_'. Known here so that the generated
# file names are known at configure time.
function(_ember_c_name in out)
  string(TOLOWER "${in}" n)
  string(REGEX REPLACE "[^a-z0-9]+" "_" n "${n}")
  string(REGEX REPLACE "^_+" "" n "${n}")
  string(REGEX REPLACE "_+$" "" n "${n}")
  if(n STREQUAL "")
    set(n "t")
  endif()
  if(n MATCHES "^[0-9]")
    set(n "t${n}")
  endif()
  set(keywords auto break case char const continue default do double else enum extern float for
      goto if inline int long register restrict return short signed sizeof static struct switch
      typedef union unsigned void volatile while main bool true false int8_t int16_t int32_t
      int64_t uint8_t errno)
  if(n IN_LIST keywords)
    string(APPEND n "_")
  endif()
  set(${out} "${n}" PARENT_SCOPE)
endfunction()

function(ember_add_model target)
  cmake_parse_arguments(PARSE_ARGV 1 EM "" "MODEL;NAME;OUTPUT_DIR" "OPTIONS")
  set(where "ember_add_model(${target})")
  if(EM_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${where}: unexpected arguments '${EM_UNPARSED_ARGUMENTS}'; "
                        "emberc's compile options go after OPTIONS")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "${where}: '${target}' is not a target; call add_executable() or add_library() first")
  endif()
  if(NOT EM_MODEL)
    message(FATAL_ERROR "${where}: MODEL <file.tflite> is missing")
  endif()
  if(NOT TARGET Ember::emberc)
    message(FATAL_ERROR "${where}: Ember::emberc is not defined; call find_package(Ember) first")
  endif()
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT "C" IN_LIST languages)
    message(FATAL_ERROR "${where}: the generated code is C; enable it with project(... LANGUAGES C ...)")
  endif()
  get_filename_component(model "${EM_MODEL}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${model}")
    message(FATAL_ERROR "${where}: model file '${model}' does not exist")
  endif()
  foreach(opt IN LISTS EM_OPTIONS)
    if(opt MATCHES "^(--name|-o|--output|--depfile|--archive|--force)$")
      message(FATAL_ERROR "${where}: '${opt}' cannot be given in OPTIONS: NAME sets the C prefix and "
                          "ember_add_model chooses the output folder (OUTPUT_DIR)")
    endif()
  endforeach()

  if(EM_NAME)
    _ember_c_name("${EM_NAME}" name)
  else()
    get_filename_component(stem "${model}" NAME_WLE)
    _ember_c_name("${stem}" name)
  endif()
  if(EM_OUTPUT_DIR)
    get_filename_component(dir "${EM_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  else()
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/ember/${name}")
  endif()
  # Two custom commands writing one folder would race.
  get_property(taken GLOBAL PROPERTY _EMBER_MODEL_DIRS)
  if(dir IN_LIST taken)
    message(FATAL_ERROR "${where}: '${dir}' already receives another ember_add_model(); "
                        "give this one another NAME or OUTPUT_DIR")
  endif()
  set_property(GLOBAL APPEND PROPERTY _EMBER_MODEL_DIRS "${dir}")

  set(sources "${dir}/src/${name}.c" "${dir}/src/${name}_ops.c" "${dir}/src/${name}_constants.c")
  set(header "${dir}/include/${name}/${name}.h")
  set(metadata "${dir}/metadata.json")
  # Rewritten only when the text changes, so a new option reruns emberc with
  # every generator (Ninja also notices the changed command line itself).
  set(stamp "${dir}.options")
  string(REPLACE ";" " " options_text "${EM_OPTIONS}")
  file(CONFIGURE OUTPUT "${stamp}" CONTENT "model: ${model}\nname: ${name}\noptions: ${options_text}\n")

  set(depfile_args)
  set(depfile_kw)
  if(CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
    set(depfile_args --depfile "${dir}.d")
    set(depfile_kw DEPFILE "${dir}.d")
  endif()
  # --force: the generator creates the outputs' folders before the first run,
  # so DIR is not empty then; later runs replace the package whole.
  add_custom_command(
    # The header first: Ninja matches the edge's first output with the depfile's
    # first target, and emberc lists the package files in its own order.
    OUTPUT ${header} ${sources} ${metadata}
    COMMAND Ember::emberc compile "${model}" -o "${dir}" --name "${name}" --force ${EM_OPTIONS} ${depfile_args}
    DEPENDS "${model}" "${stamp}" "$<TARGET_FILE:Ember::emberc>"
    ${depfile_kw}
    COMMENT "Ember: compiling ${EM_MODEL} (${name})"
    VERBATIM)
  target_sources(${target} PRIVATE ${sources} ${header})
  target_include_directories(${target} PUBLIC "${dir}/include")

  set(EMBER_${name}_DIR "${dir}" PARENT_SCOPE)
  set(EMBER_${name}_SOURCES "${sources}" PARENT_SCOPE)
  set(EMBER_${name}_INCLUDE_DIR "${dir}/include" PARENT_SCOPE)
  set(EMBER_${name}_METADATA "${metadata}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
