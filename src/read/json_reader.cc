#include "read/json_reader.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/score.h"
#include "read/csv_file.h"

namespace juesuan {

namespace {

using json = nlohmann::json;

struct Ctx {
    std::string file;
    [[noreturn]] void fail(const std::string& path, const std::string& msg) const {
        throw InputError(Location{file, 0, 0, {}, path}, msg);
    }
    const json& need(const json& j, const char* key, const std::string& path) const {
        if (!j.is_object() || !j.contains(key)) fail(path, fmt::format("缺少“{}”", key));
        return j.at(key);
    }
    std::string str(const json& j, const char* key, const std::string& path, bool required = true) const {
        if (!j.contains(key)) {
            if (required) fail(path, fmt::format("缺少“{}”", key));
            return {};
        }
        const json& v = j.at(key);
        if (!v.is_string()) fail(path + "." + key, "应为字符串");
        return v.get<std::string>();
    }
};

TableKind kind_of(const Ctx& c, const std::string& k, const std::string& path) {
    if (k == "fixed") return TableKind::Fixed;
    if (k == "subject_tree") return TableKind::SubjectTree;
    if (k == "economic_detail") return TableKind::EconomicDetail;
    c.fail(path, fmt::format("未知的表类型“{}”", k));
}

RowRole role_of(const Ctx& c, const std::string& r, const std::string& path) {
    if (r == "item" || r.empty()) return RowRole::Item;
    if (r == "subtotal") return RowRole::Subtotal;
    if (r == "total") return RowRole::Total;
    if (r == "blank") return RowRole::Blank;
    c.fail(path, fmt::format("未知的行类型“{}”", r));
}

std::int64_t integer(const Ctx& c, const json& j, const char* key, const std::string& path) {
    const json& v = c.need(j, key, path);
    if (!v.is_number_integer()) c.fail(path + "." + key, "应为整数");
    return v.get<std::int64_t>();
}

bool boolean(const Ctx& c, const json& j, const char* key, const std::string& path) {
    if (!j.contains(key)) return false;
    if (!j.at(key).is_boolean()) c.fail(path + "." + key, "应为 true 或 false");
    return j.at(key).get<bool>();
}

Decimal decimal(const Ctx& c, const json& j, const char* key, const std::string& path) {
    auto d = parse_decimal(c.str(j, key, path));
    if (!d) c.fail(path + "." + key, "应为写成字符串的数，如 \"99.99\"");
    return *d;
}

Score score(const Ctx& c, const json& j, const char* key, const std::string& path) {
    return score_of(decimal(c, j, key, path));
}

// "99.95%" → 9995; "" → none
std::optional<Percent> percent(const Ctx& c, const json& j, const char* key, const std::string& path) {
    std::string s = c.str(j, key, path, false);
    if (s.empty()) return std::nullopt;
    std::string digits;
    for (char ch : s)
        if (ch != '%' && ch != ',') digits += ch;
    auto d = parse_decimal(digits);
    if (!d) c.fail(path + "." + key, "应为百分数，如 \"99.95%\"");
    return Percent{score_of(*d).hundredths};
}

void read_narrative(const Ctx& c, const json& n, Narrative& out) {
    if (!n.is_object()) c.fail("narrative", "应为对象");
    auto read_sections = [&](const char* key, std::vector<Section>& into) {
        if (n.contains(key)) {
            const json& sections = n.at(key);
            if (!sections.is_array()) c.fail(fmt::format("narrative.{}", key), "应为数组");
            for (size_t si = 0; si < sections.size(); ++si) {
                std::string spath = fmt::format("narrative.{}[{}]", key, si);
                const json& js = sections[si];
                Section s;
                s.id = c.str(js, "id", spath);
                s.title = c.str(js, "title", spath, false);
                s.project = c.str(js, "project", spath, false);
                const json& ps = c.need(js, "paragraphs", spath);
                if (!ps.is_array()) c.fail(spath + ".paragraphs", "应为数组");
                for (size_t pi = 0; pi < ps.size(); ++pi) {
                    std::string ppath = fmt::format("{}.paragraphs[{}]", spath, pi);
                    Paragraph p;
                    p.style = c.str(ps[pi], "style", ppath, false);
                    if (ps[pi].contains("chart")) {
                        const json& jc = ps[pi].at("chart");
                        std::string cpath = ppath + ".chart";
                        Chart ch;
                        ch.kind = c.str(jc, "kind", cpath);
                        if (ch.kind != "bar" && ch.kind != "pie") c.fail(cpath + ".kind", "应为 bar 或 pie");
                        const json& series = c.need(jc, "series", cpath);
                        if (!series.is_array()) c.fail(cpath + ".series", "应为字符串数组");
                        for (const auto& x : series) {
                            if (!x.is_string()) c.fail(cpath + ".series", "应为字符串数组");
                            ch.series.push_back(x.get<std::string>());
                        }
                        const json& items = c.need(jc, "items", cpath);
                        if (!items.is_array()) c.fail(cpath + ".items", "应为数组");
                        for (size_t ii = 0; ii < items.size(); ++ii) {
                            std::string ipath = fmt::format("{}.items[{}]", cpath, ii);
                            ChartItem item;
                            item.label = c.str(items[ii], "label", ipath);
                            const json& vs = c.need(items[ii], "values", ipath);
                            if (!vs.is_array()) c.fail(ipath + ".values", "应为整数数组（分）");
                            for (const auto& v : vs) {
                                if (!v.is_number_integer()) c.fail(ipath + ".values", "应为整数数组（分）");
                                item.values.push_back(v.get<std::int64_t>());
                            }
                            if (item.values.size() != std::max<size_t>(1, ch.series.size()))
                                c.fail(ipath + ".values", "每项的数值个数应与系列数相同");
                            ch.items.push_back(std::move(item));
                        }
                        p.chart = std::move(ch);
                    }
                    if (p.style.empty()) p.style = "text";
                    const json& xs = c.need(ps[pi], "sentences", ppath);
                    if (!xs.is_array()) c.fail(ppath + ".sentences", "应为数组");
                    for (size_t xi = 0; xi < xs.size(); ++xi) {
                        std::string xpath = fmt::format("{}.sentences[{}]", ppath, xi);
                        Sentence x;
                        x.text = c.str(xs[xi], "text", xpath);
                        if (xs[xi].contains("claims")) {
                            const json& cs = xs[xi].at("claims");
                            if (!cs.is_array()) c.fail(xpath + ".claims", "应为数组");
                            for (size_t ci = 0; ci < cs.size(); ++ci) {
                                std::string cpath = fmt::format("{}.claims[{}]", xpath, ci);
                                Claim k;
                                k.id = c.str(cs[ci], "id", cpath);
                                k.kind = c.str(cs[ci], "kind", cpath);
                                k.text = c.str(cs[ci], "text", cpath);
                                if (k.kind != "text") k.value = integer(c, cs[ci], "value", cpath);
                                k.unit = c.str(cs[ci], "unit", cpath, false);
                                k.states = c.str(cs[ci], "states", cpath, false);
                                k.offset = static_cast<size_t>(integer(c, cs[ci], "offset", cpath));
                                if (k.offset > x.text.size()) c.fail(cpath + ".offset", "位置超出了句子的长度");
                                x.claims.push_back(std::move(k));
                            }
                        }
                        if (xs[xi].contains("quoted"))
                            for (const auto& q : xs[xi].at("quoted")) {
                                if (!q.is_array() || q.size() != 2 || !q[0].is_number_unsigned() || !q[1].is_number_unsigned())
                                    c.fail(xpath + ".quoted", "应为 [位置, 长度] 的数组");
                                x.quoted.emplace_back(q[0].get<std::size_t>(), q[1].get<std::size_t>());
                            }
                        p.sentences.push_back(std::move(x));
                    }
                    s.paragraphs.push_back(std::move(p));
                }
                into.push_back(std::move(s));
            }
        }
    };
    read_sections("sections", out.sections);
    read_sections("reports", out.reports);
    if (n.contains("glossary") && !n.at("glossary").is_array()) c.fail("narrative.glossary", "应为数组");
    if (n.contains("glossary"))
        for (size_t i = 0; i < n.at("glossary").size(); ++i) {
            const json& g = n.at("glossary")[i];
            std::string path = fmt::format("narrative.glossary[{}]", i);
            out.glossary.push_back({c.str(g, "term", path), c.str(g, "definition", path, false), c.str(g, "code", path, false)});
        }
}

void read_funds(const Ctx& c, const json& j, const char* key, const std::string& path, Money& i, Money& f, Money& e) {
    const json& x = c.need(j, key, path);
    std::string p = path + "." + key;
    i = Money::from_fen(integer(c, x, "initial", p));
    f = Money::from_fen(integer(c, x, "full_year", p));
    e = Money::from_fen(integer(c, x, "executed", p));
}

void read_performance(const Ctx& c, const json& j, Performance& out) {
    if (!j.is_object()) c.fail("performance", "应为对象");
    if (j.contains("method")) {
        const json& m = j.at("method");
        ScoringMethod& sm = out.method;
        sm.execution_weight = decimal(c, m, "execution_weight", "performance.method");
        sm.partial = c.str(m, "partial", "performance.method");
        for (const auto& g : c.need(m, "grades", "performance.method")) {
            if (!g.is_array() || g.size() != 2 || !g[0].is_string() || !g[1].is_string())
                c.fail("performance.method.grades", "每一档应为 [\"90\", \"优\"]");
            auto min = parse_decimal(g[0].get<std::string>());
            if (!min) c.fail("performance.method.grades", "分数线应为数");
            sm.grades.push_back({*min, g[1].get<std::string>()});
        }
        if (m.contains("key_dimensions"))
            for (const auto& k : m.at("key_dimensions")) {
                ScoringMethod::Dimension d;
                d.name = c.str(k, "name", "performance.method.key_dimensions");
                d.weight = decimal(c, k, "weight", "performance.method.key_dimensions");
                d.basis = c.str(k, "basis", "performance.method.key_dimensions");
                if (k.contains("level1"))
                    for (const auto& l : k.at("level1")) d.level1.push_back(l.get<std::string>());
                sm.key_dimensions.push_back(d);
            }
    }
    if (!j.contains("projects")) return;
    const json& ps = j.at("projects");
    if (!ps.is_array()) c.fail("performance.projects", "应为数组");
    for (size_t pi = 0; pi < ps.size(); ++pi) {
        const json& jp = ps[pi];
        std::string path = fmt::format("performance.projects[{}]", pi);
        ProjectEvaluation p;
        p.name = c.str(jp, "name", path);
        p.department = c.str(jp, "department", path, false);
        p.implementer = c.str(jp, "implementer", path, false);
        p.category = c.str(jp, "category", path, false);
        p.detailed = boolean(c, jp, "detailed", path);
        p.key = boolean(c, jp, "key", path);
        const json& f = c.need(jp, "funds", path);
        read_funds(c, f, "total", path + ".funds", p.initial, p.full_year, p.executed);
        read_funds(c, f, "fiscal", path + ".funds", p.fiscal_initial, p.fiscal_full_year, p.fiscal_executed);
        read_funds(c, f, "carried", path + ".funds", p.carried_initial, p.carried_full_year, p.carried_executed);
        read_funds(c, f, "other", path + ".funds", p.other_initial, p.other_full_year, p.other_executed);
        p.rate = percent(c, jp, "rate", path);
        p.execution_weight = decimal(c, jp, "execution_weight", path);
        p.execution_score = score(c, jp, "execution_score", path);
        if (jp.contains("indicators") && !jp.at("indicators").is_array()) c.fail(path + ".indicators", "应为数组");
        if (jp.contains("indicators"))
            for (size_t ii = 0; ii < jp.at("indicators").size(); ++ii) {
                const json& ji = jp.at("indicators")[ii];
                std::string ip = fmt::format("{}.indicators[{}]", path, ii);
                ScoredIndicator i;
                i.level1 = c.str(ji, "level1", ip);
                i.level2 = c.str(ji, "level2", ip, false);
                i.level3 = c.str(ji, "level3", ip);
                i.op = c.str(ji, "op", ip);
                i.target = c.str(ji, "target", ip, false);
                i.actual = c.str(ji, "actual", ip, false);
                i.unit = c.str(ji, "unit", ip, false);
                i.weight = decimal(c, ji, "weight", ip);
                i.score = score(c, ji, "score", ip);
                i.met = boolean(c, ji, "met", ip);
                i.deviation = c.str(ji, "deviation", ip, false);
                p.indicators.push_back(std::move(i));
            }
        p.total = score(c, jp, "total", path);
        p.grade = c.str(jp, "grade", path, false);
        if (jp.contains("summary")) {
            p.summary_total = score(c, jp.at("summary"), "total", path + ".summary");
            p.summary_grade = c.str(jp.at("summary"), "grade", path + ".summary", false);
        } else {
            p.summary_total = p.total;
            p.summary_grade = p.grade;
        }
        p.goal = c.str(jp, "goal", path, false);
        p.outcome = c.str(jp, "outcome", path, false);
        p.review = c.str(jp, "review", path, false);
        if (jp.contains("key_evaluation")) {
            const json& k = jp.at("key_evaluation");
            std::string kp = path + ".key_evaluation";
            for (const auto& jd : c.need(k, "dimensions", kp))
                p.key_dimensions.push_back({c.str(jd, "name", kp), decimal(c, jd, "weight", kp), score(c, jd, "score", kp),
                                            percent(c, jd, "share", kp)});
            p.key_total = score(c, k, "total", kp);
            p.key_share = percent(c, k, "share", kp);
            p.key_grade = c.str(k, "grade", kp, false);
        }
        out.projects.push_back(std::move(p));
    }
}

}  // namespace

Disclosure parse_disclosure_json(const std::string& text, const std::string& shown) {
    Ctx c{shown};
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(Location{shown, 0, 0, {}, fmt::format("第 {} 个字节", e.byte)}, "JSON 格式错误：文件不是合法的 JSON");
    }
    if (!j.is_object()) c.fail("$", "顶层应为对象");
    std::string schema = c.str(j, "schema", "$");
    if (schema != "juesuan.disclosure/1")
        c.fail("schema", fmt::format("不支持的格式“{}”：应为 juesuan.disclosure/1", schema));
    Disclosure d;
    d.department = c.str(j, "department", "$");
    const json& year = c.need(j, "year", "$");
    if (!year.is_number_integer()) c.fail("year", "应为整数年份");
    d.year = year.get<int>();
    d.unit = c.str(j, "unit", "$", false);
    d.template_id = c.str(j, "template", "$", false);
    if (j.contains("precision")) {
        const json& p = j.at("precision");
        if (!p.is_number_integer() || (p.get<std::int64_t>() != 1 && p.get<std::int64_t>() != 10'000))
            c.fail("precision", "应为 1（从账簿编制，精确到分）或 10000（印刷为万元两位小数）");
        d.precision_fen = p.get<std::int64_t>();
    }
    const json& tables = c.need(j, "tables", "$");
    if (!tables.is_array()) c.fail("tables", "应为数组");
    for (size_t ti = 0; ti < tables.size(); ++ti) {
        const json& jt = tables[ti];
        std::string tpath = fmt::format("tables[{}]", ti);
        Table t;
        t.id = c.str(jt, "id", tpath);
        t.number = c.str(jt, "number", tpath, false);
        t.title = c.str(jt, "title", tpath);
        t.kind = kind_of(c, c.str(jt, "kind", tpath, false).empty() ? "fixed" : c.str(jt, "kind", tpath), tpath + ".kind");
        t.note = c.str(jt, "note", tpath, false);
        if (jt.contains("has_data")) {
            if (!jt.at("has_data").is_boolean()) c.fail(tpath + ".has_data", "应为 true 或 false");
            t.has_data = jt.at("has_data").get<bool>();
        }
        const json& cols = c.need(jt, "columns", tpath);
        if (!cols.is_array()) c.fail(tpath + ".columns", "应为数组");
        for (size_t ci = 0; ci < cols.size(); ++ci) {
            std::string cpath = fmt::format("{}.columns[{}]", tpath, ci);
            t.columns.push_back({c.str(cols[ci], "key", cpath), c.str(cols[ci], "label", cpath),
                                 c.str(cols[ci], "side", cpath, false), c.str(cols[ci], "group", cpath, false)});
        }
        const json& rows = c.need(jt, "rows", tpath);
        if (!rows.is_array()) c.fail(tpath + ".rows", "应为数组");
        for (size_t ri = 0; ri < rows.size(); ++ri) {
            const json& jr = rows[ri];
            std::string rpath = fmt::format("{}.rows[{}]", tpath, ri);
            Row r;
            if (jr.contains("line") && !jr.at("line").is_null()) {
                if (!jr.at("line").is_number_integer()) c.fail(rpath + ".line", "行次应为整数或 null");
                r.line = jr.at("line").get<int>();
            }
            if (jr.contains("code") && !jr.at("code").is_null()) {
                if (!jr.at("code").is_string()) c.fail(rpath + ".code", "科目编码应为字符串或 null");
                r.code = jr.at("code").get<std::string>();
            }
            r.label = c.str(jr, "label", rpath);
            r.side = c.str(jr, "side", rpath, false);
            r.subject = c.str(jr, "subject", rpath, false);
            r.role = role_of(c, c.str(jr, "role", rpath, false), rpath + ".role");
            const json& values = c.need(jr, "values", rpath);
            if (!values.is_object()) c.fail(rpath + ".values", "应为对象");
            for (const auto& [k, v] : values.items()) {
                if (!t.column(k)) c.fail(rpath + ".values." + k, fmt::format("列“{}”不在本表的 columns 中", k));
                if (v.is_null()) {
                    r.values[k] = std::nullopt;
                } else if (v.is_number_integer()) {
                    r.values[k] = Money::from_fen(v.get<std::int64_t>());
                } else {
                    c.fail(rpath + ".values." + k, "金额应为整数（单位：分）或 null");
                }
            }
            t.rows.push_back(std::move(r));
        }
        d.tables.push_back(std::move(t));
    }
    if (j.contains("references")) {
        const json& refs = j.at("references");
        if (!refs.is_object()) c.fail("references", "应为对象");
        for (const auto& [k, v] : refs.items()) {
            if (!v.is_number_integer()) c.fail("references." + k, "参考数应为整数（金额为分）");
            d.references[k] = v.get<std::int64_t>();
        }
    }
    if (j.contains("narrative")) read_narrative(c, j.at("narrative"), d.narrative);
    if (j.contains("performance")) read_performance(c, j.at("performance"), d.performance);
    return d;
}

Disclosure read_disclosure_json(const std::filesystem::path& path) {
    std::string text = read_text_file(path, path.string());
    try {
        return parse_disclosure_json(text, path.string());
    } catch (const nlohmann::json::exception& e) {
        // A value of the wrong type somewhere the reader did not look for it by name.
        throw InputError(Location{path.string()}, fmt::format("disclosure.json 的结构不对：{}", e.what()));
    }
}

}  // namespace juesuan
