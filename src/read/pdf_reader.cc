#include "read/pdf_reader.h"

#include <mupdf/fitz.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <memory>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "core/text.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace {

constexpr int kMaxPages = 2000;

struct Glyph {
    float x0 = 0, x1 = 0, baseline = 0, size = 0;
    int c = 0;
};

// A ruling: horizontal (y fixed, from a to b in x) or vertical (x fixed, a to b in y).
struct Rule {
    bool horizontal = true;
    float at = 0, a = 0, b = 0;
};

// The rulings a page draws: strokes along lines, and rectangles thin enough to be lines.
// Collected by MuPDF's callbacks, which must not throw: the vector's room is reserved first.
constexpr size_t kMaxRules = 100'000;

struct RuleDevice {
    fz_device super;
    std::vector<Rule>* rules;
    fz_matrix ctm;
    fz_point first, last;
    bool fill;
};

void add_rule(RuleDevice* d, fz_point p, fz_point q) {
    if (d->rules->size() >= kMaxRules) return;
    p = fz_transform_point(p, d->ctm);
    q = fz_transform_point(q, d->ctm);
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(q.x) || !std::isfinite(q.y)) return;
    if (std::fabs(p.y - q.y) < 0.8f && std::fabs(p.x - q.x) >= 3)
        d->rules->push_back({true, (p.y + q.y) / 2, std::min(p.x, q.x), std::max(p.x, q.x)});
    else if (std::fabs(p.x - q.x) < 0.8f && std::fabs(p.y - q.y) >= 3)
        d->rules->push_back({false, (p.x + q.x) / 2, std::min(p.y, q.y), std::max(p.y, q.y)});
}

void walk_moveto(fz_context*, void* arg, float x, float y) {
    auto* d = static_cast<RuleDevice*>(arg);
    d->first = d->last = {x, y};
}
void walk_lineto(fz_context*, void* arg, float x, float y) {
    auto* d = static_cast<RuleDevice*>(arg);
    if (!d->fill) add_rule(d, d->last, {x, y});
    d->last = {x, y};
}
void walk_curveto(fz_context*, void* arg, float, float, float, float, float x3, float y3) {
    static_cast<RuleDevice*>(arg)->last = {x3, y3};
}
void walk_closepath(fz_context*, void* arg) {
    auto* d = static_cast<RuleDevice*>(arg);
    if (!d->fill) add_rule(d, d->last, d->first);
    d->last = d->first;
}
void walk_rectto(fz_context*, void* arg, float x1, float y1, float x2, float y2) {
    auto* d = static_cast<RuleDevice*>(arg);
    fz_rect r = fz_transform_rect(fz_make_rect(std::min(x1, x2), std::min(y1, y2), std::max(x1, x2), std::max(y1, y2)), d->ctm);
    const float w = r.x1 - r.x0, h = r.y1 - r.y0;
    if (d->fill) {  // a filled rectangle is a rule only when it is thin
        if (d->rules->size() >= kMaxRules || !std::isfinite(w) || !std::isfinite(h)) return;
        if (h < 2.5f && w >= 3) d->rules->push_back({true, (r.y0 + r.y1) / 2, r.x0, r.x1});
        else if (w < 2.5f && h >= 3) d->rules->push_back({false, (r.x0 + r.x1) / 2, r.y0, r.y1});
        return;
    }
    fz_matrix keep = d->ctm;
    d->ctm = fz_identity;
    add_rule(d, {r.x0, r.y0}, {r.x1, r.y0});
    add_rule(d, {r.x0, r.y1}, {r.x1, r.y1});
    add_rule(d, {r.x0, r.y0}, {r.x0, r.y1});
    add_rule(d, {r.x1, r.y0}, {r.x1, r.y1});
    d->ctm = keep;
    d->first = d->last = {x1, y1};
}

const fz_path_walker kWalker = {walk_moveto, walk_lineto, walk_curveto, walk_closepath, nullptr, nullptr, nullptr, walk_rectto};

void rule_stroke(fz_context* ctx, fz_device* dev, const fz_path* path, const fz_stroke_state*, fz_matrix ctm, fz_colorspace*,
                 const float*, float alpha, fz_color_params) {
    auto* d = reinterpret_cast<RuleDevice*>(dev);
    if (alpha <= 0) return;
    d->ctm = ctm;
    d->fill = false;
    fz_walk_path(ctx, path, &kWalker, d);
}

void rule_fill(fz_context* ctx, fz_device* dev, const fz_path* path, int, fz_matrix ctm, fz_colorspace*, const float*,
               float alpha, fz_color_params) {
    auto* d = reinterpret_cast<RuleDevice*>(dev);
    if (alpha <= 0) return;
    d->ctm = ctm;
    d->fill = true;
    fz_walk_path(ctx, path, &kWalker, d);
}

void quiet(void*, const char*) {}  // MuPDF's own warnings are not the user's messages

struct Context {
    fz_context* ctx = fz_new_context(nullptr, nullptr, FZ_STORE_DEFAULT);
    ~Context() {
        if (ctx) fz_drop_context(ctx);
    }
};

// The glyphs of every page, in MuPDF's reading order. Only MuPDF calls run between fz_try and
// fz_catch (a longjmp must not cross C++ frames); the glyphs are copied out page by page.
struct Pages {
    std::vector<std::vector<Glyph>> pages;
    std::vector<std::vector<Rule>> rules;
    bool encrypted = false;
    std::string error;
};

// One page's glyphs and rulings; an error is MuPDF's message.
std::string read_page(fz_context* ctx, fz_document* doc, int number, std::vector<Glyph>& glyphs, std::vector<Rule>& rules) {
    std::string error;
    fz_stext_options opts{};
    fz_stext_page* text = nullptr;
    fz_page* page = nullptr;
    fz_device* dev = nullptr;
    fz_var(text);
    fz_var(page);
    fz_var(dev);
    rules.reserve(kMaxRules);  // the device's callbacks never allocate
    fz_try(ctx) {
        page = fz_load_page(ctx, doc, number);
        text = fz_new_stext_page_from_page(ctx, page, &opts);
        auto* rd = fz_new_derived_device(ctx, RuleDevice);
        rd->rules = &rules;
        rd->super.stroke_path = rule_stroke;
        rd->super.fill_path = rule_fill;
        dev = &rd->super;
        fz_run_page(ctx, page, dev, fz_identity, nullptr);
        fz_close_device(ctx, dev);
    }
    fz_always(ctx) {
        fz_drop_device(ctx, dev);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) {
        error = fz_caught_message(ctx);
    }
    for (fz_stext_block* b = text ? text->first_block : nullptr; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
        for (fz_stext_line* l = b->u.t.first_line; l; l = l->next) {
            if (l->wmode != 0) continue;  // vertical text: not table or prose
            for (fz_stext_char* ch = l->first_char; ch; ch = ch->next) {
                fz_rect r = fz_rect_from_quad(ch->quad);
                glyphs.push_back({r.x0, r.x1, ch->origin.y, ch->size, ch->c});
            }
        }
    }
    fz_drop_stext_page(ctx, text);
    return error;
}

struct Opened {
    fz_stream* stm = nullptr;
    fz_document* doc = nullptr;
    int pages = 0;
    bool encrypted = false;
    std::string error;
};

Opened open_pdf(fz_context* ctx, std::string_view bytes) {
    Opened o;
    fz_stream* stm = nullptr;
    fz_document* doc = nullptr;
    fz_var(stm);
    fz_var(doc);
    fz_try(ctx) {
        fz_register_document_handlers(ctx);
        stm = fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
        if (fz_needs_password(ctx, doc)) o.encrypted = true;
        else o.pages = fz_count_pages(ctx, doc);
    }
    fz_catch(ctx) {
        o.error = fz_caught_message(ctx);
    }
    o.stm = stm;
    o.doc = doc;
    return o;
}

// The glyphs and rulings of every page. Only MuPDF calls run between fz_try and fz_catch (a
// longjmp must not cross C++ frames); what they give is copied out page by page.
Pages glyphs_of(fz_context* ctx, std::string_view bytes) {
    Pages out;
    Opened o = open_pdf(ctx, bytes);
    out.encrypted = o.encrypted;
    out.error = o.error;
    if (out.error.empty() && !out.encrypted) {
        if (o.pages > kMaxPages) out.error = fmt::format("页数过多（{} 页，至多 {} 页）", o.pages, kMaxPages);
        for (int p = 0; p < o.pages && out.error.empty(); ++p) {
            std::vector<Glyph> glyphs;
            std::vector<Rule> rules;
            if (std::string e = read_page(ctx, o.doc, p, glyphs, rules); !e.empty()) out.error = fmt::format("第 {} 页：{}", p + 1, e);
            out.pages.push_back(std::move(glyphs));
            out.rules.push_back(std::move(rules));
        }
    }
    fz_drop_document(ctx, o.doc);
    fz_drop_stream(ctx, o.stm);
    return out;
}

std::string utf8(int c) {
    char buf[8];
    int n = fz_runetochar(buf, c);
    return std::string(buf, static_cast<size_t>(n));
}

struct VisualRow {
    float y = 0;  // its baseline
    std::string text;
};

// Glyphs as text: left to right, a space where the gap is wider than a quarter of the glyph size.
std::string join_glyphs(std::vector<Glyph> row) {
    std::stable_sort(row.begin(), row.end(), [](const Glyph& a, const Glyph& b) { return a.x0 < b.x0; });
    std::string s;
    float right = 0;
    for (size_t k = 0; k < row.size(); ++k) {
        const Glyph& x = row[k];
        const bool space = x.c == ' ' || x.c == 0x3000 || x.c == '\t';
        if (k > 0 && !space && x.x0 - right > x.size / 4 && !s.empty() && s.back() != ' ') s += ' ';
        if (space) {
            if (!s.empty() && s.back() != ' ') s += ' ';
        } else if (x.c > 0) {
            s += utf8(x.c);
        }
        right = std::max(right, x.x1);
    }
    return trim(s);
}

// Glyphs grouped by baseline (within a third of the glyph size), top to bottom.
std::vector<std::vector<Glyph>> baselines(std::vector<Glyph> g) {
    std::stable_sort(g.begin(), g.end(), [](const Glyph& a, const Glyph& b) { return a.baseline < b.baseline; });
    std::vector<std::vector<Glyph>> out;
    size_t i = 0;
    while (i < g.size()) {
        size_t j = i + 1;
        const float tol = std::max(1.0f, g[i].size / 3);
        while (j < g.size() && g[j].baseline - g[i].baseline <= tol) ++j;
        out.emplace_back(g.begin() + static_cast<long>(i), g.begin() + static_cast<long>(j));
        i = j;
    }
    return out;
}

std::vector<VisualRow> rows_of(std::vector<Glyph> g) {
    std::vector<VisualRow> rows;
    for (auto& line : baselines(std::move(g))) {
        const float y = line.front().baseline;
        std::string t = join_glyphs(std::move(line));
        if (!t.empty()) rows.push_back({y, std::move(t)});
    }
    return rows;
}

// ---- Tables from their rulings.

// Positions closer than `tol` are one.
std::vector<float> distinct(std::vector<float> v, float tol) {
    std::sort(v.begin(), v.end());
    std::vector<float> out;
    for (float x : v)
        if (out.empty() || x - out.back() > tol) out.push_back(x);
    return out;
}

struct RuledTable {
    std::vector<float> xs, ys;  // column and row boundaries, left to right, top to bottom
    std::vector<Rule> rules;
    fz_rect box() const { return fz_make_rect(xs.front(), ys.front(), xs.back(), ys.back()); }
};

// Rulings that touch one another form a table when they give at least two rows and two columns.
std::vector<RuledTable> tables_of(const std::vector<Rule>& rules) {
    const float tol = 2.0f;
    std::vector<size_t> parent(rules.size());
    for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    std::function<size_t(size_t)> root = [&](size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); };
    auto touch = [&](const Rule& h, const Rule& v) {
        return v.at >= h.a - tol && v.at <= h.b + tol && h.at >= v.a - tol && h.at <= v.b + tol;
    };
    for (size_t i = 0; i < rules.size(); ++i) {
        if (!rules[i].horizontal) continue;
        for (size_t j = 0; j < rules.size(); ++j)
            if (!rules[j].horizontal && touch(rules[i], rules[j])) parent[root(i)] = root(j);
    }
    std::map<size_t, RuledTable> groups;
    for (size_t i = 0; i < rules.size(); ++i) groups[root(i)].rules.push_back(rules[i]);
    std::vector<RuledTable> out;
    for (auto& [k, t] : groups) {
        std::vector<float> xs, ys;
        for (const auto& r : t.rules) (r.horizontal ? ys : xs).push_back(r.at);
        t.xs = distinct(xs, tol);
        t.ys = distinct(ys, tol);
        if (t.xs.size() >= 2 && t.ys.size() >= 2 && t.xs.size() <= 200 && t.ys.size() <= 2000) out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(), [](const RuledTable& a, const RuledTable& b) { return a.ys.front() < b.ys.front(); });
    return out;
}

// Whether a ruling runs along `at` (within tolerance) across the point `across` of the other axis.
bool ruled(const RuledTable& t, bool horizontal, float at, float across) {
    for (const auto& r : t.rules)
        if (r.horizontal == horizontal && std::fabs(r.at - at) <= 2.0f && across >= r.a - 1 && across <= r.b + 1) return true;
    return false;
}

size_t slot(const std::vector<float>& edges, float v) {
    auto it = std::upper_bound(edges.begin(), edges.end(), v);
    return static_cast<size_t>(it - edges.begin()) - 1;  // caller keeps v inside the edges
}

// The table's cells: a cell without a ruling on its left (or top) is part of the cell beside
// (or above) it, so a value centred in a tall cell belongs to that cell's row. Each merged cell's
// text stands in its top-left grid cell; the glyphs used are taken out of `glyphs`.
SourceGrid grid_of(const RuledTable& t, std::vector<Glyph>& glyphs, int page) {
    const size_t rows = t.ys.size() - 1, cols = t.xs.size() - 1;
    std::vector<size_t> owner(rows * cols);
    for (size_t r = 0; r < rows; ++r)
        for (size_t c = 0; c < cols; ++c) {
            const float mx = (t.xs[c] + t.xs[c + 1]) / 2, my = (t.ys[r] + t.ys[r + 1]) / 2;
            size_t o = r * cols + c;
            if (c > 0 && !ruled(t, false, t.xs[c], my)) o = owner[r * cols + c - 1];
            else if (r > 0 && !ruled(t, true, t.ys[r], mx)) o = owner[(r - 1) * cols + c];
            owner[r * cols + c] = o;
        }
    std::map<size_t, std::vector<Glyph>> in;
    const fz_rect box = t.box();
    std::erase_if(glyphs, [&](const Glyph& g) {
        const float cx = (g.x0 + g.x1) / 2, cy = g.baseline - g.size / 3;
        if (cx <= box.x0 || cx >= box.x1 || cy <= box.y0 || cy >= box.y1) return false;
        in[owner[slot(t.ys, cy) * cols + slot(t.xs, cx)]].push_back(g);
        return true;
    });
    SourceGrid g;
    g.rows.assign(rows, std::vector<std::string>(cols));
    for (auto& [cell, gs] : in) {
        std::string text;
        for (auto& line : baselines(std::move(gs))) text += join_glyphs(std::move(line));  // wrapped text runs on
        g.rows[cell / cols][cell % cols] = text;
    }
    for (size_t i = 0; i < owner.size(); ++i) {
        if (owner[i] != i) continue;
        size_t r0 = i / cols, c0 = i % cols, r1 = r0, c1 = c0;
        for (size_t j = i; j < owner.size(); ++j)
            if (owner[j] == i) {
                r1 = std::max(r1, j / cols);
                c1 = std::max(c1, j % cols);
            }
        if (r1 > r0 || c1 > c0)
            g.merges.push_back({static_cast<int>(r0), static_cast<int>(c0), static_cast<int>(r1 - r0 + 1), static_cast<int>(c1 - c0 + 1)});
    }
    g.places.assign(rows, SourcePlace{page, 0});
    return g;
}

// "- 4 -", "4", "第 4 页", "4/25": a page number.
bool page_number(const std::string& text) {
    std::string k = label_key(text);
    for (std::string_view w : {"第", "页", "-", "—", "/", "共"}) k = replace_all(k, w, "");
    return !k.empty() && k.size() <= 8 && all_digits(k);
}

// What every page prints at its top or bottom (the document's title, the page number) is not
// the document's text: it would run into the notes and paragraphs it falls between.
void drop_page_furniture(std::vector<std::vector<SourceItem>>& pages) {
    auto key = [](const SourceItem& it) {
        std::string k;
        for (char c : label_key(it.text))
            if (c < '0' || c > '9') k += c;
        return k;
    };
    std::map<std::string, int> seen;  // text without digits → pages it opens or closes
    for (const auto& items : pages) {
        std::set<std::string> ends;
        if (!items.empty() && items.front().kind == SourceItem::Kind::Line) ends.insert(key(items.front()));
        if (!items.empty() && items.back().kind == SourceItem::Kind::Line) ends.insert(key(items.back()));
        for (const auto& k : ends) ++seen[k];
    }
    const int often = std::max(3, static_cast<int>(pages.size()) / 2);
    for (size_t p = 1; p < pages.size(); ++p) {  // the cover keeps its lines
        auto& items = pages[p];
        const size_t n = items.size();
        std::vector<SourceItem> kept;
        for (size_t i = 0; i < n; ++i) {
            const bool end = i == 0 || i + 1 == n;
            const SourceItem& it = items[i];
            if (end && it.kind == SourceItem::Kind::Line && (page_number(it.text) || seen[key(it)] >= often)) continue;
            kept.push_back(std::move(items[i]));
        }
        items = std::move(kept);
    }
}

}  // namespace

SourceDocument read_pdf_source(std::string_view bytes, const std::string& shown) {
    if (!bytes.starts_with("%PDF-") && bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
        throw InputError(Location{shown}, "不是 PDF 文件（文件头没有 %PDF-）");
    Context c;
    if (!c.ctx) throw InputError(Location{shown}, "内存不足，无法打开 PDF");
    fz_set_warning_callback(c.ctx, quiet, nullptr);
    fz_set_error_callback(c.ctx, quiet, nullptr);
    Pages pages = glyphs_of(c.ctx, bytes);
    if (pages.encrypted) throw InputError(Location{shown}, "PDF 已加密（需要密码）：请提供未加密的文件");
    if (!pages.error.empty())
        throw InputError(Location{shown}, fmt::format("PDF 无法读取（文件损坏或不完整）：{}", pages.error));
    SourceDocument doc;
    doc.file = shown;
    size_t glyphs = 0;
    std::vector<std::vector<SourceItem>> by_page;
    for (size_t p = 0; p < pages.pages.size(); ++p) {
        auto& g = pages.pages[p];
        std::erase_if(g, [](const Glyph& x) { return !std::isfinite(x.baseline) || !std::isfinite(x.x0) || !std::isfinite(x.x1) || x.size <= 0; });
        glyphs += g.size();
        const int page = static_cast<int>(p) + 1;
        // Tables first (they take their glyphs), then the rows of text outside them, by height.
        std::vector<std::pair<float, SourceItem>> items;
        for (const auto& t : tables_of(pages.rules[p])) {
            SourceItem it;
            it.kind = SourceItem::Kind::Grid;
            it.grid = grid_of(t, g, page);
            it.place = {page, 0};
            items.emplace_back(t.ys.front(), std::move(it));
        }
        for (auto& row : rows_of(std::move(g))) {
            if (!is_valid_utf8(row.text)) continue;
            SourceItem it;
            it.text = std::move(row.text);
            it.place = {page, 0};
            items.emplace_back(row.y, std::move(it));
        }
        std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<SourceItem> page_items;
        for (auto& [y, it] : items) page_items.push_back(std::move(it));
        by_page.push_back(std::move(page_items));
    }
    drop_page_furniture(by_page);
    for (auto& page_items : by_page)
        for (size_t i = 0; i < page_items.size(); ++i) {
            page_items[i].gap_before = i == 0;
            doc.items.push_back(std::move(page_items[i]));
        }
    if (glyphs == 0)
        throw InputError(Location{shown}, "PDF 没有文字层（可能是扫描件）：无法读出其中的文字，请提供带文字层的 PDF 或文本文件");
    return doc;
}

}  // namespace juesuan
