// A seeded generator of consistent synthetic departments: many 类/款/项 across
// several 类, several funds, some empty tables, projects with indicators. Later
// tests and benchmarks scale on it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/catalog.h"
#include "model/facts.h"
#include "model/template.h"

namespace juesuan {

struct SampleBooks {
    Facts facts;
    std::vector<CatalogEntry> extra_catalog;  // synthetic subjects the catalog lacks (written as catalog.csv)
};

// The same (subjects, seed) always gives the same books. Every identity of the
// nine tables holds: income + carry-overs balance expenditure fund by fund.
// With max_rounding_drift, every generated amount ends in half a 0.01 万元 (…5000 分), so that
// rounding to 万元 drifts as far as it can: the worst case for the checks' tolerance.
SampleBooks generate_sample(int subjects, std::uint64_t seed, const Template& tpl, const Catalogs& catalogs,
                            bool max_rounding_drift = false);

}  // namespace juesuan
