#include "layout/outline_reading.h"

#include <algorithm>

#include "core/text.h"

namespace juesuan {

namespace {

constexpr std::array<std::string_view, 5> kPartNumerals = {"一", "二", "三", "四", "五"};

bool is_line(const SourceItem& it) { return it.kind == SourceItem::Kind::Line; }

}  // namespace

int part_number(const std::string& line) {
    const std::string key = label_key(line);
    // A heading, not a sentence that refers to a part ("详见“第五部分 附件”").
    if (!key.starts_with("第") || key.find("。") != std::string::npos || code_points(key) > 48) return 0;
    for (size_t i = 0; i < kPartNumerals.size(); ++i) {
        const std::string head = std::string("第") + std::string(kPartNumerals[i]) + "部分";
        if (key.starts_with(head)) return static_cast<int>(i) + 1;
    }
    return 0;
}

const TableSpec* title_spec(const Template& tpl, const std::string& line, bool* continued) {
    std::string key = label_key(line);
    if (key.empty() || code_points(key) > 60 || key.find("。") != std::string::npos) return nullptr;
    bool cont = false;
    for (std::string_view mark : {"(续表)", "(续)", "续表"}) {
        if (key.ends_with(mark)) {
            key.resize(key.size() - mark.size());
            cont = true;
        }
    }
    const TableSpec* best = nullptr;
    size_t best_len = 0;
    for (const auto& spec : tpl.tables) {
        const std::string t = label_key(spec.title);
        if (t.empty() || !key.ends_with(t) || t.size() <= best_len) continue;
        // What stands before the title is a number or a year ("公开01表", "2023年度"), never
        // an item marker: "一、收入支出决算总表" is a line of the contents.
        std::string_view prefix(key.data(), key.size() - t.size());
        if (prefix.ends_with("、") || prefix.ends_with(".")) continue;
        best = &spec;
        best_len = t.size();
    }
    if (continued) *continued = cont;
    return best;
}

ReadOutline read_outline(const SourceDocument& doc, const Template& tpl) {
    ReadOutline out;
    const auto& items = doc.items;
    // The contents list the parts too: when 第一部分 opens twice, the first is the contents'.
    std::vector<size_t> firsts;
    for (size_t i = 0; i < items.size(); ++i)
        if (is_line(items[i]) && part_number(items[i].text) == 1) firsts.push_back(i);
    size_t from = 0;
    if (firsts.size() >= 2) {
        out.contents = {firsts[0], firsts[1]};
        // The contents' own heading (目录) just before.
        for (size_t i = firsts[0]; i-- > 0 && i + 4 > firsts[0];)
            if (is_line(items[i]) && label_key(items[i].text) == "目录") out.contents.begin = i;
        from = firsts[1];
    }
    // A part ends at the next part, and with its file when a document comes as several.
    auto file_end = [&](size_t i) {
        size_t e = i + 1;
        while (e < items.size() && items[e].place.file == items[i].place.file) ++e;
        return e;
    };
    int last = 0;
    for (size_t i = from; i < items.size(); ++i) {
        if (!is_line(items[i])) continue;
        int n = part_number(items[i].text);
        if (n <= last) continue;
        out.heading[static_cast<size_t>(n - 1)] = i;
        out.parts[static_cast<size_t>(n - 1)] = {i, file_end(i)};
        for (int k = 0; k < n - 1; ++k)
            if (!out.parts[static_cast<size_t>(k)].empty() && out.parts[static_cast<size_t>(k)].end > i)
                out.parts[static_cast<size_t>(k)].end = i;
        last = n;
    }
    // Tables: in part two when it is found, else anywhere outside the contents and the later parts.
    std::vector<bool> in_scope(items.size(), false);
    if (!out.parts[1].empty()) {
        for (size_t i = out.parts[1].begin; i < out.parts[1].end; ++i) in_scope[i] = true;
    } else {
        for (size_t i = out.contents.end; i < items.size(); ++i) in_scope[i] = true;
        for (size_t k = 2; k < 5; ++k)
            for (size_t i = out.parts[k].begin; i < out.parts[k].end; ++i) in_scope[i] = false;
    }
    auto scope_end = [&](size_t i) {
        while (i < items.size() && in_scope[i]) ++i;
        return i;
    };
    std::vector<std::pair<size_t, const TableSpec*>> titles;
    std::vector<bool> continued;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!in_scope[i] || !is_line(items[i])) continue;
        bool cont = false;
        if (const TableSpec* spec = title_spec(tpl, items[i].text, &cont)) {
            titles.emplace_back(i, spec);
            continued.push_back(cont);
        }
    }
    for (size_t k = 0; k < titles.size(); ++k) {
        const size_t end = scope_end(titles[k].first);
        ItemRange r{titles[k].first, k + 1 < titles.size() ? std::min(titles[k + 1].first, end) : end};
        // A table ends with its sheet of a workbook, and with its file when a document comes as several.
        const SourcePlace& at = items[r.begin].place;
        for (size_t i = r.begin + 1; i < r.end; ++i)
            if (items[i].place.sheet != at.sheet || items[i].place.file != at.file) {
                r.end = i;
                break;
            }
        auto it = std::find_if(out.tables.begin(), out.tables.end(),
                               [&](const TableExtent& e) { return e.spec == titles[k].second; });
        // A title printed again goes on the same table (a 续表, or the title repeated on each page).
        if (it != out.tables.end()) {
            it->ranges.push_back(r);
            continue;
        }
        out.tables.push_back({titles[k].second, {r}});
    }
    // A part whose heading the document does not print again (Shanghai prints no 第二部分 over
    // its tables) ends where the first table begins.
    if (!out.tables.empty()) {
        const size_t first = out.tables.front().ranges.front().begin;
        for (auto& p : out.parts)
            if (!p.empty() && p.begin < first && p.end > first) p.end = first;
    }
    return out;
}

int layout_score(const SourceDocument& doc, const Template& tpl) {
    ReadOutline o = read_outline(doc, tpl);
    auto numbered = [&](const TableExtent& t) {
        if (t.spec->number.empty()) return false;
        const std::string number = label_key(t.spec->number);
        for (const auto& r : t.ranges)
            for (size_t i = r.begin; i < r.end; ++i)
                if (is_line(doc.items[i]) && label_key(doc.items[i].text).find(number) != std::string::npos) return true;
        return false;
    };
    int score = 0;
    for (const auto& t : o.tables) score += 2 + (numbered(t) ? 1 : 0);
    return score;
}

}  // namespace juesuan
