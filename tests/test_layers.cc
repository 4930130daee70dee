// The layers of src/ (one library per folder, CMakeLists.txt's juesuan_layer): an #include may
// point only into its own folder or a folder its folder is declared to use.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support.h"

using namespace juesuan::test;

namespace {

std::map<std::string, std::set<std::string>> declared_layers() {
    std::ifstream in(JUESUAN_LAYERS_FILE);
    std::map<std::string, std::set<std::string>> out;
    std::string line;
    while (std::getline(in, line)) {
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::istringstream uses(line.substr(colon + 1));
        std::set<std::string>& s = out[line.substr(0, colon)];
        for (std::string u; uses >> u;) s.insert(u);
    }
    return out;
}

// Every "folder/…" include of the sources under src/, as (file, folder it includes).
std::vector<std::pair<std::string, std::string>> includes() {
    std::vector<std::pair<std::string, std::string>> out;
    const std::regex inc(R"re(^\s*#\s*include\s*"([a-z_]+)/[^"]+")re");
    for (const auto& e : std::filesystem::recursive_directory_iterator(source_dir() / "src")) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path());
        std::string line;
        while (std::getline(in, line)) {
            std::smatch m;
            if (std::regex_search(line, m, inc))
                out.emplace_back(std::filesystem::relative(e.path(), source_dir() / "src").string(), m[1].str());
        }
    }
    return out;
}

}  // namespace

TEST(Layers, EveryIncludePointsDownTheLayers) {
    const auto layers = declared_layers();
    ASSERT_GE(layers.size(), 12u);
    int checked = 0;
    for (const auto& [file, target] : includes()) {
        const std::string folder = file.substr(0, file.find('/'));
        ASSERT_TRUE(layers.count(folder)) << file << ": folder " << folder << " is no declared layer";
        if (folder == target) continue;
        EXPECT_TRUE(layers.at(folder).count(target)) << file << " includes " << target << "/, which " << folder
                                                     << " may not use (CMakeLists.txt juesuan_layer)";
        ++checked;
    }
    EXPECT_GT(checked, 100);
}

// The declared graph itself has no cycle: each layer uses only layers declared before it.
TEST(Layers, TheDeclaredLayersFormNoCycle) {
    const auto layers = declared_layers();
    std::map<std::string, int> state;  // 1 visiting, 2 done
    std::function<bool(const std::string&)> acyclic = [&](const std::string& n) {
        if (state[n] == 1) return false;
        if (state[n] == 2) return true;
        state[n] = 1;
        if (layers.count(n))
            for (const auto& u : layers.at(n))
                if (!acyclic(u)) return false;
        state[n] = 2;
        return true;
    };
    for (const auto& [n, uses] : layers) EXPECT_TRUE(acyclic(n)) << n;
    // Readers and writers meet only in the model and the layout: neither includes the other.
    EXPECT_FALSE(layers.at("read").count("write"));
    EXPECT_FALSE(layers.at("write").count("read"));
    EXPECT_FALSE(layers.at("model").count("formula"));
}
