#include "report/Schema.h"

#include <initializer_list>

namespace h2r::report {

using nlohmann::json;

namespace {

// What a value is, for a message: scalars as written, else their type.
std::string found(const json &V) {
  if (V.is_structured())
    return V.type_name();
  std::string Text = V.dump();
  return Text.size() > 40 ? Text.substr(0, 40) + "..." : Text;
}

// Walks a report, keeping the first problem with the path to it.
class Validator {
public:
  std::string Error;

  void translation(const json &R) {
    const json *S = object(R, "", "summary");
    for (const char *K :
         {"helpers", "translated", "shimmed", "fallback", "functions"})
      if (S)
        integer(*S, "summary.", K);
    if (const json *C = object(R, "", "configuration", /*Optional=*/true))
      configuration(*C);
    if (const json *O = object(R, "", "options", /*Optional=*/true))
      options(*O);
    forEach(R, "", "helpers",
            [&](const json &H, const std::string &P) { helper(H, P); });
    forEach(R, "", "functions", [&](const json &F, const std::string &P) {
      string(F, P, "name");
      string(F, P, "location");
      string(F, P, "status");
      strings(F, P, "callees", /*Optional=*/true);
      string(F, P, "c_source", /*Optional=*/true);
      string(F, P, "rust", /*Optional=*/true);
    });
  }

  void configuration(const json &C) {
    string(C, "configuration.", "target");
    for (const char *K : {"release", "compiler", "rustc"})
      stringOrNull(C, "configuration.", K);
    integer(C, "configuration.", "options_set");
    strings(C, "configuration.", "defined_elsewhere", /*Optional=*/true);
    if (const json *Read = object(C, "configuration.", "options_read"))
      for (const auto &[Name, Value] : Read->items())
        if (!Value.is_string() && !Value.is_null())
          fail("configuration.options_read." + Name,
               "expected a string or null, found " + found(Value));
  }

  void options(const json &O) {
    oneOf(O, "options.", "fallback_route", {"unstated", "call", "lto"},
          /*Optional=*/true);
    const json *B = object(O, "options.", "body_compile", /*Optional=*/true);
    if (!B)
      return;
    string(*B, "options.body_compile.", "command");
    strings(*B, "options.body_compile.", "macros");
    strings(*B, "options.body_compile.", "uninstrumented_sanitizers");
    forEach(*B, "options.body_compile.", "predefined_differences",
            [&](const json &D, const std::string &Q) {
              string(D, Q, "name");
              stringOrNull(D, Q, "compile");
              stringOrNull(D, Q, "parse");
            });
  }

  void helper(const json &H, const std::string &P) {
    string(H, P, "name");
    string(H, P, "location");
    string(H, P, "file", /*Optional=*/true);
    oneOf(H, P, "status", {"translated", "shimmed", "fallback"});
    strings(H, P, "closure");
    reasons(H, P, "reasons");
    reasons(H, P, "notes", /*Optional=*/true);
    reasons(H, P, "shims", /*Optional=*/true);
    forEach(
        H, P, "macro_changes",
        [&](const json &C, const std::string &Q) {
          strings(C, Q, "chain");
          string(C, Q, "function");
          string(C, Q, "location");
          string(C, Q, "why_same");
          boolean(C, Q, "parsed_as_compiled", /*Optional=*/true);
        },
        /*Optional=*/true);
    if (const json *K = object(H, P, "kernel_check", /*Optional=*/true))
      kernelCheck(*K, P + "kernel_check.");
  }

  void kernelCheck(const json &K, const std::string &P) {
    oneOf(K, P, "verdict", {"in-suite", "not-checkable"});
    string(K, P, "reason", /*Optional=*/true);
    boolean(K, P, "counts_warnings", /*Optional=*/true);
    boolean(K, P, "kasan_case", /*Optional=*/true);
    boolean(K, P, "changes_preempt_count", /*Optional=*/true);
    strings(K, P, "initialised_mutexes", /*Optional=*/true);
    strings(K, P, "doubles", /*Optional=*/true);
    if (const json *Code =
            object(K, P, "code_address_arguments", /*Optional=*/true))
      for (const auto &[Name, Args] : Code->items())
        counts(*Code, P + "code_address_arguments.", Name.c_str());
    if (const json *Bounds = object(K, P, "index_bounds", /*Optional=*/true))
      for (const auto &[Name, Bound] : Bounds->items())
        count(*Bounds, P + "index_bounds.", Name.c_str());
    oneOf(K, P, "allocates", {"memory", "pages"}, /*Optional=*/true);
    if (const json *Roles =
            object(K, P, "allocator_arguments", /*Optional=*/true))
      for (const auto &[Name, Role] : Roles->items())
        oneOf(*Roles, P + "allocator_arguments.", Name.c_str(),
              {"object", "size", "order", "alignment", "flags", "node"});
  }


  void codegen(const json &C) {
    oneOf(C, "", "kind", {"codegen"});
    string(C, "", "form");
    string(C, "", "counter");
    forEach(C, "", "helpers", [&](const json &H, const std::string &P) {
      string(H, P, "name");
      count(H, P, "c");
      count(H, P, "rust");
    });
  }

  void survey(const json &R) {
    integer(R, "", "format_version");
    const json *S = object(R, "", "summary");
    for (const char *K : {"functions", "translatable", "rejected"})
      if (S)
        integer(*S, "summary.", K);
    if (S)
      number(*S, "summary.", "translatable_share");
    strings(R, "", "units");
    strings(R, "", "failed_units", /*Optional=*/true);
    object(R, "", "shard", /*Optional=*/true);
    if (const json *O = object(R, "", "options", /*Optional=*/true)) {
      string(*O, "options.", "types");
      string(*O, "options.", "rust_version");
    }
    forEach(R, "", "functions", [&](const json &F, const std::string &P) {
      string(F, P, "name");
      string(F, P, "location");
      oneOf(F, P, "status", {"translatable", "rejected"});
      reasons(F, P, "reasons");
    });
  }

  const json *member(const json &O, const std::string &P, const char *K,
                     bool Optional) {
    if (!Error.empty())
      return nullptr;
    auto It = O.find(K);
    if (It == O.end()) {
      if (!Optional)
        fail(P + K, "missing");
      return nullptr;
    }
    return &*It;
  }

  void fail(const std::string &Where, const std::string &What) {
    if (Error.empty())
      Error = Where + ": " + What;
  }

  const json *typed(const json &O, const std::string &P, const char *K,
                    bool (json::*Is)() const noexcept, const char *Expected,
                    bool Optional = false) {
    const json *V = member(O, P, K, Optional);
    if (V && !(V->*Is)()) {
      fail(P + K, std::string("expected ") + Expected + ", found " + found(*V));
      return nullptr;
    }
    return V;
  }
  void string(const json &O, const std::string &P, const char *K,
              bool Optional = false) {
    typed(O, P, K, &json::is_string, "a string", Optional);
  }
  void boolean(const json &O, const std::string &P, const char *K,
               bool Optional = false) {
    typed(O, P, K, &json::is_boolean, "true or false", Optional);
  }
  void integer(const json &O, const std::string &P, const char *K) {
    typed(O, P, K, &json::is_number_integer, "an integer");
  }
  void count(const json &O, const std::string &P, const char *K) {
    typed(O, P, K, &json::is_number_unsigned, "a count (an integer >= 0)");
  }
  void counts(const json &O, const std::string &P, const char *K) {
    arrayOf(O, P, K, &json::is_number_unsigned, "a count", false);
  }
  void stringOrNull(const json &O, const std::string &P, const char *K) {
    auto It = O.find(K);
    if (It == O.end())
      fail(P + K, "missing");
    else if (!It->is_string() && !It->is_null())
      fail(P + K, "expected a string or null, found " + found(*It));
  }
  void number(const json &O, const std::string &P, const char *K) {
    typed(O, P, K, &json::is_number, "a number");
  }
  const json *object(const json &O, const std::string &P, const char *K,
                     bool Optional = false) {
    return typed(O, P, K, &json::is_object, "an object", Optional);
  }
  void oneOf(const json &O, const std::string &P, const char *K,
             std::initializer_list<const char *> Allowed,
             bool Optional = false) {
    const json *V = typed(O, P, K, &json::is_string, "a string", Optional);
    if (!V)
      return;
    for (const char *A : Allowed)
      if (*V == A)
        return;
    fail(P + K, "unknown value '" + V->get<std::string>() + "'");
  }
  template <typename Fn>
  void forEach(const json &O, const std::string &P, const char *K, Fn Check,
               bool Optional = false) {
    const json *A = typed(O, P, K, &json::is_array, "an array", Optional);
    if (!A)
      return;
    for (size_t I = 0; I < A->size() && Error.empty(); ++I) {
      std::string Item = P + K + "[" + std::to_string(I) + "]";
      if (!(*A)[I].is_object())
        fail(Item, "expected an object, found " + found((*A)[I]));
      else
        Check((*A)[I], Item + ".");
    }
  }
  void strings(const json &O, const std::string &P, const char *K,
               bool Optional = false) {
    arrayOf(O, P, K, &json::is_string, "a string", Optional);
  }
  // An array whose every element Is.
  void arrayOf(const json &O, const std::string &P, const char *K,
               bool (json::*Is)() const noexcept, const char *Element,
               bool Optional) {
    const json *A = typed(O, P, K, &json::is_array, "an array", Optional);
    if (!A)
      return;
    for (size_t I = 0; I < A->size(); ++I)
      if (!((*A)[I].*Is)())
        return fail(P + K + "[" + std::to_string(I) + "]",
                    std::string("expected ") + Element + ", found " +
                        found((*A)[I]));
  }
  void reasons(const json &O, const std::string &P, const char *K,
               bool Optional = false) {
    forEach(
        O, P, K,
        [&](const json &Why, const std::string &Q) {
          for (const char *F : {"construct", "function", "location", "message"})
            string(Why, Q, F);
          forEach(Why, Q, "macro_chain",
                  [&](const json &Step, const std::string &S) {
                    string(Step, S, "macro");
                    string(Step, S, "location");
                  });
        },
        Optional);
  }
};

} // namespace

std::string reportSchemaError(const json &R) {
  if (!R.is_object())
    return "expected a report object, found " + found(R);
  Validator V;
  V.string(R, "", "tool");
  if (V.Error.empty() && R["tool"] != "helpers2rs")
    return "tool: not a helpers2rs report";
  V.string(R, "", "kind", /*Optional=*/true);
  if (!V.Error.empty())
    return V.Error;
  std::string Kind = R.value("kind", "translation");
  if (Kind == "survey")
    V.survey(R);
  else if (Kind == "translation")
    V.translation(R);
  else
    V.fail("kind", "unknown value '" + Kind + "'");
  return V.Error;
}

std::string codegenSchemaError(const json &C) {
  if (!C.is_object())
    return "expected a counts object, found " + found(C);
  Validator V;
  V.codegen(C);
  return V.Error;
}

} // namespace h2r::report
