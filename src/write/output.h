// Writing a set of output files so that no error leaves anything half-written.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace juesuan {

// Writes every file into a temporary directory next to `dir`, then puts it in place
// in one step: a new directory appears whole; an existing one is swapped with the new
// one atomically (renameat2 RENAME_EXCHANGE) and the old contents are removed. An
// existing directory is only replaced when it holds nothing but files named in
// `replaceable`, so a mistyped -o never destroys the user's own files.
// Throws std::runtime_error (Chinese message) and cleans up on failure.
void write_files_atomically(const std::filesystem::path& dir, const std::map<std::string, std::string>& files,
                            const std::set<std::string>& replaceable = {});

// Writes one file through a temporary file beside it and a rename: readers see the old file or
// the whole new one. An existing file is only replaced with `overwrite`.
void write_file_atomically(const std::filesystem::path& file, const std::string& content, bool overwrite);

}  // namespace juesuan
