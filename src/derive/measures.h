// Measures: named amounts per subject, computed from Facts, that template
// expressions refer to (docs/templates.md lists them).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "model/facts.h"

namespace juesuan {

class Measures {
public:
    explicit Measures(const Facts& facts);

    // Every measure name a template may use.
    static const std::set<std::string, std::less<>>& names();
    static bool known(std::string_view name);

    // Σ of the measure over subjects whose code starts with prefix ("" = all).
    Money sum(std::string_view name, std::string_view prefix = {}) const;
    // Subject codes carrying a non-zero amount in the measure.
    std::vector<std::string> subjects(std::string_view name) const;

private:
    void add(const std::string& name, const std::string& subject, Money amount);
    std::map<std::string, std::map<std::string, Money>, std::less<>> data_;
};

}  // namespace juesuan
