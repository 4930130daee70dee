// The charts of 情况说明 (图1–图6), drawn once with cairo and pango and emitted into every surface:
// vector into the PDF, SVG inside the HTML, PNG where a raster is needed.
#pragma once

#include <string>

#include "model/narrative.h"

typedef struct _cairo cairo_t;

namespace juesuan {

// Size of a chart in points (1/72 inch).
struct ChartSize {
    double width = 440, height = 230;
};

// Draws the chart with its top-left corner at the current origin of `cr`.
void draw_chart(cairo_t* cr, const Chart& c, ChartSize size = {});
// A standalone SVG document; ids are prefixed with `id_prefix` so several charts can live in
// one HTML page.
std::string chart_svg(const Chart& c, const std::string& id_prefix, ChartSize size = {});
// A PNG at `scale` pixels per point.
std::string chart_png(const Chart& c, double scale = 2, ChartSize size = {});

}  // namespace juesuan
