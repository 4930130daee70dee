#include "check/structure_checks.h"

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

namespace {

std::vector<std::string> code_points_of(const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

FindingLocation at(const PrintedLine& l) {
    FindingLocation where;
    place_finding_at(where, l.place);
    where.quote = l.text;
    return where;
}

// Years printed as "2023 年" / "2023年度" in a text, with whether each is a comparison's
// ("与2023年度相比", "比2023年", "较上年"): those name another year on purpose.
struct PrintedYear {
    int year = 0;
    bool compared = false;
};
std::vector<PrintedYear> years_in(const std::string& text) {
    std::vector<PrintedYear> out;
    const std::string k = label_key(text);
    for (size_t i = 0; i + 4 <= k.size(); ++i) {
        if (!all_digits(k.substr(i, 4)) || (i > 0 && std::isdigit(static_cast<unsigned char>(k[i - 1]))) ||
            (i + 4 < k.size() && std::isdigit(static_cast<unsigned char>(k[i + 4]))) || k.compare(i + 4, 3, "年") != 0)
            continue;
        const std::string before = k.substr(i >= 6 ? i - 6 : 0, i >= 6 ? 6 : i);
        const std::string after = k.substr(i + 4, 15);
        PrintedYear y{std::stoi(k.substr(i, 4)),
                      before.ends_with("与") || before.ends_with("比") || before.ends_with("较") || before.ends_with("同") ||
                          after.find("相比") != std::string::npos || after.find("比较") != std::string::npos};
        out.push_back(y);
    }
    return out;
}

void check_names(const Disclosure& d, bool placeholders, std::vector<Problem>& out, int& evals) {
    if (placeholders && has_placeholder_mark(d.department)) {
        ++evals;
        FindingLocation where;
        if (!d.source.headings.empty()) where = at(d.source.headings.front());
        out.push_back({where, fmt::format("封面的部门名称“{}”是模板的占位符，未填写本部门的名称", d.department), "本部门的名称",
                       d.department, ""});
    }
    for (const auto& n : d.source.names) {
        ++evals;
        if (placeholders) {
            if (has_placeholder_mark(n.text))
                out.push_back({at(n), fmt::format("{}所印的部门名称“{}”是模板的占位符", n.what, n.text), "本部门的名称", n.text, ""});
        } else if (!has_placeholder_mark(n.text) && !d.department.empty() && !same_organisation(n.text, d.department)) {
            out.push_back({at(n), fmt::format("{}所印的部门名称“{}”与封面的“{}”不是同一个名称", n.what, n.text, d.department),
                           d.department, n.text, ""});
        }
    }
}

void check_years(const Disclosure& d, std::vector<Problem>& out, int& evals) {
    if (d.year == 0) return;
    for (const auto& h : d.source.headings)
        for (const auto& y : years_in(h.text)) {
            ++evals;
            if (y.compared || y.year == d.year) continue;
            out.push_back({at(h), fmt::format("{}的标题“{}”写的是 {} 年，本决算是 {} 年度", h.what, h.text, y.year, d.year),
                           std::to_string(d.year), std::to_string(y.year), ""});
        }
}

// "截至2024年12月31日": a stock (assets, vehicles, staff) as at the end of the report year.
void check_as_of(const Disclosure& d, std::vector<Problem>& out, int& evals) {
    if (d.year == 0) return;
    for (const auto& s : d.narrative.sections)
        for (const auto& p : s.paragraphs)
            for (const auto& sentence : p.sentences) {
                const std::string k = label_key(sentence.text);
                for (std::string_view word : {"截至", "截止"})
                    for (size_t i = k.find(word); i != std::string::npos; i = k.find(word, i + word.size())) {
                        size_t j = i + word.size();
                        if (k.compare(j, 3, "到") == 0) j += 3;
                        if (j + 7 > k.size() || !all_digits(k.substr(j, 4)) || k.compare(j + 4, 3, "年") != 0) continue;
                        ++evals;
                        const int year = std::stoi(k.substr(j, 4));
                        size_t m = j + 7, digits = 0;
                        while (m + digits < k.size() && std::isdigit(static_cast<unsigned char>(k[m + digits])) && digits < 2) ++digits;
                        const bool has_month = digits > 0 && k.compare(m + digits, 3, "月") == 0;
                        const int month = has_month ? std::stoi(k.substr(m, digits)) : 0;
                        int day = 0;
                        if (has_month) {
                            size_t dd = m + digits + 3, n = 0;
                            while (dd + n < k.size() && std::isdigit(static_cast<unsigned char>(k[dd + n])) && n < 2) ++n;
                            if (n > 0 && k.compare(dd + n, 3, "日") == 0) day = std::stoi(k.substr(dd, n));
                        }
                        const bool year_end = year == d.year && (!has_month || (month == 12 && (day == 0 || day == 31)));
                        if (year_end) continue;
                        FindingLocation where;
                        where.section = s.id;
                        where.quote = sentence.text;
                        const std::string said = has_month ? fmt::format("{} 年 {} 月{}", year, month, day ? fmt::format(" {} 日", day) : "")
                                                           : fmt::format("{} 年", year);
                        out.push_back({where, fmt::format("“{}”的时点是 {}，应为本决算年度的年末（{} 年 12 月 31 日）", word, said, d.year),
                                       fmt::format("{} 年 12 月 31 日", d.year), said, ""});
                    }
            }
}

void check_contents(const Disclosure& d, std::vector<Problem>& out, int& evals) {
    for (const auto& e : d.source.contents) {
        ++evals;
        if (e.found) continue;
        // An entry for a part: the part's heading as the body prints it, when it does.
        const PrintedLine* heading = nullptr;
        for (const auto& h : d.source.headings)
            if (h.what.ends_with("部分") && label_key(e.text).starts_with(label_key(h.what))) heading = &h;
        out.push_back({at(e),
                       heading ? fmt::format("目录中的“{}”与正文{}的标题“{}”不一致", e.text, heading->what, heading->text)
                               : fmt::format("目录中的“{}”在正文中没有找到", e.text),
                       heading ? heading->text : e.text, heading ? e.text : "", ""});
    }
}

}  // namespace

bool same_organisation(const std::string& a, const std::string& b) {
    const std::string x = label_key(a), y = label_key(b);
    if (x == y) return true;
    const auto ca = code_points_of(x), cb = code_points_of(y);
    const auto& shorter = ca.size() <= cb.size() ? ca : cb;
    const auto& longer = ca.size() <= cb.size() ? cb : ca;
    if (shorter.size() < 2 || longer.size() < 2) return false;
    // The kind of body, at the end (局, 办公室, 街道办事处): the same in both.
    if (shorter[shorter.size() - 1] != longer[longer.size() - 1] || shorter[shorter.size() - 2] != longer[longer.size() - 2])
        return false;
    size_t j = 0;
    for (size_t i = 0; i < longer.size() && j < shorter.size(); ++i)
        if (longer[i] == shorter[j]) ++j;
    return j == shorter.size();
}

const std::vector<NamedCheck>& structure_checks() {
    static const std::vector<NamedCheck> list = {
        {"names", "封面、各部分标题与各表表头所印的部门名称是同一个名称（可省去“人民”“上海市”等字）"},
        {"placeholders", "部门名称不是模板的占位符（XX局、××单位、某某）"},
        {"years", "封面、各部分、各表与各节标题中的年度都是本决算年度（“与2023年度相比”等比较不算）"},
        {"as_of", "“截至……”所说的时点是本决算年度的年末（12 月 31 日）"},
        {"contents", "目录中的每一项在正文中都有"},
    };
    return list;
}

std::vector<Problem> check_structure(const Disclosure& d, const std::string& what, int& evals) {
    std::vector<Problem> out;
    if (what == "names" || what == "placeholders") check_names(d, what == "placeholders", out, evals);
    else if (what == "years") check_years(d, out, evals);
    else if (what == "as_of") check_as_of(d, out, evals);
    else if (what == "contents") check_contents(d, out, evals);
    return out;
}

}  // namespace juesuan
