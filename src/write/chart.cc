#include "write/chart.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include <cairo-svg.h>
#include <fmt/format.h>

#include "core/money.h"
#include "core/ratio.h"
#include "write/cairo_text.h"

namespace juesuan {

namespace {

struct Rgb {
    double r, g, b;
};

// Muted colours that print well in grey too.
const Rgb kPalette[] = {{0.18, 0.43, 0.71}, {0.89, 0.55, 0.17}, {0.36, 0.65, 0.36}, {0.75, 0.31, 0.30},
                        {0.50, 0.39, 0.64}, {0.29, 0.67, 0.78}, {0.61, 0.73, 0.35}, {0.97, 0.59, 0.27}};

void set_colour(cairo_t* cr, size_t i) {
    const Rgb& c = kPalette[i % (sizeof kPalette / sizeof kPalette[0])];
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

void label(cairo_t* cr, const std::string& s, double x, double y, double size, TextAlign a, double width = -1) {
    TextStyle st;
    st.size = size;
    st.align = a;
    st.width = width;
    TextLayout l(cr, s, st);
    double w = width > 0 ? width : l.width();
    double left = a == TextAlign::Center ? x - w / 2 : a == TextAlign::Right ? x - w : x;
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    l.draw(cr, left, y);
}

// A step of 1, 2 or 5 × 10^k 分 that divides [0, max] into at most five intervals.
std::int64_t nice_step(std::int64_t max) {
    if (max <= 0) return 1'000'000;  // 100 万元
    std::int64_t step = 1;
    for (;;) {
        for (std::int64_t m : {1, 2, 5})
            if (max <= step * m * 5) return step * m;
        step *= 10;
    }
}

void draw_bars(cairo_t* cr, const Chart& c, ChartSize size) {
    const double left = 58, right = 12, top = 28, bottom = 34;
    const double pw = size.width - left - right, ph = size.height - top - bottom;
    std::int64_t max = 0;
    for (const auto& i : c.items)
        for (auto v : i.values) max = std::max(max, v);
    std::int64_t step = nice_step(max);
    std::int64_t top_value = std::max<std::int64_t>(step, (max + step - 1) / step * step);
    auto y_of = [&](std::int64_t v) { return top + ph - ph * static_cast<double>(v) / static_cast<double>(top_value); };

    // Grid and axis labels.
    cairo_set_line_width(cr, 0.5);
    for (std::int64_t v = 0; v <= top_value; v += step) {
        double y = y_of(v);
        cairo_set_source_rgb(cr, v == 0 ? 0.3 : 0.85, v == 0 ? 0.3 : 0.85, v == 0 ? 0.3 : 0.85);
        cairo_move_to(cr, left, y);
        cairo_line_to(cr, left + pw, y);
        cairo_stroke(cr);
        label(cr, format_wan_trimmed(Money::from_fen(v)), left - 4, y - 6, 8, TextAlign::Right);
    }
    // Legend, top right.
    double lx = left + pw;
    for (size_t s = c.series.size(); s-- > 0;) {
        TextStyle st;
        st.size = 8.5;
        TextLayout l(cr, c.series[s], st);
        lx -= l.width();
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        l.draw(cr, lx, 4);
        lx -= 14;
        set_colour(cr, s);
        cairo_rectangle(cr, lx, 7, 10, 8);
        cairo_fill(cr);
        lx -= 12;
    }
    // Bars, grouped by item, with their amounts above.
    const size_t n = std::max<size_t>(1, c.items.size()), ns = std::max<size_t>(1, c.series.size());
    const double group = pw / static_cast<double>(n);
    const double bar = std::min(46.0, group * 0.7 / static_cast<double>(ns));
    for (size_t i = 0; i < c.items.size(); ++i) {
        double x0 = left + group * static_cast<double>(i) + (group - bar * static_cast<double>(ns)) / 2;
        for (size_t s = 0; s < c.items[i].values.size(); ++s) {
            std::int64_t v = std::max<std::int64_t>(0, c.items[i].values[s]);
            double x = x0 + bar * static_cast<double>(s);
            set_colour(cr, s);
            cairo_rectangle(cr, x + 1, y_of(v), bar - 2, y_of(0) - y_of(v));
            cairo_fill(cr);
            label(cr, format_wan_trimmed(Money::from_fen(c.items[i].values[s])), x + bar / 2, y_of(v) - 12, 7.5,
                  TextAlign::Center);
        }
        label(cr, c.items[i].label, left + group * (static_cast<double>(i) + 0.5), top + ph + 5, 8.5, TextAlign::Center,
              group - 4);
    }
}

void draw_pie(cairo_t* cr, const Chart& c, ChartSize size) {
    std::int64_t total = 0;
    for (const auto& i : c.items) total += std::max<std::int64_t>(0, i.values.front());
    const double r = std::min(size.height / 2 - 20, size.width * 0.2);
    const double cx = 16 + r, cy = size.height / 2;
    double angle = -M_PI / 2;
    int positive = 0;
    for (const auto& i : c.items) positive += i.values.front() > 0;
    for (size_t i = 0; i < c.items.size(); ++i) {
        std::int64_t v = std::max<std::int64_t>(0, c.items[i].values.front());
        if (total <= 0 || v == 0) continue;
        double sweep = 2 * M_PI * static_cast<double>(v) / static_cast<double>(total);
        set_colour(cr, i);
        cairo_move_to(cr, cx, cy);
        cairo_arc(cr, cx, cy, r, angle, angle + sweep);
        cairo_close_path(cr);
        if (positive > 1) {
            // White seams between slices; a single slice is a whole disc without one.
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 1);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
        angle += sweep;
    }
    // Legend: name, amount and share, the share computed exactly and rounded half-up.
    const double lx = cx + r + 24, line = 16;
    double ly = cy - line * static_cast<double>(c.items.size()) / 2;
    for (size_t i = 0; i < c.items.size(); ++i) {
        std::int64_t v = c.items[i].values.front();
        auto share = percent_of(v, total);
        set_colour(cr, i);
        cairo_rectangle(cr, lx, ly + 3, 10, 8);
        cairo_fill(cr);
        label(cr,
              fmt::format("{}  {} 万元  {}", c.items[i].label, format_wan_trimmed(Money::from_fen(v)),
                          share ? format_percent(*share) : "—"),
              lx + 14, ly, 8.5, TextAlign::Left, size.width - lx - 14);
        ly += line;
    }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void draw_chart(cairo_t* cr, const Chart& c, ChartSize size) {
    cairo_save(cr);
    set_stable_font_options(cr);
    if (c.kind == "pie")
        draw_pie(cr, c, size);
    else
        draw_bars(cr, c, size);
    cairo_restore(cr);
}

std::string chart_svg(const Chart& c, const std::string& id_prefix, ChartSize size) {
    std::string out;
    cairo_surface_t* s = cairo_svg_surface_create_for_stream(append, &out, size.width, size.height);
    cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
    cairo_t* cr = cairo_create(s);
    draw_chart(cr, c, size);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    // cairo numbers surfaces and glyphs with process-wide counters, and one page holds several
    // charts: ids are renamed in order of appearance, under the caller's prefix.
    std::map<std::string, std::string> ids;
    std::regex id_re("id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(out.begin(), out.end(), id_re); it != std::sregex_iterator(); ++it)
        ids.emplace((*it)[1].str(), fmt::format("{}{}", id_prefix, ids.size() + 1));
    std::regex ref_re("(id=\"|href=\"#|url\\(#)([^\")]+)");
    std::string renamed;
    auto last = out.cbegin();
    for (auto it = std::sregex_iterator(out.begin(), out.end(), ref_re); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        renamed.append(last, m[0].first);
        auto found = ids.find(m[2].str());
        renamed += m[1].str() + (found != ids.end() ? found->second : m[2].str());
        last = m[0].second;
    }
    renamed.append(last, out.cend());
    out = std::move(renamed);
    // Inline in HTML: drop the XML declaration.
    if (out.rfind("<?xml", 0) == 0) out.erase(0, out.find('\n') + 1);
    return out;
}

std::string chart_png(const Chart& c, double scale, ChartSize size) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(size.width * scale),
                                                    static_cast<int>(size.height * scale));
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    draw_chart(cr, c, size);
    cairo_destroy(cr);
    std::string out;
    cairo_surface_write_to_png_stream(s, append, &out);
    cairo_surface_destroy(s);
    return out;
}

}  // namespace juesuan
