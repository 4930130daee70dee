#include "derive/measures.h"

namespace juesuan {

namespace {

const char* kIncomeFields[] = {"fiscal_gpb", "fiscal_gf", "fiscal_soc", "superior",
                               "business",   "operating", "affiliated", "other"};
const char* kExpenditureFields[] = {"basic", "project", "to_superior", "operating", "to_affiliated"};
const char* kFunds[] = {"gpb", "gf", "soc"};
const char* kKinds[] = {"basic", "project"};
const char* kCarryFunds[] = {"gpb", "gf", "soc", "nonfiscal", "fiscal", "all"};
const char* kCarryFields[] = {"begin", "use", "distribution", "end"};
const char* kSanGongItems[] = {"abroad", "car_purchase", "car_operation", "reception_domestic", "reception_abroad"};

}  // namespace

const std::set<std::string, std::less<>>& Measures::names() {
    static const std::set<std::string, std::less<>> all = [] {
        std::set<std::string, std::less<>> s;
        for (auto f : kIncomeFields) s.insert(std::string("income.") + f);
        for (auto f : kExpenditureFields) s.insert(std::string("exp.") + f);
        for (auto f : kFunds)
            for (auto k : kKinds) s.insert(std::string("fexp.") + f + "." + k);
        for (auto f : kCarryFunds)
            for (auto k : kCarryFields) s.insert(std::string("carry.") + f + "." + k);
        s.insert("econ.amount");
        for (auto i : kSanGongItems) {
            s.insert(std::string("sangong.budget.") + i);
            s.insert(std::string("sangong.actual.") + i);
        }
        return s;
    }();
    return all;
}

bool Measures::known(std::string_view name) { return names().count(name) > 0; }

void Measures::add(const std::string& name, const std::string& subject, Money amount) {
    data_[name][subject] += amount;
}

Measures::Measures(const Facts& f) {
    for (const auto& l : f.income)
        for (const auto& [k, v] : l.amounts) add("income." + k, l.code, v);
    for (const auto& l : f.expenditure)
        for (const auto& [k, v] : l.amounts) add("exp." + k, l.code, v);
    for (const auto& l : f.fiscal_expenditure)
        for (const auto& [k, v] : l.amounts) add("fexp." + k, l.code, v);
    for (const auto& l : f.basic_economic)
        for (const auto& [k, v] : l.amounts) add("econ." + k, l.code, v);
    for (const auto& b : f.balances) {
        std::string fund(fund_key(b.fund));
        std::vector<std::string> targets = {fund, "all"};
        if (b.fund != Fund::NonFiscal) targets.push_back("fiscal");
        for (const auto& t : targets) {
            add("carry." + t + ".begin", b.code, b.begin);
            add("carry." + t + ".use", b.code, b.use);
            add("carry." + t + ".distribution", b.code, b.distribution);
            add("carry." + t + ".end", b.code, b.end);
        }
    }
    for (const auto& s : f.sangong) {
        if (s.budget) add("sangong.budget." + s.item, "", *s.budget);
        if (s.actual) add("sangong.actual." + s.item, "", *s.actual);
    }
}

Money Measures::sum(std::string_view name, std::string_view prefix) const {
    auto it = data_.find(name);
    if (it == data_.end()) return {};
    Money total;
    if (prefix.empty()) {
        for (const auto& [code, v] : it->second) total += v;
        return total;
    }
    for (auto s = it->second.lower_bound(std::string(prefix)); s != it->second.end(); ++s) {
        if (s->first.compare(0, prefix.size(), prefix) != 0) break;
        total += s->second;
    }
    return total;
}

std::vector<std::string> Measures::subjects(std::string_view name) const {
    std::vector<std::string> out;
    auto it = data_.find(name);
    if (it == data_.end()) return out;
    for (const auto& [code, v] : it->second)
        if (!code.empty() && !v.is_zero()) out.push_back(code);
    return out;
}

}  // namespace juesuan
