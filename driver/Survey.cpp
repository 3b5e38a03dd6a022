//===- driver/Survey.cpp - helpers2rs survey
//-------------------------------===//
//
//   helpers2rs survey (-p <build-dir> | <file.c>... -- <flags>) [<file.c>...]
//       [-j N] [--shard i/n] [--keep-going] [translate's type options]
//       [-o survey.json]
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Diagnostics.h"
#include "OutputCommit.h"
#include "TranslationOptions.h"

#include "frontend/kernel/CompileCommands.h"
#include "frontend/survey/Survey.h"
#include "report/Json.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"

using namespace llvm;

namespace h2r::driver {

namespace {

cl::list<std::string> SurveyInputs(cl::Positional, cl::ZeroOrMore,
                                   cl::desc("[<file.c>...] (default: all in "
                                            "the compile database)"),
                                   cl::sub(surveyCommand()));

cl::opt<std::string> SurveyBuildDir(
    "p",
    cl::desc(
        "Build directory with compile_commands.json (or the flags after --)"),
    cl::value_desc("build-dir"), cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<unsigned> SurveyJobs("j", cl::desc("Parse this many units at once"),
                             cl::init(1), cl::Prefix, cl::sub(surveyCommand()),
                             cl::cat(category()));

cl::opt<std::string>
    SurveyShardOpt("shard", cl::desc("Survey only shard i of n (i/n, from 0)"),
                   cl::init("0/1"), cl::sub(surveyCommand()),
                   cl::cat(category()));

cl::opt<bool>
    SurveyKeepGoing("keep-going",
                    cl::desc("Exit 0 even when some unit did not compile (they "
                             "are named in the output)"),
                    cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<std::string>
    SurveyOutput("o", cl::desc("Write the survey JSON here (default: stdout)"),
                 cl::value_desc("survey.json"), cl::init("-"),
                 cl::sub(surveyCommand()), cl::cat(category()));

} // namespace

int runSurvey(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  unsigned Index = 0, Count = 1;
  auto [IndexText, CountText] = StringRef(SurveyShardOpt).split('/');
  if (IndexText.getAsInteger(10, Index) || CountText.getAsInteger(10, Count) ||
      Count == 0 || Index >= Count)
    return fail("--shard must be i/n with 0 <= i < n, not '" + SurveyShardOpt +
                "'");
  if (SurveyJobs == 0)
    return fail("-j must be at least 1");
  Translation T;
  if (!readTranslation(T))
    return 1;
  frontend::SurveyOptions SO;
  SO.Translation = T.Frontend;
  std::vector<std::string> Files(SurveyInputs.begin(), SurveyInputs.end());
  if (SurveyBuildDir.empty() && !Fixed)
    return fail("no compile commands: pass -p <build-dir> (the directory of "
                "compile_commands.json) or the compiler flags after --");
  if (Fixed && Files.empty())
    return fail("with flags after -- name the files to survey");
  for (const std::string &F : Files)
    if (!sys::fs::exists(F))
      return fail("no such file or directory: '" + F + "'");
  makeAbsolute(Files);
  std::vector<PendingOutput> Outputs{{SurveyOutput, ""}};
  if (!checkOutputPaths(Outputs, Files))
    return 1;
  std::string DBError;
  auto DB = frontend::loadCompileCommands({SurveyBuildDir, std::move(Fixed)},
                                          Files, DBError);
  if (!DB)
    return fail(DBError);
  if (Files.empty())
    Files = DB->getAllFiles();
  std::vector<std::string> Units = frontend::shardUnits(Files, Index, Count);

  SO.Jobs = SurveyJobs;
  // A progress bar on a terminal; nothing in logs.
  if (sys::Process::StandardErrIsDisplayed())
    SO.Progress = [](size_t Done, size_t Total) {
      unsigned Width = 30, Filled = Total ? Done * Width / Total : Width;
      errs() << "\r[" << std::string(Filled, '#')
             << std::string(Width - Filled, ' ') << "] " << Done << "/" << Total
             << " units" << (Done == Total ? "\n" : "");
    };
  frontend::SurveyOutput Out;
  if (!frontend::survey(*DB, Units, SO, Out))
    return 1;
  report::SurveyShard Shard{Index,
                            Count,
                            Out.Units,
                            Out.FailedUnits,
                            T.TypesMode,
                            T.Emit.Version.text()};
  Outputs[0].Content =
      report::surveyToJson(Out.Functions, Shard).dump(2) + "\n";
  if (!commit(Outputs))
    return 1;
  for (const std::string &U : Out.FailedUnits)
    errs() << "helpers2rs: " << (SurveyKeepGoing ? "warning" : "error") << ": '"
           << U << "' did not compile; the survey lacks it\n";
  return Out.FailedUnits.empty() || SurveyKeepGoing ? 0 : 1;
}

} // namespace h2r::driver
