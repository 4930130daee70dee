#include "layout/table_reading.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

std::vector<std::vector<SpannedCell>> spanned_rows(const std::vector<std::vector<std::string>>& grid,
                                                   const std::vector<Merge>& merges) {
    const int height = static_cast<int>(grid.size());
    std::vector<std::vector<bool>> covered(grid.size());
    for (size_t r = 0; r < grid.size(); ++r) covered[r].assign(grid[r].size(), false);
    std::vector<std::vector<SpannedCell>> out(grid.size());
    auto merge_at = [&](int r, int c) -> const Merge* {
        for (const auto& m : merges)
            if (m.row == r && m.col == c) return &m;
        return nullptr;
    };
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < static_cast<int>(grid[r].size()); ++c) {
            if (covered[r][c]) continue;
            SpannedCell cell{grid[r][c], 1, 1};
            if (const Merge* m = merge_at(r, c)) {
                cell.rowspan = m->rowspan;
                cell.colspan = m->colspan;
                for (int i = r; i < std::min(height, r + m->rowspan); ++i)
                    for (int j = c; j < std::min(static_cast<int>(covered[i].size()), c + m->colspan); ++j) covered[i][j] = true;
            }
            out[r].push_back(std::move(cell));
        }
    return out;
}

PlacedGrid place_spans(const std::vector<std::vector<SpannedCell>>& rows) {
    PlacedGrid g;
    const int height = static_cast<int>(rows.size());
    std::vector<std::vector<bool>> taken(rows.size());
    auto ensure = [&](int r, int c) {
        if (static_cast<int>(taken[r].size()) <= c) taken[r].resize(c + 1, false);
    };
    g.cells.resize(rows.size());
    for (int r = 0; r < height; ++r) {
        int c = 0;
        for (const auto& cell : rows[r]) {
            ensure(r, c);
            while (taken[r][c]) ensure(r, ++c);
            // A span reaches no further than the grid's last row, and stops at a taken position.
            int rowspan = std::clamp(cell.rowspan, 1, height - r), colspan = std::max(1, std::min(cell.colspan, 4096));
            for (int j = 1; j < colspan; ++j) {
                ensure(r, c + j);
                if (taken[r][c + j]) {
                    colspan = j;
                    break;
                }
            }
            for (int i = r; i < r + rowspan; ++i)
                for (int j = c; j < c + colspan; ++j) {
                    ensure(i, j);
                    taken[i][j] = true;
                }
            if (rowspan > 1 || colspan > 1) g.merges.push_back({r, c, rowspan, colspan});
            if (static_cast<int>(g.cells[r].size()) <= c) g.cells[r].resize(c + 1);
            g.cells[r][c] = cell.text;
            c += colspan;
        }
    }
    size_t width = 0;
    for (const auto& t : taken) width = std::max(width, t.size());
    for (auto& row : g.cells) row.resize(width);
    return g;
}

namespace {

bool no_amount(const Row& r) {
    return std::none_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.second.has_value(); });
}

// A line whose last block holds nothing but an amount in the table's last column, beside an
// earlier block's label without one: that amount is the label's, printed at the end
// (公开06表's 公用经费合计).
bool adopt_amount_at_end(std::vector<Row>& rows, size_t first, const std::vector<Block>& blocks) {
    if (rows.size() - first < 2) return false;
    Row& last = rows.back();
    const Block& lb = blocks.at(static_cast<size_t>(last.block));
    if (last.block != static_cast<int>(blocks.size()) - 1 || !last.label.empty() || last.code || last.line || lb.cells.empty())
        return false;
    const std::string& end_key = lb.cells.back();
    for (const auto& [k, v] : last.values)
        if (v.has_value() != (k == end_key)) return false;
    for (size_t i = rows.size() - 1; i-- > first;) {
        Row& owner = rows[i];
        if (owner.label.empty() || !no_amount(owner)) continue;
        const auto& cells = blocks.at(static_cast<size_t>(owner.block)).cells;
        auto amount = std::find_if(cells.rbegin(), cells.rend(), [](const std::string& c) {
            return c != "line" && c != "code" && c != "label";
        });
        if (amount == cells.rend()) return false;
        owner.values[*amount] = last.values.at(end_key);
        owner.value_at_end = true;
        rows.pop_back();
        return true;
    }
    return false;
}

}  // namespace

std::vector<Row> rows_from_body(const Table& layout, const std::vector<std::vector<std::string>>& body, AmountUnit unit,
                                std::vector<GridProblem>& problems, std::vector<size_t>* body_lines) {
    std::vector<Row> rows;
    const std::vector<Block> blocks = blocks_of(layout);
    for (size_t li = 0; li < body.size(); ++li) {
        const auto& line = body[li];
        const size_t first = rows.size();
        size_t offset = 0;
        for (size_t b = 0; b < blocks.size(); ++b) {
            const auto& cells = blocks[b].cells;
            Row r;
            r.block = static_cast<int>(b);
            bool any = false;
            for (size_t k = 0; k < cells.size(); ++k) {
                const size_t at = offset + k;
                const std::string text = at < line.size() ? trim(line[at]) : std::string();
                const std::string& cell = cells[k];
                any = any || !text.empty();
                auto problem = [&](std::string msg) { problems.push_back({static_cast<int>(li), static_cast<int>(at), std::move(msg)}); };
                if (cell == "line") {
                    if (text.empty()) continue;
                    if (all_digits(text) && text.size() <= 6) r.line = std::stoi(text);
                    else problem(fmt::format("行次“{}”不是数字", text));
                } else if (cell == "code") {
                    // 合计 rows print their label in the code column.
                    if (!text.empty() && all_digits(text)) r.code = text;
                    else if (!text.empty()) r.label = text;
                } else if (cell == "label") {
                    if (!text.empty()) r.label = text;
                } else {
                    AmountParse p = parse_amount(text, unit);
                    if (!p.ok()) problem(fmt::format("“{}”列的“{}”不是金额：{}", cell, text, p.error));
                    r.values[cell] = p.ok() ? p.value : std::nullopt;
                }
            }
            offset += cells.size();
            if (any) {
                rows.push_back(std::move(r));
                if (body_lines) body_lines->push_back(li);
            }
        }
        if (adopt_amount_at_end(rows, first, blocks) && body_lines) body_lines->pop_back();
    }
    return rows;
}

}  // namespace juesuan
