#include "write/pdf_writer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "core/text.h"
#include "write/cairo_text.h"
#include "write/chart.h"
#include "layout/outline.h"

namespace juesuan {

namespace {

// A4 in points, and the type area.
constexpr double kPageW = 595.276, kPageH = 841.89;
constexpr double kLeft = 62, kRight = 62, kTop = 72, kBottom = 70;
constexpr double kWidth = kPageW - kLeft - kRight;
constexpr double kLimit = kPageH - kBottom;

constexpr double kBodySize = 11, kBodySpacing = 1.45;
constexpr double kCellPadX = 3, kCellPadY = 2.5;

struct Mark {
    int level = 0;
    std::string text;
    int page = 0;  // physical page, 0 = cover; printed as its number
    double y = 0;
};

constexpr double kTocLine = 17;

int toc_page_count(size_t entries) {
    return std::max(1, static_cast<int>(std::ceil((60 + static_cast<double>(entries) * kTocLine) / (kLimit - kTop))));
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// One pass over the document. The first pass only measures (where every heading lands); the
// second draws, with the table of contents filled from the first.
class PdfPass {
public:
    PdfPass(const Disclosure& d, const std::vector<DocBlock>& blocks, cairo_surface_t* s, const std::vector<Mark>* toc,
            int toc_pages)
        : d_(d), blocks_(blocks), surface_(s), toc_(toc), toc_pages_(toc_pages) {
        cr_ = cairo_create(s);
        set_stable_font_options(cr_);
        title_ = blocks.empty() ? d.department : blocks.front().text;
    }
    ~PdfPass() { cairo_destroy(cr_); }

    void run() {
        cover();
        draw_toc();
        next_page();
        for (size_t i = 0; i < blocks_.size(); ++i) block(i);
        finish_page();
    }

    const std::vector<Mark>& marks() const { return marks_; }
    int pages() const { return page_ + 1; }

private:
    // ---- pages

    void finish_page() {
        if (page_ > 0) {
            // Page number, centred at the foot: - 3 -
            TextStyle st;
            st.size = 9;
            TextLayout l(cr_, fmt::format("- {} -", page_), st);
            grey(0.35);
            l.draw(cr_, (kPageW - l.width()) / 2, kPageH - 44);
        }
        cairo_show_page(cr_);
    }

    void next_page() {
        if (started_) finish_page();
        started_ = true;
        ++page_;
        y_ = kTop;
        // Running head: the document's title, a hairline under it.
        TextStyle st;
        st.size = 8;
        TextLayout l(cr_, title_, st);
        grey(0.45);
        l.draw(cr_, kLeft, 40);
        cairo_set_line_width(cr_, 0.4);
        cairo_move_to(cr_, kLeft, 54);
        cairo_line_to(cr_, kPageW - kRight, 54);
        cairo_stroke(cr_);
        black();
    }

    void ensure(double h) {
        if (y_ + h > kLimit && y_ > kTop + 1) next_page();
    }

    void grey(double v) { cairo_set_source_rgb(cr_, v, v, v); }
    void black() { cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1); }

    void cover() {
        started_ = true;
        page_ = 0;
        TextStyle st;
        st.size = 26;
        st.bold = true;
        st.width = kWidth;
        st.align = TextAlign::Center;
        TextLayout t(cr_, title_, st);
        black();
        t.draw(cr_, kLeft, kPageH * 0.32);
        TextStyle sub;
        sub.size = 15;
        sub.width = kWidth;
        sub.align = TextAlign::Center;
        TextLayout dep(cr_, d_.department, sub);
        grey(0.25);
        dep.draw(cr_, kLeft, kPageH * 0.32 + t.height() + 28);
        cairo_set_line_width(cr_, 1.2);
        cairo_set_source_rgb(cr_, 0.12, 0.37, 0.66);
        cairo_move_to(cr_, kLeft + kWidth * 0.3, kPageH * 0.32 - 24);
        cairo_line_to(cr_, kLeft + kWidth * 0.7, kPageH * 0.32 - 24);
        cairo_stroke(cr_);
    }

    // ---- table of contents

    // Entries with dotted leaders and page numbers, each a link to its heading. The first pass
    // leaves the pages blank: it is what finds the page numbers.
    //
    // Two limits of cairo 1.16 shape the links. A link to a page by number is written when its
    // own page ends, and a later page is not known then: the link comes out with no target. So
    // each entry links to a named destination, set where its heading is drawn (dest_name), which
    // cairo resolves when the document ends. And every link reserves an object number for a
    // structure element that cairo writes only when the document has some structure besides
    // links: links alone leave those numbers in the cross-reference table pointing at other
    // objects, a damaged file. The contents are therefore tagged as what they are, TOC with one
    // TOCI per entry, and cairo writes the elements it reserved.
    void draw_toc() {
        int drawn = 0;
        next_page();
        TextStyle h;
        h.size = 18;
        h.bold = true;
        h.width = kWidth;
        h.align = TextAlign::Center;
        TextLayout head(cr_, "目  录", h);
        black();
        head.draw(cr_, kLeft, y_);
        y_ += head.height() + 24;
        if (toc_ && !toc_->empty()) {
            cairo_tag_begin(cr_, "TOC", "");
            for (size_t i = 0; i < toc_->size(); ++i) {
                const Mark& m = (*toc_)[i];
                if (y_ + kTocLine > kLimit) {
                    next_page();
                    ++drawn;
                }
                TextStyle st;
                st.size = m.level <= 1 ? 11 : 10;
                st.bold = m.level <= 1;
                double indent = m.level <= 1 ? 0 : 18;
                TextLayout name(cr_, m.text, st);
                TextLayout number(cr_, std::to_string(m.page), st);
                std::string link = fmt::format("dest='{}'", dest_name(i));
                cairo_tag_begin(cr_, "TOCI", "");
                cairo_tag_begin(cr_, CAIRO_TAG_LINK, link.c_str());
                black();
                name.draw(cr_, kLeft + indent, y_);
                double right = kLeft + kWidth - number.width();
                number.draw(cr_, right, y_);
                cairo_tag_end(cr_, CAIRO_TAG_LINK);
                cairo_tag_end(cr_, "TOCI");
                // Dotted leader between the name and the number.
                grey(0.55);
                for (double x = kLeft + indent + name.width() + 6; x < right - 6; x += 4) {
                    cairo_rectangle(cr_, x, y_ + name.height() * 0.7, 0.8, 0.8);
                }
                cairo_fill(cr_);
                y_ += kTocLine;
            }
            cairo_tag_end(cr_, "TOC");
        }
        // Keep the page count the first pass planned.
        while (drawn + 1 < toc_pages_) {
            next_page();
            ++drawn;
        }
    }

    // ---- blocks

    void block(size_t i) {
        const DocBlock& b = blocks_[i];
        switch (b.kind) {
            case DocBlock::Kind::Title: break;
            case DocBlock::Kind::Heading: heading(b); break;
            case DocBlock::Kind::Paragraph: {
                // A caption stays with its chart.
                if (b.caption && i + 1 < blocks_.size() && blocks_[i + 1].kind == DocBlock::Kind::Chart)
                    ensure(caption_height(b) + ChartSize{}.height + 12);
                paragraph(b);
                break;
            }
            case DocBlock::Kind::Chart: chart(b); break;
            case DocBlock::Kind::Table: table(b); break;
        }
    }

    // The named destination of the i-th contents entry.
    static std::string dest_name(size_t i) { return fmt::format("toc{}", i + 1); }

    void mark(const DocBlock& b, int level, const std::string& text) {
        if (!b.in_toc) return;
        marks_.push_back({level, text, page_, y_});
        if (toc_) {
            // Where the contents entry leads.
            std::string dest = fmt::format("name='{}' x={:.1f} y={:.1f}", dest_name(marks_.size() - 1), kLeft, y_);
            cairo_tag_begin(cr_, CAIRO_TAG_DEST, dest.c_str());
            cairo_tag_end(cr_, CAIRO_TAG_DEST);
            // Bookmarks: parts at the root, the rest under their part.
            std::string link = fmt::format("page={} pos=[{:.1f} {:.1f}]", page_ + 1, kLeft, y_);
            int parent = level <= 1 ? CAIRO_PDF_OUTLINE_ROOT : last_part_;
            int id = cairo_pdf_surface_add_outline(surface_, parent, text.c_str(), link.c_str(),
                                                   static_cast<cairo_pdf_outline_flags_t>(0));
            if (level <= 1) last_part_ = id;
        }
    }

    void heading(const DocBlock& b) {
        if (b.new_page && y_ > kTop + 1) next_page();
        TextStyle st;
        st.bold = true;
        st.width = kWidth;
        st.size = b.level == 1 ? 17 : b.level == 2 ? 13.5 : 11.5;
        if (b.level == 1) st.align = TextAlign::Center;
        TextLayout l(cr_, b.text, st);
        double before = b.level == 1 ? 6 : b.level == 2 ? 12 : 6;
        ensure(before + l.height() + 48);  // a heading keeps some text with it
        if (y_ > kTop + 1) y_ += before;
        mark(b, b.level, b.text);
        black();
        l.draw(cr_, kLeft, y_);
        y_ += l.height() + (b.level == 1 ? 16 : 6);
    }

    std::string paragraph_text(const DocBlock& b) const { return b.paragraph ? b.paragraph->text() : b.text; }

    double caption_height(const DocBlock& b) {
        TextStyle st;
        st.size = 10;
        st.width = kWidth;
        TextLayout l(cr_, paragraph_text(b), st);
        return l.height() + 6;
    }

    void paragraph(const DocBlock& b) {
        std::string text = paragraph_text(b);
        if (trim(text).empty()) return;
        TextStyle st;
        st.width = kWidth;
        if (b.caption) {
            st.size = 10;
            st.bold = true;
            st.align = TextAlign::Center;
        } else {
            st.size = kBodySize;
            st.serif = true;
            st.line_spacing = kBodySpacing;
            st.indent = 2 * kBodySize;
        }
        TextLayout l(cr_, text, st);
        flow(l);
        y_ += b.caption ? 4 : 5;
    }

    // Draws a layout line by line, continuing on the next page where the page ends.
    void flow(const TextLayout& l) {
        int n = l.line_count(), first = 0;
        black();
        for (int i = 0; i < n; ++i) {
            double bottom = l.line_top(i) + l.line_height(i) - l.line_top(first);
            if (y_ + bottom > kLimit && i > first) {
                l.draw_lines(cr_, kLeft, y_, first, i);
                next_page();
                black();
                first = i;
            }
        }
        l.draw_lines(cr_, kLeft, y_, first, n);
        y_ += l.line_top(n - 1) + l.line_height(n - 1) - l.line_top(first);
    }

    void chart(const DocBlock& b) {
        ChartSize size;
        size.width = std::min(size.width, kWidth);
        ensure(size.height + 8);
        cairo_save(cr_);
        cairo_translate(cr_, kLeft + (kWidth - size.width) / 2, y_);
        draw_chart(cr_, *b.chart, size);
        cairo_restore(cr_);
        y_ += size.height + 12;
    }

    // ---- tables

    struct Geometry {
        double font = 8;
        std::vector<double> widths;
        std::vector<double> heights;  // per grid row
    };

    TextStyle cell_style(const PrintedTable& t, int r, int c, double font) const {
        TextStyle st;
        st.size = font;
        const PrintedCell& cell = t.grid[r][c];
        bool head = r < t.header_rows;
        st.align = head ? TextAlign::Center : cell.amount ? TextAlign::Right : TextAlign::Left;
        st.bold = head || (cell.row && cell.row->role == RowRole::Total);
        return st;
    }

    double span_width(const Geometry& g, int c, int colspan) const {
        double w = 0;
        for (int k = c; k < c + colspan && k < static_cast<int>(g.widths.size()); ++k) w += g.widths[k];
        return w;
    }

    Geometry measure(const PrintedTable& t) {
        Geometry g;
        const int w = t.width();
        for (double font : {8.0, 7.5, 7.0, 6.5, 6.0}) {
            g.font = font;
            // floor: what a column cannot go below (its amounts and 行次 never wrap; text may wrap
            // down to four characters); natural: its widest cell on one line.
            std::vector<double> natural(w, 0), floor(w, 0);
            std::vector<bool> text(w, false);
            const double narrow = 4 * font + 2 * kCellPadX;
            for (int r = 0; r < static_cast<int>(t.grid.size()); ++r)
                for (int c = 0; c < w; ++c) {
                    if (t.covered(r, c)) continue;
                    const Merge* m = t.merge_at(r, c);
                    if (m && m->colspan > 1) continue;
                    const PrintedCell& cell = t.grid[r][c];
                    if (cell.text.empty()) continue;
                    TextStyle st = cell_style(t, r, c, font);
                    TextLayout l(cr_, cell.text, st);
                    double need = l.width() + 2 * kCellPadX + 1;
                    bool head = r < t.header_rows;
                    if (head) need = std::min(need, 5 * font + 2 * kCellPadX);  // headers wrap
                    if (!head && (cell.amount || cell.column == "line")) {
                        floor[c] = std::max(floor[c], need);
                    } else {
                        text[c] = true;
                        floor[c] = std::max(floor[c], std::min(need, narrow));
                    }
                    natural[c] = std::max(natural[c], need);
                }
            double floor_sum = 0, natural_sum = 0, text_natural = 0;
            for (int c = 0; c < w; ++c) {
                floor[c] = std::max(floor[c], 2 * font + 2 * kCellPadX);
                natural[c] = std::max(natural[c], floor[c]);
                floor_sum += floor[c];
                natural_sum += natural[c];
                if (text[c]) text_natural += natural[c];
            }
            if (floor_sum > kWidth && font > 6.0) continue;
            g.widths.assign(w, 0);
            if (natural_sum <= kWidth) {
                // Everything fits on one line: the spare width goes to the text columns (or to all).
                double spare = kWidth - natural_sum;
                double base = text_natural > 0 ? text_natural : natural_sum;
                for (int c = 0; c < w; ++c)
                    g.widths[c] = natural[c] + ((text_natural == 0 || text[c]) && base > 0 ? spare * natural[c] / base : 0);
            } else {
                double stretch = natural_sum - floor_sum;
                for (int c = 0; c < w; ++c)
                    g.widths[c] = floor[c] + (stretch > 0 ? (kWidth - floor_sum) * (natural[c] - floor[c]) / stretch : 0);
            }
            break;
        }
        // Row heights: the tallest single-row cell; cells spanning rows stretch their last row.
        g.heights.assign(t.grid.size(), 0);
        const double min_h = g.font * 1.5 + 2 * kCellPadY;
        std::vector<std::pair<const Merge*, double>> tall;
        for (int r = 0; r < static_cast<int>(t.grid.size()); ++r) {
            g.heights[r] = min_h;
            for (int c = 0; c < w; ++c) {
                if (t.covered(r, c)) continue;
                const Merge* m = t.merge_at(r, c);
                TextStyle st = cell_style(t, r, c, g.font);
                st.width = span_width(g, c, m ? m->colspan : 1) - 2 * kCellPadX;
                const std::string& text = t.grid[r][c].text;
                double h = text.empty() ? min_h : TextLayout(cr_, text, st).height() + 2 * kCellPadY;
                if (m && m->rowspan > 1)
                    tall.emplace_back(m, h);
                else
                    g.heights[r] = std::max(g.heights[r], h);
            }
        }
        for (auto [m, h] : tall) {
            double have = 0;
            for (int r = m->row; r < m->row + m->rowspan && r < static_cast<int>(g.heights.size()); ++r) have += g.heights[r];
            if (h > have) g.heights[std::min<int>(m->row + m->rowspan, static_cast<int>(g.heights.size())) - 1] += h - have;
        }
        return g;
    }

    // Draws grid rows [first, last) at y_, cells that span rows drawn down to `last` at most.
    void draw_rows(const PrintedTable& t, const Geometry& g, int first, int last) {
        const int w = t.width();
        std::vector<double> top(last - first + 1, y_);
        for (int r = first; r < last; ++r) top[r - first + 1] = top[r - first] + g.heights[r];
        for (int r = first; r < last; ++r) {
            double x = kLeft;
            for (int c = 0; c < w; ++c) {
                double cw = g.widths[c];
                bool covered = t.covered(r, c);
                // A cell covered by a merge that began on an earlier page is drawn again here.
                const Merge* m = t.merge_at(r, c);
                if (covered && r == first) {
                    for (const auto& mm : t.merges)
                        if (c == mm.col && r > mm.row && r < mm.row + mm.rowspan && mm.row < first) {
                            m = &mm;
                            covered = false;
                        }
                }
                if (covered) {
                    x += cw;
                    continue;
                }
                int colspan = m ? m->colspan : 1;
                int rowspan = m ? std::min(m->row + m->rowspan, last) - r : 1;
                double width = span_width(g, c, colspan);
                double height = top[r - first + rowspan] - top[r - first];
                bool head = r < t.header_rows;
                if (head) {
                    cairo_set_source_rgb(cr_, 0.93, 0.945, 0.96);
                    cairo_rectangle(cr_, x, top[r - first], width, height);
                    cairo_fill(cr_);
                }
                grey(0.2);
                cairo_set_line_width(cr_, 0.5);
                cairo_rectangle(cr_, x, top[r - first], width, height);
                cairo_stroke(cr_);
                const PrintedCell& cell = t.grid[m ? m->row : r][c];
                bool continued = m && m->row < r;  // the text stayed with the first part
                if (!cell.text.empty() && !continued) {
                    TextStyle st = cell_style(t, m ? m->row : r, c, g.font);
                    st.width = width - 2 * kCellPadX;
                    TextLayout l(cr_, cell.text, st);
                    black();
                    double ty = top[r - first] + std::max(kCellPadY, (height - l.height()) / 2);
                    l.draw(cr_, x + kCellPadX, ty);
                }
                x += cw;
            }
        }
        y_ = top.back();
    }

    // The rows [r, end) that must stay together with row r: those a merged cell starting at r spans.
    int group_end(const PrintedTable& t, int r) const {
        int end = r + 1;
        bool grew = true;
        while (grew) {
            grew = false;
            for (const auto& m : t.merges)
                if (m.row >= r && m.row < end && m.row + m.rowspan > end && m.row >= t.header_rows) {
                    end = m.row + m.rowspan;
                    grew = true;
                }
        }
        return std::min<int>(end, static_cast<int>(t.grid.size()));
    }

    void table_lines(const PrintedTable& t) {
        // 公开01表 at the right; 部门 at the left and 金额单位 at the right of one line.
        std::string left, right;
        for (const auto& l : t.lines) {
            TextStyle st;
            st.size = 9;
            st.width = kWidth;
            bool is_left = l.rfind("部门", 0) == 0;
            bool is_unit = l.find("单位") != std::string::npos && !is_left;
            if (!is_left && !is_unit) {
                st.align = TextAlign::Right;
                TextLayout x(cr_, l, st);
                grey(0.25);
                x.draw(cr_, kLeft, y_);
                y_ += x.height() + 2;
                continue;
            }
            (is_left ? left : right) = l;
        }
        if (!left.empty() || !right.empty()) {
            TextStyle st;
            st.size = 9;
            st.width = kWidth;
            TextLayout a(cr_, left, st);
            st.align = TextAlign::Right;
            TextLayout b(cr_, right, st);
            grey(0.25);
            a.draw(cr_, kLeft, y_);
            b.draw(cr_, kLeft, y_);
            y_ += std::max(a.height(), b.height()) + 3;
        }
    }

    void table(const DocBlock& b) {
        const PrintedTable& t = *b.table;
        Geometry g = measure(t);
        TextStyle ts;
        ts.size = 13;
        ts.bold = true;
        ts.width = kWidth;
        ts.align = TextAlign::Center;
        TextLayout title(cr_, t.title, ts);
        double header_h = std::accumulate(g.heights.begin(), g.heights.begin() + t.header_rows, 0.0);
        double first_rows = 0;
        for (int r = t.header_rows; r < std::min<int>(t.header_rows + 3, static_cast<int>(t.grid.size())); ++r)
            first_rows += g.heights[r];
        if (b.new_page && y_ > kTop + 1) next_page();
        // A form without header rows (a project's self-evaluation) is kept whole where it fits.
        double whole = std::accumulate(g.heights.begin(), g.heights.end(), 0.0);
        double need = title.height() + 40 + (t.header_rows == 0 && whole < kLimit - kTop - 60 ? whole : header_h + first_rows);
        ensure(need);
        if (y_ > kTop + 1) y_ += 8;
        if (!t.title.empty()) {
            mark(b, 2, t.title);
            black();
            title.draw(cr_, kLeft, y_);
            y_ += title.height() + 6;
        }
        table_lines(t);
        if (t.header_rows > 0) draw_rows(t, g, 0, t.header_rows);
        int r = t.header_rows;
        const int n = static_cast<int>(t.grid.size());
        while (r < n) {
            int end = group_end(t, r);
            double h = std::accumulate(g.heights.begin() + r, g.heights.begin() + end, 0.0);
            if (y_ + h > kLimit && h <= kLimit - kTop - header_h - 20) {
                continued(t, g);
            } else if (y_ + h > kLimit) {
                end = r + 1;  // a group taller than a page breaks row by row
                if (y_ + g.heights[r] > kLimit) continued(t, g);
            }
            draw_rows(t, g, r, end);
            r = end;
        }
        if (!t.note.empty()) {
            TextStyle st;
            st.size = 8.5;
            st.width = kWidth;
            TextLayout l(cr_, t.note, st);
            y_ += 4;
            ensure(l.height());
            grey(0.25);
            flow(l);
        }
        y_ += 10;
    }

    // A table goes on: a new page, 续表 and the table's title, its header rows again.
    void continued(const PrintedTable& t, const Geometry& g) {
        next_page();
        TextStyle st;
        st.size = 9;
        st.width = kWidth;
        TextLayout l(cr_, "续表：" + t.title, st);
        grey(0.25);
        l.draw(cr_, kLeft, y_);
        y_ += l.height() + 3;
        if (t.header_rows > 0) draw_rows(t, g, 0, t.header_rows);
    }

    const Disclosure& d_;
    const std::vector<DocBlock>& blocks_;
    cairo_surface_t* surface_;
    const std::vector<Mark>* toc_;
    int toc_pages_;
    cairo_t* cr_;
    std::string title_;
    int page_ = 0;
    bool started_ = false;
    double y_ = kTop;
    int last_part_ = CAIRO_PDF_OUTLINE_ROOT;
    std::vector<Mark> marks_;
};

}  // namespace

std::string write_pdf(const Disclosure& d) {
    auto blocks = document_outline(d);
    size_t entries = std::count_if(blocks.begin(), blocks.end(), [](const DocBlock& b) { return b.in_toc; });
    const int toc_pages = toc_page_count(entries);
    // First pass: where everything lands, on a surface that only records.
    std::vector<Mark> marks;
    {
        cairo_surface_t* s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
        PdfPass pass(d, blocks, s, nullptr, toc_pages);
        pass.run();
        marks = pass.marks();
        cairo_surface_destroy(s);
    }
    std::string out;
    cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append, &out, kPageW, kPageH);
    cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
    // The dates come from the accounts' year, so the same books give the same bytes.
    std::string date = fmt::format("{}-12-31T00:00:00", d.year > 0 ? d.year : 2000);
    std::string title = blocks.empty() ? d.department : blocks.front().text;
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, d.department.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, "部门决算");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "juesuan");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    {
        PdfPass pass(d, blocks, s, &marks, toc_pages);
        pass.run();
    }
    cairo_surface_finish(s);
    cairo_status_t status = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(fmt::format("生成 PDF 失败：{}", cairo_status_to_string(status)));
    return out;
}

}  // namespace juesuan
