#include "read/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "core/text.h"
#include "layout/table_reading.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace {

constexpr int kMaxDepth = 200;

struct GumboDeleter {
    void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_UL:
        case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE: case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY: case GUMBO_TAG_PRE: case GUMBO_TAG_CENTER:
            return true;
        default: return false;
    }
}

int heading_of(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_H1: return 1;
        case GUMBO_TAG_H2: return 2;
        case GUMBO_TAG_H3: return 3;
        case GUMBO_TAG_H4: return 4;
        case GUMBO_TAG_H5: return 5;
        case GUMBO_TAG_H6: return 6;
        default: return 0;
    }
}

bool has_table_inside(const GumboNode* n, int depth = 0) {
    if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return false;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
        auto* k = static_cast<const GumboNode*>(kids.data[i]);
        if (k->type == GUMBO_NODE_ELEMENT && (k->v.element.tag == GUMBO_TAG_TABLE || has_table_inside(k, depth + 1))) return true;
    }
    return false;
}

int span_of(const GumboNode* cell, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&cell->v.element.attributes, name);
    if (!a) return 1;
    std::string v = trim(a->value);
    if (v.empty() || v.size() > 4 || !all_digits(v)) return 1;
    return std::clamp(std::stoi(v), 1, 1000);
}

class Walker {
public:
    explicit Walker(SourceDocument& doc) : doc_(doc) {}

    void walk(const GumboNode* n, int depth) {
        if (depth > kMaxDepth) throw InputError(Location{doc_.file, line_of(n)}, fmt::format("HTML 嵌套过深（超过 {} 层）", kMaxDepth));
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            if (text_.empty()) at_ = static_cast<int>(n->v.text.start_pos.line);
            text_ += n->v.text.text;
            return;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
        const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
        if (n->type == GUMBO_NODE_ELEMENT) {
            const GumboTag tag = n->v.element.tag;
            if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TEMPLATE) return;
            if (tag == GUMBO_TAG_BR) {
                flush();
                return;
            }
            // A table that holds tables lays out the page; a table of cells is a grid.
            if (tag == GUMBO_TAG_TABLE && !has_table_inside(n)) {
                flush();
                table(n, depth);
                return;
            }
            if (is_block(tag) || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
                flush();
                heading_ = heading_of(tag);
                for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
                flush();
                return;
            }
        }
        for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }

    void flush() {
        std::string t = trim(collapse_spaces(text_));
        text_.clear();
        const int heading = heading_;
        heading_ = 0;
        if (t.empty()) return;
        SourceItem it;
        it.text = std::move(t);
        it.heading = heading;
        it.place = {0, at_};
        doc_.items.push_back(std::move(it));
    }

private:
    static int line_of(const GumboNode* n) {
        return n->type == GUMBO_NODE_ELEMENT ? static_cast<int>(n->v.element.start_pos.line) : 0;
    }

    // The text of a cell, its paragraphs and line breaks run together as the cell shows them.
    void cell_text(const GumboNode* n, std::string& out, int depth) {
        if (depth > kMaxDepth) return;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            out += n->v.text.text;
            return;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return;
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
        if (tag == GUMBO_TAG_BR) out += ' ';
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) cell_text(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
        if (is_block(tag)) out += ' ';
    }

    void rows_of(const GumboNode* n, std::vector<const GumboNode*>& rows, int depth) {
        if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
            auto* k = static_cast<const GumboNode*>(kids.data[i]);
            if (k->type != GUMBO_NODE_ELEMENT) continue;
            if (k->v.element.tag == GUMBO_TAG_TR) rows.push_back(k);
            else if (k->v.element.tag == GUMBO_TAG_THEAD || k->v.element.tag == GUMBO_TAG_TBODY || k->v.element.tag == GUMBO_TAG_TFOOT)
                rows_of(k, rows, depth + 1);
        }
    }

    void table(const GumboNode* n, int depth) {
        std::vector<const GumboNode*> trs;
        rows_of(n, trs, depth);
        std::vector<std::vector<SpannedCell>> spanned;
        std::vector<SourcePlace> places;
        for (const GumboNode* tr : trs) {
            std::vector<SpannedCell> row;
            const GumboVector& kids = tr->v.element.children;
            for (unsigned i = 0; i < kids.length; ++i) {
                auto* c = static_cast<const GumboNode*>(kids.data[i]);
                if (c->type != GUMBO_NODE_ELEMENT || (c->v.element.tag != GUMBO_TAG_TD && c->v.element.tag != GUMBO_TAG_TH)) continue;
                std::string text;
                cell_text(c, text, depth + 1);
                row.push_back({trim(collapse_spaces(text)), span_of(c, "rowspan"), span_of(c, "colspan")});
            }
            spanned.push_back(std::move(row));
            places.push_back({0, line_of(tr)});
        }
        if (spanned.empty()) return;
        PlacedGrid g = place_spans(spanned);
        SourceItem it;
        it.kind = SourceItem::Kind::Grid;
        it.grid.rows = std::move(g.cells);
        it.grid.merges = std::move(g.merges);
        it.grid.places = std::move(places);
        it.place = it.grid.places.front();
        doc_.items.push_back(std::move(it));
    }

    SourceDocument& doc_;
    std::string text_;
    int heading_ = 0;
    int at_ = 0;
};

}  // namespace

SourceDocument read_html_source(std::string_view content, const std::string& shown) {
    std::string_view text = require_utf8(content, shown);
    SourceDocument doc;
    doc.file = shown;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 100;  // a page of broken markup is still read; its errors are not kept
    std::unique_ptr<GumboOutput, GumboDeleter> out(gumbo_parse_with_options(&opts, text.data(), text.size()));
    if (!out) throw InputError(Location{shown}, "HTML 无法解析");
    Walker w(doc);
    w.walk(out->document, 0);
    w.flush();
    return doc;
}

}  // namespace juesuan
