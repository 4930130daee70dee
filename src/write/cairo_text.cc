#include "write/cairo_text.h"

#include <algorithm>

namespace juesuan {

void set_stable_font_options(cairo_t* cr) {
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
}

TextLayout::TextLayout(cairo_t* cr, const std::string& text, const TextStyle& style) {
    layout_ = pango_cairo_create_layout(cr);
    PangoContext* ctx = pango_layout_get_context(layout_);
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    PangoFontDescription* fd = pango_font_description_from_string(style.serif ? "Noto Serif CJK SC" : "Noto Sans CJK SC");
    pango_font_description_set_absolute_size(fd, style.size * PANGO_SCALE);
    pango_font_description_set_weight(fd, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, fd);
    pango_font_description_free(fd);
    if (style.width > 0) {
        pango_layout_set_width(layout_, static_cast<int>(style.width * PANGO_SCALE));
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    }
    if (style.indent != 0) pango_layout_set_indent(layout_, static_cast<int>(style.indent * PANGO_SCALE));
    if (style.line_spacing != 1.0) pango_layout_set_line_spacing(layout_, static_cast<float>(style.line_spacing));
    pango_layout_set_alignment(layout_, style.align == TextAlign::Center  ? PANGO_ALIGN_CENTER
                                        : style.align == TextAlign::Right ? PANGO_ALIGN_RIGHT
                                                                          : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
}

TextLayout::~TextLayout() { g_object_unref(layout_); }

double TextLayout::width() const {
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
}

double TextLayout::height() const {
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

int TextLayout::line_count() const { return pango_layout_get_line_count(layout_); }

namespace {

// The logical extents of line i in layout coordinates (Pango units).
PangoRectangle line_rect(PangoLayout* l, int i) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    for (int k = 0; k < i && pango_layout_iter_next_line(it); ++k) {
    }
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_free(it);
    return {0, y0, 0, y1 - y0};
}

}  // namespace

double TextLayout::line_top(int i) const { return static_cast<double>(line_rect(layout_, i).y) / PANGO_SCALE; }

double TextLayout::line_height(int i) const { return static_cast<double>(line_rect(layout_, i).height) / PANGO_SCALE; }

void TextLayout::draw(cairo_t* cr, double x, double y) const {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout_);
}

void TextLayout::draw_lines(cairo_t* cr, double x, double y, int first, int last) const {
    // Each line is drawn at its baseline, shifted so that line `first` starts at y.
    PangoLayoutIter* it = pango_layout_get_iter(layout_);
    double top = line_top(first);
    int i = 0;
    do {
        if (i >= first && i < last) {
            PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            int baseline = pango_layout_iter_get_baseline(it);
            cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE,
                          y + static_cast<double>(baseline) / PANGO_SCALE - top);
            pango_cairo_show_layout_line(cr, line);
        }
        ++i;
    } while (i < last && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

}  // namespace juesuan
