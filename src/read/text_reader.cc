#include "read/text_reader.h"

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "core/text.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace {

bool is_pipe_line(std::string_view t) { return t.starts_with("|"); }

// |---|:--:|---| : the line under a pipe table's first row.
bool is_separator(std::string_view t) {
    bool dash = false;
    for (char c : t) {
        if (c == '-') dash = true;
        else if (c != '|' && c != ':' && c != ' ' && c != '\t') return false;
    }
    return dash;
}

// "=== PDF page 7 ===": the page marks of an extracted text layer.
std::optional<int> page_mark(std::string_view t) {
    if (!t.starts_with("===") || !t.ends_with("===")) return std::nullopt;
    std::string inner = trim(t.substr(3, t.size() - 6));
    for (std::string_view word : {"PDF page", "page", "第"}) {
        if (!inner.starts_with(word)) continue;
        std::string n = trim(std::string_view(inner).substr(word.size()));
        if (n.ends_with("页")) n = trim(std::string_view(n).substr(0, n.size() - 3));
        if (!n.empty() && n.size() <= 6 && all_digits(n)) return std::stoi(n);
    }
    return std::nullopt;
}

// The text of a line without Markdown's markup: heading marks, list bullets, emphasis.
std::string strip_markup(std::string_view t, int& heading) {
    heading = 0;
    size_t hashes = 0;
    while (hashes < t.size() && hashes < 6 && t[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes < t.size() && t[hashes] == ' ') {
        heading = static_cast<int>(hashes);
        t.remove_prefix(hashes + 1);
    } else if ((t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ "))) {
        t.remove_prefix(2);
    }
    std::string s = trim(t);
    for (std::string_view mark : {"**", "__", "*"})
        if (s.size() > 2 * mark.size() && s.starts_with(mark) && s.ends_with(mark))
            s = trim(std::string_view(s).substr(mark.size(), s.size() - 2 * mark.size()));
    return s;
}

}  // namespace

std::vector<std::string> pipe_cells(std::string_view line) {
    std::string_view t = line;
    if (t.starts_with("|")) t.remove_prefix(1);
    std::vector<std::string> cells;
    std::string cur;
    bool closed = false;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cur += '|';
            ++i;
            closed = false;
        } else if (t[i] == '|') {
            cells.push_back(trim(cur));
            cur.clear();
            closed = true;
        } else {
            cur += t[i];
            if (t[i] != ' ' && t[i] != '\t') closed = false;
        }
    }
    if (!closed) cells.push_back(trim(cur));  // a row without its closing |
    return cells;
}

SourceDocument read_text_source(std::string_view content, const std::string& shown) {
    std::string_view text = require_utf8(content, shown);
    SourceDocument doc;
    doc.file = shown;
    int page = 0, line_no = 0;
    bool gap = true;
    SourceItem* grid = nullptr;  // the grid being filled
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        // A form feed is a page break in text extracted from a PDF (pdftotext).
        while (!raw.empty() && raw.front() == '\f') {
            ++page;
            raw.remove_prefix(1);
            gap = true;
            grid = nullptr;
        }
        if (raw.size() > kMaxLongTextBytes)
            throw InputError(Location{shown, line_no}, length_problem(raw, kMaxLongTextBytes));
        std::string t = trim(raw);
        if (auto p = page_mark(t)) {
            page = *p;
            gap = true;
            grid = nullptr;
            continue;
        }
        if (t.empty()) {
            gap = true;
            grid = nullptr;
            continue;
        }
        const SourcePlace place{page, line_no};
        if (is_pipe_line(t)) {
            if (grid && is_separator(t)) continue;
            if (!grid) {
                SourceItem it;
                it.kind = SourceItem::Kind::Grid;
                it.place = place;
                it.gap_before = gap;
                doc.items.push_back(std::move(it));
                grid = &doc.items.back();
            }
            grid->grid.rows.push_back(pipe_cells(t));
            grid->grid.places.push_back(place);
            gap = false;
            continue;
        }
        grid = nullptr;
        // An image line repeats its caption as alt text: the caption is the line before it.
        if (t.starts_with("![")) continue;
        SourceItem it;
        it.text = strip_markup(t, it.heading);
        if (it.text.empty()) continue;
        it.place = place;
        it.gap_before = gap;
        gap = false;
        doc.items.push_back(std::move(it));
    }
    return doc;
}

}  // namespace juesuan
