#include "read/table_import.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "derive/tables.h"
#include "layout/table_reading.h"

namespace juesuan {

namespace {

using Grid = std::vector<std::vector<std::string>>;

std::vector<std::string> row_keys(const std::vector<std::string>& row) {
    std::vector<std::string> keys;
    for (const auto& c : row) keys.push_back(label_key(c));
    while (!keys.empty() && keys.back().empty()) keys.pop_back();
    return keys;
}

// The template's layout of the table with no amounts: its rows (with 行次 and formulas) for a
// fixed table, its listed subjects for the economic detail.
Table skeleton(const Template& tpl, const TableSpec& spec) {
    static const Facts none;
    static const Measures measures(none);
    return derive_table(none, measures, tpl, spec, SubjectNames{});
}

int decimals_of(const std::string& text) {
    auto dot = text.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

struct Body {
    Grid rows;
    std::vector<SourcePlace> places;
};

// The grids under the title as one body: the first grid's header rows (as many as the template
// prints) and any header row a later grid repeats are left out.
Body gather_body(const SourceDocument& doc, const TableExtent& extent, const TableSpec& spec, size_t width,
                 Diagnostics& warnings) {
    Body body;
    std::vector<std::vector<std::string>> header_keys;
    for (const auto& h : spec.header) header_keys.push_back(row_keys(h));
    bool first = true;
    for (const auto& range : extent.ranges)
        for (size_t i = range.begin; i < range.end; ++i) {
            const SourceItem& it = doc.items[i];
            if (it.kind != SourceItem::Kind::Grid) continue;
            const auto& g = it.grid;
            size_t start = 0;
            if (first) {
                start = std::min(spec.header.size(), g.rows.size());
                for (size_t r = 0; r < start; ++r) header_keys.push_back(row_keys(g.rows[r]));
                size_t differ = 0;
                for (size_t r = 0; r < start; ++r)
                    if (row_keys(g.rows[r]) != row_keys(spec.header[r])) ++differ;
                if (differ > 0)
                    warnings.warning(Location{doc.file, g.places.front().line},
                                     fmt::format("{}的表头与模板不同（{} 行）：按模板的列序读取各列", spec.title, differ));
                first = false;
            }
            for (; start < g.rows.size(); ++start)
                if (std::find(header_keys.begin(), header_keys.end(), row_keys(g.rows[start])) == header_keys.end()) break;
            for (size_t r = start; r < g.rows.size(); ++r) {
                auto row = g.rows[r];
                // A cell beyond the layout's columns, under no header, belongs to the last column
                // (the seed prints 公用经费合计's amount one column further out).
                for (size_t c = width; c < row.size(); ++c) {
                    if (trim(row[c]).empty()) continue;
                    if (width > 0 && trim(row[width - 1]).empty()) row[width - 1] = row[c];
                    else
                        warnings.warning(Location{doc.file, g.places[r].line},
                                         fmt::format("{}：本行多出一列“{}”，未读入", spec.title, row[c]));
                }
                if (row.size() > width) row.resize(width);
                body.rows.push_back(std::move(row));
                body.places.push_back(g.places[r]);
            }
        }
    return body;
}

void read_fixed(Table& t, std::vector<SourcePlace>& places, const std::vector<Row>& read, const std::vector<SourcePlace>& at,
                const std::string& file, Diagnostics& warnings) {
    std::vector<bool> used(t.rows.size(), false);
    std::vector<size_t> next(t.blocks.size() + 1, 0);  // per block: where matching by order goes on
    places.assign(t.rows.size(), SourcePlace{});
    for (size_t k = 0; k < read.size(); ++k) {
        const Row& r = read[k];
        auto in_block = [&](size_t i) { return t.rows[i].block == r.block && !used[i]; };
        std::optional<size_t> hit;
        for (size_t i = 0; i < t.rows.size() && !hit; ++i)
            if (in_block(i) && r.line && t.lines_printed && t.rows[i].line == r.line) hit = i;
        if (!hit && !r.label.empty())
            for (size_t i = 0; i < t.rows.size() && !hit; ++i)
                if (in_block(i) && label_key(t.rows[i].label) == label_key(r.label)) hit = i;
        if (!hit && r.label.empty() && !r.line)
            for (size_t i = next[static_cast<size_t>(r.block)]; i < t.rows.size() && !hit; ++i)
                if (in_block(i)) hit = i;
        if (!hit) {
            warnings.warning(Location{file, at[k].line},
                             fmt::format("{}：“{}”{}不是模板中的行，未读入", t.title, r.label,
                                         r.line ? fmt::format("（行次 {}）", *r.line) : std::string()));
            continue;
        }
        Row& into = t.rows[*hit];
        if (!r.label.empty() && label_key(into.label) != label_key(r.label))
            warnings.warning(Location{file, at[k].line},
                             fmt::format("{}：行次 {} 印为“{}”，模板为“{}”", t.title, into.line.value_or(0), r.label, into.label));
        for (const auto& [key, v] : r.values) into.values[key] = v;
        used[*hit] = true;
        places[*hit] = at[k];
        next[static_cast<size_t>(r.block)] = *hit + 1;
    }
}

void read_subject_tree(Table& t, std::vector<SourcePlace>& places, const TableSpec& spec, const std::vector<Row>& read,
                       const std::vector<SourcePlace>& at, const std::string& file, Diagnostics& warnings) {
    t.rows.clear();
    places.clear();
    const std::string total_key = label_key(spec.total_label);
    for (size_t k = 0; k < read.size(); ++k) {
        Row r = read[k];
        const std::string key = label_key(r.label);
        if (!r.code && (key == total_key || key == "合计" || key == "总计")) {
            r.label = spec.total_label;
            r.role = RowRole::Total;
        } else if (r.code) {
            r.subject = *r.code;
            r.role = r.code->size() >= 7 ? RowRole::Item : RowRole::Subtotal;
        } else if (r.label.empty()) {
            r.role = RowRole::Blank;
            if (std::any_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.second.has_value(); }))
                warnings.warning(Location{file, at[k].line}, fmt::format("{}：本行有金额，却没有科目编码和名称", t.title));
        } else {
            warnings.warning(Location{file, at[k].line}, fmt::format("{}：“{}”没有科目编码", t.title, r.label));
        }
        t.rows.push_back(std::move(r));
        places.push_back(at[k]);
    }
}

void read_economic(Table& t, std::vector<SourcePlace>& places, const TableSpec& spec, const std::vector<Row>& read,
                   const std::vector<SourcePlace>& at, const std::string& file, Diagnostics& warnings) {
    struct Placed {
        Row row;
        SourcePlace place;
        size_t order;  // footers after every subject, in the template's order
    };
    std::vector<Placed> rows;
    for (size_t k = 0; k < read.size(); ++k) {
        Row r = read[k];
        const size_t block = static_cast<size_t>(r.block);
        if (r.code) {
            r.subject = *r.code;
            r.side = spec.sides.at(block).group;
            r.role = r.code->size() == 3 ? RowRole::Subtotal : RowRole::Item;
            rows.push_back({std::move(r), at[k], block});
            continue;
        }
        auto footer = std::find_if(spec.footers.begin(), spec.footers.end(),
                                   [&](const auto& f) { return !f.second.empty() && label_key(f.second) == label_key(r.label); });
        if (footer != spec.footers.end()) {
            r.label = footer->second;
            r.side = footer->first;
            r.role = RowRole::Total;
            rows.push_back({std::move(r), at[k], spec.sides.size() + static_cast<size_t>(footer - spec.footers.begin())});
            continue;
        }
        if (!r.label.empty())
            warnings.warning(Location{file, at[k].line}, fmt::format("{}：“{}”没有经济分类科目编码，未读入", t.title, r.label));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Placed& a, const Placed& b) { return a.order < b.order; });
    t.rows.clear();
    places.clear();
    for (auto& p : rows) {
        t.rows.push_back(std::move(p.row));
        places.push_back(p.place);
    }
}

}  // namespace

std::optional<AmountUnit> unit_of_line(const std::string& line) {
    std::string key = label_key(line);
    auto at = key.find("单位:");
    if (at == std::string::npos) return std::nullopt;
    std::string rest = key.substr(at + std::string("单位:").size());
    if (rest.starts_with("万元")) return AmountUnit::Wan;
    if (rest.starts_with("元")) return AmountUnit::Yuan;
    return std::nullopt;
}

ImportedTable import_table(const SourceDocument& doc, const TableExtent& extent, const Template& tpl, Diagnostics& warnings) {
    const TableSpec& spec = *extent.spec;
    ImportedTable out;
    Table& t = out.table;
    t = skeleton(tpl, spec);
    std::vector<std::string> notes;
    bool after_grid = false;
    for (const auto& range : extent.ranges)
        for (size_t i = range.begin + 1; i < range.end; ++i) {
            const SourceItem& it = doc.items[i];
            if (it.kind == SourceItem::Kind::Grid) {
                after_grid = true;
                continue;
            }
            const std::string key = label_key(it.text);
            if (auto u = unit_of_line(it.text); u && out.unit_line.empty()) {
                out.unit = *u;
                out.unit_line = it.text;
            } else if ((key.starts_with("部门:") || key.starts_with("单位名称:")) && out.department_line.empty()) {
                out.department_line = it.text;
            } else if (after_grid && (key.starts_with("注") || !notes.empty())) {
                notes.push_back(it.text);
            }
        }
    size_t width = 0;
    for (const auto& b : t.blocks) width += b.cells.size();
    Body body = gather_body(doc, extent, spec, width, warnings);
    for (const auto& row : body.rows)
        for (const auto& c : row) out.decimals = std::max(out.decimals, c.find('.') != std::string::npos ? decimals_of(trim(c)) : 0);
    std::vector<GridProblem> problems;
    std::vector<size_t> lines;
    std::vector<Row> read = rows_from_body(t, body.rows, out.unit, problems, &lines);
    for (const auto& p : problems)
        warnings.warning(Location{doc.file, body.places.at(static_cast<size_t>(p.line)).line, p.cell + 1},
                         fmt::format("{}：{}", spec.title, p.message));
    // A subject table prints blank rows under an empty 合计: rows of no cell at all.
    if (spec.kind == TableKind::SubjectTree) {
        std::vector<Row> with_blanks;
        std::vector<size_t> blank_lines;
        size_t k = 0;
        for (size_t li = 0; li < body.rows.size(); ++li) {
            if (k < lines.size() && lines[k] == li) {
                while (k < lines.size() && lines[k] == li) {
                    with_blanks.push_back(std::move(read[k++]));
                    blank_lines.push_back(li);
                }
                continue;
            }
            Row blank;
            for (const auto& c : t.columns) blank.values[c.key] = std::nullopt;
            with_blanks.push_back(std::move(blank));
            blank_lines.push_back(li);
        }
        read = std::move(with_blanks);
        lines = std::move(blank_lines);
    }
    std::vector<SourcePlace> at;
    for (size_t l : lines) at.push_back(body.places.at(l));
    switch (spec.kind) {
        case TableKind::Fixed: read_fixed(t, out.row_places, read, at, doc.file, warnings); break;
        case TableKind::SubjectTree: read_subject_tree(t, out.row_places, spec, read, at, doc.file, warnings); break;
        case TableKind::EconomicDetail: read_economic(t, out.row_places, spec, read, at, doc.file, warnings); break;
    }
    t.has_data = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) {
        return std::any_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.second && !v.second->is_zero(); });
    });
    std::string note;
    for (const auto& n : notes) note += (note.empty() ? "" : "\n") + n;
    t.note = note;
    if (body.rows.empty())
        warnings.warning(Location{doc.file, doc.items[extent.ranges.front().begin].place.line},
                         fmt::format("{}：标题下没有找到表格", spec.title));
    return out;
}

}  // namespace juesuan
