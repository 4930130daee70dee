// Text on cairo surfaces through pango, with the Noto CJK fonts and settings that make the
// same input lay out the same way every time (no hinting of metrics).
#pragma once

#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace juesuan {

enum class TextAlign { Left, Center, Right };

struct TextStyle {
    double size = 10;  // points
    bool bold = false;
    bool serif = false;  // body text in Noto Serif CJK, headings and tables in Noto Sans CJK
    TextAlign align = TextAlign::Left;
    double width = -1;  // wrap width in points; < 0: one line
    double line_spacing = 1.0;  // a factor of the natural line height
    double indent = 0;          // first-line indent in points (2 characters for body text)
};

// A pango layout owned by this object.
class TextLayout {
public:
    TextLayout(cairo_t* cr, const std::string& text, const TextStyle& style);
    ~TextLayout();
    TextLayout(const TextLayout&) = delete;
    TextLayout& operator=(const TextLayout&) = delete;

    double width() const;   // of the ink-independent logical extents, in points
    double height() const;
    int line_count() const;
    // The top and height of line i, in points from the top of the layout.
    double line_top(int i) const;
    double line_height(int i) const;
    // Draws with the layout's top-left at (x, y); lines [first, last) only when given.
    void draw(cairo_t* cr, double x, double y) const;
    void draw_lines(cairo_t* cr, double x, double y, int first, int last) const;
    PangoLayout* get() const { return layout_; }

private:
    PangoLayout* layout_;
};

// Sets the font options that keep layout identical across runs and surfaces.
void set_stable_font_options(cairo_t* cr);

}  // namespace juesuan
