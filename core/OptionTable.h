// The one table of compile options. Every consumer is derived from it: the
// emberc parser and `emberc --help` (parseCompileArgs, compileOptionsHelp),
// `emberc options --markdown` (the README's option table), the studio's
// Options panel (widgets, labels, tooltips, choices, defaults, validation of
// flags) and its project JSON (BuildOptions keys). Adding an option is one
// row here plus the code that implements it (its `apply` and whatever it
// changes in the generator). Pattern: Clang's option tables, tvmc's target
// attributes.
#pragma once

#include <string>
#include <vector>

#include "Diagnostics.h"
#include "codegen/CGenerator.h"

namespace ember {

// How an option's value is written and edited.
enum class OptionKind {
    Flag,      // no value: present = on (a check box)
    Choice,    // one of `choices` (a combo box)
    Text,      // free text, e.g. a C identifier (a line edit)
    Integer,   // a number with suggested `choices` (an editable combo box)
    List,      // repeatable structured value (the studio gives it a table or text box)
};

// Where the studio shows it.
enum class OptionGroup { Api, Memory, Pins, Dims };

// Parser state across one command line (options that depend on others).
struct OptionParseState {
    bool poolsGiven = false;
    bool appPools = false;
};

struct OptionSpec {
    const char *flag;       // "--interface-api"
    const char *key;        // project JSON key, stable: "interfaceApi"
    OptionKind kind;
    OptionGroup group;
    const char *metavar;    // "c|packed", "NAME:SIZE[:section=S][:align=A]" ("" for flags)
    const char *defaultValue;  // as written on the command line ("" = none; flags: "off")
    std::vector<std::string> choices;  // Choice: the values; Integer: suggestions
    const char *label;      // studio form label ("Entrypoint API")
    const char *help;       // one line for --help and the README
    const char *details;    // what it changes in the generated code (tooltip, README)
    const char *constraints;  // API-mode constraints ("" = none)
    // Parses one value into the request; null = designed but not implemented
    // by this core yet (the flag is then left to the caller, and the studio
    // shows it disabled).
    bool (*apply)(const std::string &value, CompileOptions &opts, OptionParseState &st, Diagnostics &d);
};

// Every option, in --help order.
const std::vector<OptionSpec> &compileOptionTable();
// The row for a flag ("--io"), or nullptr.
const OptionSpec *findCompileOption(const std::string &flag);
// The option table as Markdown (option, default, what it changes, constraints).
std::string compileOptionsMarkdown();

}  // namespace ember
