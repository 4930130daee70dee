#include "read/pdf_reader.h"

#include <mupdf/fitz.h>

#include <algorithm>
#include <cmath>
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
    bool encrypted = false;
    std::string error;
};

Pages glyphs_of(fz_context* ctx, std::string_view bytes) {
    Pages out;
    fz_stream* stm = nullptr;
    fz_document* doc = nullptr;
    fz_stext_page* text = nullptr;
    int count = 0;
    fz_var(stm);
    fz_var(doc);
    fz_var(text);
    fz_try(ctx) {
        fz_register_document_handlers(ctx);
        stm = fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
        if (fz_needs_password(ctx, doc)) out.encrypted = true;
        else count = fz_count_pages(ctx, doc);
    }
    fz_catch(ctx) {
        out.error = fz_caught_message(ctx);
    }
    if (out.error.empty() && !out.encrypted) {
        if (count > kMaxPages) out.error = fmt::format("页数过多（{} 页，至多 {} 页）", count, kMaxPages);
        for (int p = 0; p < count && out.error.empty(); ++p) {
            fz_stext_options opts{};
            fz_try(ctx) { text = fz_new_stext_page_from_page_number(ctx, doc, p, &opts); }
            fz_catch(ctx) {
                out.error = fmt::format("第 {} 页：{}", p + 1, fz_caught_message(ctx));
                text = nullptr;
            }
            std::vector<Glyph> page;
            for (fz_stext_block* b = text ? text->first_block : nullptr; b; b = b->next) {
                if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
                for (fz_stext_line* l = b->u.t.first_line; l; l = l->next) {
                    if (l->wmode != 0) continue;  // vertical text: not table or prose
                    for (fz_stext_char* ch = l->first_char; ch; ch = ch->next) {
                        fz_rect r = fz_rect_from_quad(ch->quad);
                        page.push_back({r.x0, r.x1, ch->origin.y, ch->size, ch->c});
                    }
                }
            }
            out.pages.push_back(std::move(page));
            fz_drop_stext_page(ctx, text);
            text = nullptr;
        }
    }
    fz_drop_document(ctx, doc);
    fz_drop_stream(ctx, stm);
    return out;
}

std::string utf8(int c) {
    char buf[8];
    int n = fz_runetochar(buf, c);
    return std::string(buf, static_cast<size_t>(n));
}

// A page's glyphs as visual rows, top to bottom: one baseline (within a third of the glyph
// size), left to right, a space where the gap is wider than a quarter of the glyph size.
std::vector<std::string> rows_of(std::vector<Glyph> g) {
    std::vector<std::string> rows;
    std::erase_if(g, [](const Glyph& x) { return !std::isfinite(x.baseline) || !std::isfinite(x.x0) || x.size <= 0; });
    std::stable_sort(g.begin(), g.end(), [](const Glyph& a, const Glyph& b) { return a.baseline < b.baseline; });
    size_t i = 0;
    while (i < g.size()) {
        size_t j = i + 1;
        const float tol = std::max(1.0f, g[i].size / 3);
        while (j < g.size() && g[j].baseline - g[i].baseline <= tol) ++j;
        std::vector<Glyph> row(g.begin() + static_cast<long>(i), g.begin() + static_cast<long>(j));
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
        std::string t = trim(s);
        if (!t.empty()) rows.push_back(std::move(t));
        i = j;
    }
    return rows;
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
    for (size_t p = 0; p < pages.pages.size(); ++p) {
        glyphs += pages.pages[p].size();
        bool first = true;
        for (auto& row : rows_of(std::move(pages.pages[p]))) {
            if (!is_valid_utf8(row)) continue;
            SourceItem it;
            it.text = std::move(row);
            it.place = {static_cast<int>(p) + 1, 0};
            it.gap_before = first;
            first = false;
            doc.items.push_back(std::move(it));
        }
    }
    if (glyphs == 0)
        throw InputError(Location{shown}, "PDF 没有文字层（可能是扫描件）：无法读出其中的文字，请提供带文字层的 PDF 或文本文件");
    return doc;
}

}  // namespace juesuan
