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
SampleBooks generate_sample(int subjects, std::uint64_t seed, const Template& tpl, const Catalogs& catalogs);

}  // namespace juesuan
