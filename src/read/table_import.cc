#include "read/table_import.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

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

// Amounts of a body row whose columns the print does not tell (blank cells left out).
struct Unplaced {
    size_t body_row = 0, block = 0;
    std::vector<std::string> amounts;
};

struct Body {
    Grid rows;
    std::vector<SourcePlace> places;
    int unread = 0;  // printed rows that could not be placed
    std::vector<Unplaced> unplaced;
    std::vector<size_t> unmapped;  // grids whose columns are not the layout's: read as lines
};

// An amount as a table prints it: with decimals or thousands separators ("18" alone is a page
// number or a 行次, not an amount).
bool printed_amount(const std::string& t) {
    if (t.find('.') == std::string::npos && t.find(',') == std::string::npos) return false;
    return parse_amount(t, AmountUnit::Wan).ok();
}

// A row of the body, not of the header: some cell holds an amount, or the first a code.
bool body_row(const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
        const std::string t = trim(row[c]);
        if (t.empty()) continue;
        if (c == 0 && all_digits(t) && t.size() >= 3) return true;
        if (printed_amount(t)) return true;
    }
    return false;
}

// The grid's columns for each of the layout's cells, when the grid is wider than the layout
// only because it prints codes in several columns (类 款 项: "201 | 06 | 01", "301 | 01"); nullopt
// when it is not so.
std::optional<std::vector<std::vector<size_t>>> map_columns(const Table& t, const SourceGrid& g, size_t width) {
    size_t gw = 0;
    for (const auto& r : g.rows) gw = std::max(gw, r.size());
    if (gw <= width) return std::nullopt;
    std::vector<std::string> cells;
    for (const auto& b : blocks_of(t)) cells.insert(cells.end(), b.cells.begin(), b.cells.end());
    auto part_of_code = [&](size_t col) {  // 款 or 项: two digits, or blank, in every body row
        bool any = false;
        for (const auto& r : g.rows) {  // the rows of subjects: a 类 code in the first column
            if (col >= r.size() || r.empty() || !all_digits(trim(r[0])) || trim(r[0]).size() != 3) continue;
            const std::string x = trim(r[col]);
            if (x.empty()) continue;
            if (x.size() != 2 || !all_digits(x)) return false;
            any = true;
        }
        return any;
    };
    std::vector<std::vector<size_t>> map;
    size_t gi = 0, surplus = gw - width;
    for (const auto& cell : cells) {
        if (gi >= gw) return std::nullopt;
        std::vector<size_t> cols{gi++};
        if (cell == "code")
            while (surplus > 0 && gi < gw && part_of_code(gi)) {
                cols.push_back(gi++);
                --surplus;
            }
        map.push_back(std::move(cols));
    }
    if (gi != gw) return std::nullopt;
    return map;
}

std::vector<std::string> mapped_row(const std::vector<std::string>& row, const std::vector<std::vector<size_t>>& map) {
    std::vector<std::string> out;
    for (const auto& cols : map) {
        std::string v;
        for (size_t c : cols)
            if (c < row.size()) v += trim(row[c]);
        out.push_back(std::move(v));
    }
    return out;
}

// Each column's header as one key, its rows' texts top to bottom; a blank under a merge across
// takes the text of the cell it continues ("收入" over "项目" and "决算数": 收入项目, 收入决算数).
std::vector<std::string> column_keys(const std::vector<std::vector<std::string>>& header, size_t width) {
    std::vector<std::string> out(width);
    for (const auto& row : header) {
        std::string left;
        for (size_t c = 0; c < width; ++c) {
            const std::string k = c < row.size() ? label_key(row[c]) : "";
            if (!k.empty()) left = k;
            out[c] += k.empty() ? left : k;
        }
    }
    return out;
}

// The grid's column for each of the layout's columns, matched by their headers' text, when the
// printed header differs from the template's (a column left out, added or moved): nullopt when
// fewer than half of the amount columns can be matched. `missing` and `extra` name the columns
// found on one side only.
std::optional<std::vector<std::vector<size_t>>> columns_by_header(const TableSpec& spec, const Table& t, const SourceGrid& g,
                                                                 size_t header_rows, std::vector<std::string>& missing,
                                                                 std::vector<std::string>& extra) {
    std::vector<std::string> cells;
    for (const auto& b : blocks_of(t)) cells.insert(cells.end(), b.cells.begin(), b.cells.end());
    size_t gw = 0;
    for (const auto& r : g.rows) gw = std::max(gw, r.size());
    const auto want = column_keys(spec.header, cells.size());
    const std::vector<std::vector<std::string>> printed(g.rows.begin(), g.rows.begin() + static_cast<long>(header_rows));
    const auto have = column_keys(printed, gw);
    std::vector<std::vector<size_t>> map(cells.size());
    std::vector<bool> used(gw, false);
    size_t amounts = 0, matched = 0;
    for (size_t j = 0; j < cells.size(); ++j) {
        const bool amount = cells[j] != "code" && cells[j] != "label" && cells[j] != "line";
        amounts += amount;
        if (want[j].empty()) continue;
        // The same header; else one whose last words are the template's (a group title above it differs).
        size_t best = gw;
        for (size_t c = 0; c < gw && best == gw; ++c)
            if (!used[c] && have[c] == want[j]) best = c;
        for (size_t c = 0; c < gw && best == gw; ++c)
            if (!used[c] && !have[c].empty() && (have[c].ends_with(want[j]) || want[j].ends_with(have[c])) && have[c].size() >= 6)
                best = c;
        if (best == gw) {
            if (amount) {
                const Column* col = t.column(cells[j]);
                missing.push_back(col ? col->label : cells[j]);
            }
            continue;
        }
        used[best] = true;
        map[j] = {best};
        matched += amount;
    }
    if (amounts == 0 || matched * 2 < amounts) return std::nullopt;
    // The code and label columns that had no header of their own keep their places.
    for (size_t j = 0; j < cells.size(); ++j)
        if (map[j].empty() && (cells[j] == "code" || cells[j] == "label" || cells[j] == "line") && j < gw && !used[j]) {
            used[j] = true;
            map[j] = {j};
        }
    for (size_t c = 0; c < gw; ++c)
        if (!used[c] && !have[c].empty()) extra.push_back(have[c]);
    bool identity = gw == cells.size();
    for (size_t j = 0; j < cells.size() && identity; ++j) identity = map[j] == std::vector<size_t>{j};
    if (identity) return std::nullopt;
    return map;
}

// The grids under the title as one body: the first grid's header rows (as many as the template
// prints) and any header row a later grid repeats are left out.
Body gather_body(const SourceDocument& doc, const TableExtent& extent, const Table& t, const TableSpec& spec, size_t width,
                 Diagnostics& warnings) {
    Body body;
    std::vector<std::vector<std::string>> header_keys;
    for (const auto& h : spec.header) header_keys.push_back(row_keys(h));
    bool first = true;
    std::optional<std::vector<std::vector<size_t>>> text_map;  // the columns by header text, when they differ
    bool columns_missing = false;
    for (const auto& range : extent.ranges)
        for (size_t i = range.begin; i < range.end; ++i) {
            const SourceItem& it = doc.items[i];
            if (it.kind != SourceItem::Kind::Grid) continue;
            const auto& g = it.grid;
            // A grid that prints codes in several columns: its rows mapped to the layout's cells,
            // its header (whatever its rows) left out. A grid that cannot be mapped is read as lines.
            size_t gw = 0;
            for (const auto& r : g.rows) gw = std::max(gw, r.size());
            // Columns past the layout under no header (the seed's 公用经费合计 one column out) are
            // folded back below; others are a layout of their own.
            bool headless_extra = true;
            int extra_used = 0;  // body rows with something past the layout
            for (const auto& r : g.rows) {
                bool used = false;
                for (size_t c = width; c < r.size(); ++c) used = used || !trim(r[c]).empty();
                if (!body_row(r)) headless_extra = headless_extra && !used;
                else extra_used += used ? 1 : 0;
            }
            headless_extra = headless_extra && extra_used <= 1;
            std::optional<std::vector<std::vector<size_t>>> map;
            if (gw > width) map = map_columns(t, g, width);
            if (gw > width && (map || !headless_extra)) {
                if (!map) {
                    body.unmapped.push_back(i);
                    continue;
                }
                first = false;
                for (size_t r = 0; r < g.rows.size(); ++r) {
                    auto row = mapped_row(g.rows[r], *map);
                    if (!body_row(row) && std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty() || !all_digits(c); }) &&
                        label_key(row.size() > 1 ? row[0] + row[1] : "").find("合计") == std::string::npos)
                        continue;
                    body.rows.push_back(std::move(row));
                    body.places.push_back(g.places[r]);
                }
                continue;
            }
            size_t start = 0;
            if (first) {
                start = std::min(spec.header.size(), g.rows.size());
                for (size_t r = 0; r < start; ++r) header_keys.push_back(row_keys(g.rows[r]));
                size_t differ = 0;
                for (size_t r = 0; r < start; ++r)
                    if (row_keys(g.rows[r]) != row_keys(spec.header[r])) ++differ;
                std::vector<std::string> missing, extra;
                if (differ > 0) text_map = columns_by_header(spec, t, g, start, missing, extra);
                if (text_map) {
                    std::string said = fmt::format("{}的表头与模板不同：按表头文字对应各列", spec.title);
                    // A column not printed: the relations that read it cannot be checked.
                    if (!missing.empty()) said += fmt::format("；表头中没有“{}”列，本表的勾稽关系无法核对", fmt::join(missing, "”“"));
                    columns_missing = !missing.empty();
                    if (!extra.empty()) said += fmt::format("；多出的“{}”未读入", fmt::join(extra, "”“"));
                    warnings.warning(location_of(doc.file, g.places.front()), said);
                } else if (differ > 0) {
                    warnings.warning(location_of(doc.file, g.places.front()),
                                     fmt::format("{}的表头与模板不同（{} 行）：按模板的列序读取各列", spec.title, differ));
                }
                first = false;
            }
            for (; start < g.rows.size(); ++start)
                if (std::find(header_keys.begin(), header_keys.end(), row_keys(g.rows[start])) == header_keys.end()) break;
            for (size_t r = start; r < g.rows.size(); ++r) {
                if (text_map) {
                    body.rows.push_back(mapped_row(g.rows[r], *text_map));
                    body.places.push_back(g.places[r]);
                    continue;
                }
                auto row = g.rows[r];
                // A cell beyond the layout's columns, under no header, belongs to the last column
                // (the seed prints 公用经费合计's amount one column further out).
                for (size_t c = width; c < row.size(); ++c) {
                    if (trim(row[c]).empty()) continue;
                    if (width > 0 && trim(row[width - 1]).empty()) row[width - 1] = row[c];
                    else
                        warnings.warning(location_of(doc.file, g.places[r]),
                                         fmt::format("{}：本行多出一列“{}”，未读入", spec.title, row[c]));
                }
                if (row.size() > width) row.resize(width);
                body.rows.push_back(std::move(row));
                body.places.push_back(g.places[r]);
            }
        }
    if (columns_missing) body.unread += static_cast<int>(body.rows.size());
    return body;
}

// ---- Tables whose columns the text lost: a line of a PDF's text layer, cells separated by single
// spaces and blank cells gone ("2080505 机关事业单位基本养老保险 229.67 229.67 0.00").

bool amount_token(std::string_view t) {
    const std::string n = nfkc(t);
    return n == "-" || n == "—" || n == "--" || printed_amount(n);
}

// A segment of a line: what one column block prints, left to right.
struct Segment {
    std::string code, text;
    std::vector<std::string> amounts;
};

std::vector<std::string> tokens_of(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    std::string_view s = line;
    for (size_t i = 0; i < s.size();) {
        const bool ideographic = s.substr(i).starts_with("\u3000");
        if (s[i] == ' ' || s[i] == '\t' || ideographic) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            i += ideographic ? 3 : 1;
            continue;
        }
        cur += s[i++];
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

bool code_token(const std::string& t, bool economic) {
    return all_digits(t) && (t.size() == 3 || t.size() == 5 || t.size() == 7) && (economic ? t[0] == '3' : t[0] == '2');
}

// A line's segments: a code (类 款 项 printed apart, "301 01", are one code) opens one; text
// after amounts opens the next.
std::vector<Segment> segments_of(const std::string& line, bool coded, bool economic) {
    std::vector<Segment> out;
    const auto tokens = tokens_of(line);
    for (size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (coded && code_token(t, economic)) {
            std::string code = t;
            while (code.size() < 7 && i + 1 < tokens.size() && tokens[i + 1].size() == 2 && all_digits(tokens[i + 1])) code += tokens[++i];
            out.push_back({code, {}, {}});
            continue;
        }
        if (amount_token(t)) {
            if (out.empty()) out.push_back({});
            out.back().amounts.push_back(t);
            continue;
        }
        // A fixed table's text layer separates its cells by spaces, and its labels have none: each
        // word is a label of its own ("四、上级补助收入 四、公共安全支出 556.78").
        if (out.empty() || !out.back().amounts.empty() || (!coded && !out.back().text.empty())) out.push_back({});
        out.back().text += t;
    }
    return out;
}

size_t amount_cells(const Block& b) {
    return static_cast<size_t>(std::count_if(b.cells.begin(), b.cells.end(),
                                             [](const std::string& c) { return c != "line" && c != "code" && c != "label"; }));
}

bool has_cell(const Block& b, const char* cell) { return std::find(b.cells.begin(), b.cells.end(), cell) != b.cells.end(); }

// Whether a printed label names a template label, allowing for a label cut where its cell wrapped.
bool label_fits(const std::string& printed, const std::string& label) {
    const std::string p = label_key(printed), l = label_key(label);
    if (p.empty() || l.empty()) return false;
    return p == l || (p.size() >= 12 && l.starts_with(p)) || (l.size() >= 12 && p.starts_with(l));
}

// The block a segment prints in: one with as many amount cells, whose rows (fixed tables) have
// its label, or whose economic group takes its 类; from `from` on, left to right.
// With `fewer`, a block with more amount cells than the segment has amounts (blank cells left out).
std::optional<size_t> block_of(const Table& t, const Template& tpl, const TableSpec& spec, const Segment& seg, size_t from,
                               bool fewer = false) {
    for (size_t b = from; b < t.blocks.size(); ++b) {
        const Block& block = t.blocks[b];
        // A row whose every amount is blank prints none: any block of its kind takes it.
        const size_t cells = amount_cells(block), n = seg.amounts.size();
        if (n > 0 && (fewer ? cells <= n : cells != n)) continue;
        if (spec.kind == TableKind::EconomicDetail && !seg.code.empty()) {
            auto g = tpl.groups.find(seg.code.substr(0, 3));
            const auto& side = spec.sides.at(b);
            const bool listed = std::find(side.codes.begin(), side.codes.end(), seg.code) != side.codes.end();
            if (!listed && (g == tpl.groups.end() || g->second != side.group)) continue;
            if (!listed)  // a later block of the same group may list it
                for (size_t later = b + 1; later < spec.sides.size(); ++later)
                    if (const auto& c = spec.sides[later].codes; std::find(c.begin(), c.end(), seg.code) != c.end()) return later;
            return b;
        }
        if (spec.kind == TableKind::Fixed && !seg.text.empty()) {
            bool any = std::any_of(t.rows.begin(), t.rows.end(), [&](const Row& r) {
                return r.block == static_cast<int>(b) && label_fits(seg.text, r.label);
            });
            if (!any) continue;
        }
        return b;
    }
    return std::nullopt;
}

// The lines under a title as grid rows of the layout's width: each segment placed in its block;
// a row whose code waits for its amounts on the following lines (a wrapped label) is completed
// by them.
using TextLines = std::vector<std::pair<std::string, SourcePlace>>;

Body body_from_lines(const SourceDocument& doc, const TextLines& lines, const Table& t, const Template& tpl,
                     const TableSpec& spec, size_t width, Diagnostics& warnings) {
    Body body;
    const bool coded = spec.kind != TableKind::Fixed, economic = spec.kind == TableKind::EconomicDetail;
    std::vector<size_t> offsets;
    size_t off = 0;
    for (const auto& b : t.blocks) {
        offsets.push_back(off);
        off += b.cells.size();
    }
    std::vector<SourcePlace> unplaced;  // lines whose amounts fit no block: blank cells not printed
    std::optional<Segment> pending;  // a code still waiting for its amounts
    SourcePlace pending_at;
    std::vector<std::string> row(width);
    std::optional<size_t> last_block;
    SourcePlace row_at;
    auto flush = [&] {
        if (last_block) {
            body.rows.push_back(row);
            body.places.push_back(row_at);
        }
        row.assign(width, "");
        last_block.reset();
    };
    auto place = [&](const Segment& seg, SourcePlace at) {
        size_t from = last_block ? *last_block + 1 : 0;
        auto b = block_of(t, tpl, spec, seg, from);
        if (!b && last_block) {
            flush();
            b = block_of(t, tpl, spec, seg, 0);
        }
        // Fewer amounts than the block has columns: the row is placed by its code or label, its
        // amounts wait for the tables' identities to tell their columns (resolve_columns).
        std::vector<std::string> waiting;
        if (!b) {
            b = block_of(t, tpl, spec, seg, from, true);
            if (!b && last_block) {
                flush();
                b = block_of(t, tpl, spec, seg, 0, true);
            }
            const bool labelless = spec.kind == TableKind::Fixed && b &&
                                   std::any_of(t.rows.begin(), t.rows.end(), [&](const Row& r) {
                                       return r.block == static_cast<int>(*b) && r.label.empty() && r.role != RowRole::Blank;
                                   });
            if (!b || (seg.code.empty() && seg.text.empty() && !labelless)) {
                unplaced.push_back(at);
                return;
            }
            waiting = seg.amounts;
        }
        if (!last_block) row_at = at;
        if (!waiting.empty()) body.unplaced.push_back({body.rows.size(), *b, waiting});
        const Block& block = t.blocks[*b];
        size_t k = waiting.empty() ? 0 : seg.amounts.size();
        for (size_t c = 0; c < block.cells.size(); ++c) {
            std::string& cell = row[offsets[*b] + c];
            if (block.cells[c] == "code") cell = seg.code.empty() ? seg.text : seg.code;
            else if (block.cells[c] == "label") cell = seg.code.empty() && has_cell(block, "code") ? "" : seg.text;
            else if (block.cells[c] != "line" && k < seg.amounts.size()) cell = seg.amounts[k++];
        }
        last_block = b;
    };
    for (const auto& [line_text, line_place] : lines) {
        {
            struct {
                const std::string& text;
                SourcePlace place;
            } it{line_text, line_place};
            const std::string key = label_key(it.text);
            if (key.starts_with("注") || key.starts_with("说明:")) break;
            if (unit_of_line(it.text) || key.starts_with("部门:")) continue;
            for (auto& seg : segments_of(it.text, coded, economic)) {
                if (pending) {  // the wrapped label's pieces, then its amounts
                    // The next code came first, or a total of the table's own (人员经费合计 …): the
                    // waiting one's amounts are blank.
                    const std::string key = label_key(seg.text);
                    if (!seg.code.empty() || key.ends_with("合计") || key.ends_with("总计")) {
                        Segment blank = std::move(*pending);
                        pending.reset();
                        place(blank, pending_at);
                    } else {
                        pending->text += seg.text;
                        pending->amounts = seg.amounts;
                        if (seg.amounts.empty()) continue;
                        Segment done = std::move(*pending);
                        pending.reset();
                        place(done, pending_at);
                        continue;
                    }
                }
                if (seg.amounts.empty()) {
                    if (!seg.code.empty()) {
                        pending = seg;
                        pending_at = it.place;
                    }
                    continue;  // a header, or the rest of a wrapped label
                }
                place(seg, it.place);
            }
            flush();
        }
    }
    if (pending) {
        place(*pending, pending_at);
        flush();
    }
    body.unread += static_cast<int>(unplaced.size());
    if (!unplaced.empty())
        warnings.warning(location_of(doc.file, unplaced.front()),
                         fmt::format("{}：{} 行的金额个数与本表各栏的列数不符（空白的单元格没有印出），无法确定各金额所在的列，"
                                     "这些行未读入：{}",
                                     spec.title, unplaced.size(), places_text(unplaced)));
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
        if (!hit && !r.label.empty())  // a label cut where its cell wrapped
            for (size_t i = 0; i < t.rows.size() && !hit; ++i)
                if (in_block(i) && label_fits(r.label, t.rows[i].label)) hit = i;
        if (!hit && r.label.empty() && !r.line)
            for (size_t i = next[static_cast<size_t>(r.block)]; i < t.rows.size() && !hit; ++i)
                if (in_block(i)) hit = i;
        if (!hit) {
            // A row the template lacks (a later year's class) with an amount: the table is not
            // read whole, and its sums are not judged without it.
            const bool amounts = std::any_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.second && !v.second->is_zero(); });
            if (amounts) ++t.unread;
            warnings.warning(location_of(file, at[k]),
                             fmt::format("{}：“{}”{}不是模板中的行，未读入{}", t.title, r.label,
                                         r.line ? fmt::format("（行次 {}）", *r.line) : std::string(),
                                         amounts ? "（本行有金额：涉及本表的审核规则不再核对）" : ""));
            continue;
        }
        Row& into = t.rows[*hit];
        if (!r.label.empty() && !label_fits(r.label, into.label))
            warnings.warning(location_of(file, at[k]),
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
        // 合计 may stand under the header words ("类 款 项 合计").
        if (!r.code && (key == total_key || key.ends_with("合计") || key.ends_with("总计"))) {
            r.label = spec.total_label;
            r.role = RowRole::Total;
        } else if (r.code) {
            r.subject = *r.code;
            r.role = r.code->size() >= 7 ? RowRole::Item : RowRole::Subtotal;
        } else if (r.label.empty()) {
            r.role = RowRole::Blank;
            if (std::any_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.second.has_value(); }))
                warnings.warning(location_of(file, at[k]), fmt::format("{}：本行有金额，却没有科目编码和名称", t.title));
        } else {
            warnings.warning(location_of(file, at[k]), fmt::format("{}：“{}”没有科目编码", t.title, r.label));
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
            warnings.warning(location_of(file, at[k]), fmt::format("{}：“{}”没有经济分类科目编码，未读入", t.title, r.label));
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
    const std::string what = spec.number.empty() ? spec.title : spec.number;
    for (const auto& range : extent.ranges) {
        bool grid_seen = false;
        out.heading_lines.push_back({doc.items[range.begin].text, doc.items[range.begin].place, what});
        for (size_t i = range.begin + 1; i < range.end; ++i) {
            const SourceItem& it = doc.items[i];
            if (it.kind == SourceItem::Kind::Grid) {
                after_grid = grid_seen = true;
                continue;
            }
            if (!grid_seen) out.heading_lines.push_back({it.text, it.place, what});
            const std::string key = label_key(it.text);
            // "部门：… 金额单位：万元" may be one line (on one baseline in a PDF).
            const bool department = key.starts_with("部门:") || key.starts_with("单位名称:") || key.starts_with("编制单位:") ||
                                    key.starts_with("部门名称:");
            if (department) {
                std::string line = it.text;
                for (std::string_view unit : {"金额单位", "单位："})
                    if (auto at = line.find(unit); at != std::string::npos && at > 0) line = trim(std::string_view(line).substr(0, at));
                if (out.department_line.empty()) out.department_line = line;
                out.department_lines.push_back({line, it.place, what});
            }
            if (auto u = unit_of_line(department ? it.text.substr(std::min(it.text.size(), out.department_line.size())) : it.text);
                u && out.unit_line.empty()) {
                out.unit = *u;
                out.unit_line = trim(department ? std::string_view(it.text).substr(out.department_line.size()) : it.text);
            } else if (department) {
            } else if (key.starts_with("注:") || (after_grid && key.starts_with("注")) || !notes.empty()) {
                notes.push_back(it.text);
            }
        }
    }
    size_t width = 0;
    for (const auto& b : t.blocks) width += b.cells.size();
    Body body = gather_body(doc, extent, t, spec, width, warnings);
    // No grid, or one whose columns are not the layout's: read the lines (a grid's rows joined)
    // by the layout, as a text layer is read.
    if (body.rows.empty() || !body.unmapped.empty()) {
        TextLines lines;
        for (const auto& range : extent.ranges)
            for (size_t i = range.begin + 1; i < range.end; ++i) {
                const SourceItem& it = doc.items[i];
                if (it.kind == SourceItem::Kind::Line) {
                    lines.emplace_back(it.text, it.place);
                    continue;
                }
                if (!body.rows.empty() && std::find(body.unmapped.begin(), body.unmapped.end(), i) == body.unmapped.end()) continue;
                for (size_t r = 0; r < it.grid.rows.size(); ++r) {
                    std::string joined;
                    for (const auto& c : it.grid.rows[r])
                        if (!trim(c).empty()) joined += (joined.empty() ? "" : " ") + trim(c);
                    if (!joined.empty()) lines.emplace_back(joined, it.grid.places.at(r));
                }
            }
        Body more = body_from_lines(doc, lines, t, tpl, spec, width, warnings);
        if (body.rows.empty()) {
            body = std::move(more);
        } else {  // mapped grids and grids read as lines in one table: keep both, in order read
            for (auto& u : more.unplaced) u.body_row += body.rows.size();
            body.rows.insert(body.rows.end(), more.rows.begin(), more.rows.end());
            body.places.insert(body.places.end(), more.places.begin(), more.places.end());
            body.unread += more.unread;
            body.unplaced.insert(body.unplaced.end(), more.unplaced.begin(), more.unplaced.end());
        }
    }
    for (const auto& row : body.rows)
        for (const auto& c : row) out.decimals = std::max(out.decimals, c.find('.') != std::string::npos ? decimals_of(trim(c)) : 0);
    std::vector<GridProblem> problems;
    std::vector<size_t> lines;
    std::vector<Row> read = rows_from_body(t, body.rows, out.unit, problems, &lines);
    for (const auto& p : problems) {
        Location where = location_of(doc.file, body.places.at(static_cast<size_t>(p.line)));
        where.column = p.cell + 1;
        warnings.warning(where, fmt::format("{}：{}", spec.title, p.message));
    }
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
    for (const auto& u : body.unplaced) {
        const SourcePlace at = body.places.at(u.body_row);
        WaitingAmounts w;
        w.place = at;
        std::optional<size_t> row;
        for (size_t r = 0; r < t.rows.size() && !row; ++r)
            if (out.row_places.at(r) == at && t.rows[r].block == static_cast<int>(u.block)) row = r;
        // A fixed table's row with no label (公开09表's one line of amounts) printed nothing else.
        for (size_t r = 0; r < t.rows.size() && !row && spec.kind == TableKind::Fixed; ++r)
            if (t.rows[r].block == static_cast<int>(u.block) && t.rows[r].label.empty() && t.rows[r].role != RowRole::Blank &&
                out.row_places.at(r) == SourcePlace{}) {
                row = r;
                out.row_places[r] = at;
            }
        if (!row) {
            ++body.unread;
            warnings.warning(location_of(doc.file, at), fmt::format("{}：本行的金额未能对应到表中的行，未读入", spec.title));
            continue;
        }
        w.row = *row;
        for (const auto& c : t.blocks.at(u.block).cells)
            if (c != "line" && c != "code" && c != "label") w.columns.push_back(c);
        for (const auto& a : u.amounts) w.amounts.push_back(parse_amount(a, out.unit).value.value_or(Money{}));
        out.waiting.push_back(std::move(w));
    }
    // A note's lines: a new paragraph after a sentence's end, else the same one wrapped.
    std::string note;
    for (const auto& n : notes) {
        const bool ended = note.ends_with("。") || note.ends_with("；") || note.ends_with(".");
        note += (note.empty() ? "" : ended ? "\n" : "") + n;
    }
    const bool no_data_note = label_key(note).find("无数据") != std::string::npos;
    // A subject table printed with its header only, saying it has no data: its 合计 is blank.
    if (spec.kind == TableKind::SubjectTree && spec.total_when_empty && t.rows.empty() && body.unread == 0 && body.rows.empty()) {
        Row total;
        total.label = spec.total_label;
        total.role = RowRole::Total;
        for (const auto& c : t.columns) total.values[c.key] = std::nullopt;
        t.rows.push_back(std::move(total));
        out.row_places.push_back(doc.items[extent.ranges.front().begin].place);
    }
    t.has_data = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) {
        return std::any_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.second && !v.second->is_zero(); });
    });
    t.note = note;
    t.unread += body.unread;
    if (body.rows.empty() && !no_data_note)
        warnings.warning(location_of(doc.file, doc.items[extent.ranges.front().begin].place),
                         fmt::format("{}：标题下没有找到表格", spec.title));
    return out;
}

}  // namespace juesuan
