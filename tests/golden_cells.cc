#include "golden_cells.h"

#include <fstream>
#include <sstream>

#include "core/text.h"

namespace juesuan::test {

Cells load_golden(const std::filesystem::path& tsv) {
    Cells cells;
    std::ifstream in(tsv);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split(line, '\t');
        f.resize(4);
        cells[{f[0], f[1], f[2]}] = f[3];
    }
    return cells;
}

const Cells& seed_golden() {
    static const Cells g = load_golden(std::filesystem::path(JUESUAN_SOURCE_DIR) / "tests/golden/tianqiao-2023-tables.tsv");
    return g;
}

Cells printed_cells(const Disclosure& d) {
    Cells cells;
    for (const auto& t : d.tables) {
        int blank = 0, plain = 0;
        for (const auto& r : t.rows) {
            std::string key;
            if (r.line)
                key = "L" + std::to_string(*r.line);
            else if (r.code)
                key = *r.code;
            else if (r.role == RowRole::Total)
                key = label_key(r.label);
            else if (r.role == RowRole::Blank)
                key = "blank#" + std::to_string(++blank);
            else
                key = "row" + std::to_string(++plain);
            if (r.line || r.code) cells[{t.id, key, "label"}] = r.label;
            for (const auto& [col, v] : r.values) cells[{t.id, key, col}] = v ? format_wan(*v) : "";
        }
    }
    return cells;
}

std::string diff_cells(const Cells& expected, const Cells& actual, size_t limit) {
    std::ostringstream out;
    size_t n = 0;
    auto name = [](const CellKey& k) {
        return "公开" + std::get<0>(k) + "表 " + std::get<1>(k) + " " + std::get<2>(k);
    };
    for (const auto& [k, v] : expected) {
        auto it = actual.find(k);
        if (it == actual.end()) {
            if (n++ < limit) out << name(k) << ": missing (expected \"" << v << "\")\n";
        } else if (it->second != v) {
            if (n++ < limit) out << name(k) << ": \"" << it->second << "\" (expected \"" << v << "\")\n";
        }
    }
    for (const auto& [k, v] : actual)
        if (!expected.count(k) && n++ < limit) out << name(k) << ": unexpected \"" << v << "\"\n";
    return out.str();
}

}  // namespace juesuan::test
