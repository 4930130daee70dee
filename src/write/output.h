// Writing a set of output files so that no error leaves anything half-written.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace juesuan {

// Writes every file into a temporary directory next to `dir`, then moves it into
// place: a new directory appears whole, an existing one has each file replaced by
// rename. Throws std::runtime_error (Chinese message) and cleans up on failure.
void write_files_atomically(const std::filesystem::path& dir, const std::map<std::string, std::string>& files);

}  // namespace juesuan
