// Writing a set of output files so that no error leaves anything half-written.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace juesuan {

// Writes every file into a temporary directory next to `dir`, then puts it in place
// in one step: a new directory appears whole; an existing one is swapped with the new
// one atomically (renameat2 RENAME_EXCHANGE) and the old contents are removed. An
// existing directory is only replaced when it holds nothing but files named in
// `replaceable`, so a mistyped -o never destroys the user's own files.
// Where the file system cannot swap (vfat, exFAT, SMB) the old directory is moved aside,
// the new one moved in and the old one removed, or put back if the second step fails.
// A `dir` that is a symlink stays one: the directory it points at is replaced. Two
// programs creating the same new directory at once both succeed; the last one's output
// stays. SIGINT, SIGTERM or SIGHUP during the write leave no temporary behind.
// Throws std::runtime_error (Chinese message) and cleans up on failure.
void write_files_atomically(const std::filesystem::path& dir, const std::map<std::string, std::string>& files,
                            const std::set<std::string>& replaceable = {});

// Writes one file through a temporary file beside it and a rename: readers see the old file or
// the whole new one. An existing file is only replaced with `overwrite`.
void write_file_atomically(const std::filesystem::path& file, const std::string& content, bool overwrite);

// For tests: a hook called at each step of the writes above, to fail a step or stop there.
namespace output_testing {
enum class Step {
    WriteFile,     // about to write a file (path: the file, in the temporary directory)
    Create,        // about to rename the complete temporary directory to the new output
    Exchange,      // about to swap the temporary directory with the existing output
    Swapped,       // swapped; the temporary directory now holds the old output, about to be removed
    MoveAside,     // no swap: about to rename the existing output to its backup name
    MoveIn,        // no swap: about to rename the temporary directory to the output
    MoveBack,      // no swap: the second step failed, about to rename the backup back
};
// Returns 0 to go on, or an errno value the step then fails with (as its system call would).
using Hook = std::function<int(Step step, const std::filesystem::path& path)>;
// An empty hook restores normal behaviour.
void set_hook(Hook hook);
}  // namespace output_testing

}  // namespace juesuan
