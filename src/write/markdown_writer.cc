#include "write/markdown_writer.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

namespace {

std::string cell_text(const Row& r, const std::string& cell, bool has_code_cell) {
    if (cell == "line") return r.line ? std::to_string(*r.line) : "";
    if (cell == "code") {
        if (r.code) return *r.code;
        return r.role == RowRole::Blank ? "" : r.label;  // 合计 rows print their label in the code column
    }
    if (cell == "label") {
        if (!r.code && has_code_cell) return "";
        return r.label;
    }
    auto it = r.values.find(cell);
    if (it == r.values.end() || !it->second) return "";
    return format_wan(*it->second);
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += '\\';
        if (c == '\n') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

void render_block_row(const Table& t, size_t b, const Row* r, std::vector<std::string>& out) {
    const Block& block = t.blocks[b];
    bool has_code = std::find(block.cells.begin(), block.cells.end(), "code") != block.cells.end();
    for (const auto& cell : block.cells) out.push_back(r ? cell_text(*r, cell, has_code) : "");
}

}  // namespace

std::vector<std::vector<std::string>> table_grid(const Table& t) {
    std::vector<std::vector<std::string>> grid = t.header;
    size_t width = 0;
    for (const auto& b : t.blocks) width += b.cells.size();
    std::vector<std::vector<const Row*>> per_block(t.blocks.size());
    std::vector<const Row*> footers;
    for (const auto& r : t.rows) {
        if (t.kind == TableKind::EconomicDetail && r.role == RowRole::Total) {
            footers.push_back(&r);
            continue;
        }
        size_t b = static_cast<size_t>(std::clamp(r.block, 0, static_cast<int>(t.blocks.size()) - 1));
        per_block[b].push_back(&r);
    }
    size_t height = 0;
    for (const auto& rows : per_block) height = std::max(height, rows.size());
    for (size_t i = 0; i < height; ++i) {
        std::vector<std::string> line;
        for (size_t b = 0; b < t.blocks.size(); ++b)
            render_block_row(t, b, i < per_block[b].size() ? per_block[b][i] : nullptr, line);
        grid.push_back(std::move(line));
    }
    if (!footers.empty()) {
        std::vector<std::string> line(width);
        size_t offset = 0;
        std::vector<size_t> offsets;
        for (const auto& b : t.blocks) {
            offsets.push_back(offset);
            offset += b.cells.size();
        }
        for (const Row* r : footers) {
            size_t b = static_cast<size_t>(std::clamp(r->block, 0, static_cast<int>(t.blocks.size()) - 1));
            std::vector<std::string> cells;
            render_block_row(t, b, r, cells);
            if (r->value_at_end) {
                // Label in its own block, amount in the last column of the table.
                std::string amount = cells.back();
                cells.back().clear();
                line.back() = amount;
            }
            for (size_t i = 0; i < cells.size(); ++i)
                if (!cells[i].empty()) line[offsets[b] + i] = cells[i];
        }
        grid.push_back(std::move(line));
    }
    for (auto& row : grid) row.resize(std::max(width, row.size()));
    return grid;
}

std::string write_markdown_table(const Disclosure& d, const Table& t) {
    std::string out;
    out += t.title + "\n\n";
    if (!t.number.empty()) out += t.number + "\n\n";
    if (!d.department_line.empty()) out += d.department_line + "\n\n";
    if (!d.unit_line.empty()) out += d.unit_line + "\n\n";
    auto grid = table_grid(t);
    if (grid.empty()) return out;
    auto line = [](const std::vector<std::string>& cells) {
        std::string s = "|";
        for (const auto& c : cells) s += " " + escape(c) + " |";
        return s + "\n";
    };
    out += line(grid.front());
    std::string sep = "|";
    for (size_t i = 0; i < grid.front().size(); ++i) sep += "---|";
    out += sep + "\n";
    for (size_t i = 1; i < grid.size(); ++i) out += line(grid[i]);
    if (!t.note.empty()) {
        out += "\n";
        for (const auto& para : split(t.note, '\n')) out += para + "\n\n";
        out.pop_back();
    }
    return out;
}

std::string write_markdown(const Disclosure& d) {
    std::string out;
    auto text = [&](const char* key) -> std::string {
        auto it = d.texts.find(key);
        return it == d.texts.end() ? std::string() : it->second;
    };
    out += "# " + text("title") + "\n\n";
    out += "## " + text("part_one") + "\n\n";
    out += "### " + text("duties_heading") + "\n\n";
    for (size_t i = 0; i < d.part_one.duties.size(); ++i)
        out += fmt::format("{}、{}\n\n", i + 1, d.part_one.duties[i]);
    out += "### " + text("structure_heading") + "\n\n";
    if (!d.part_one.composition.empty()) out += d.part_one.composition + "\n\n";
    if (!d.part_one.units.empty()) {
        out += text("units_intro") + "\n\n";
        for (size_t i = 0; i < d.part_one.units.size(); ++i) out += fmt::format("{}、{}\n\n", i + 1, d.part_one.units[i]);
    }
    out += "## " + text("part_two") + "\n\n";
    for (const auto& t : d.tables) out += write_markdown_table(d, t) + "\n";
    return out;
}

}  // namespace juesuan
