#include "read/narrative_reader.h"

#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "read/toml_text.h"

#include "core/diagnostics.h"
#include "core/text.h"
#include "read/csv_file.h"
#include "read/template_reader.h"

namespace juesuan {

namespace {

// Reads one narrative template file; every problem names the file, the line and the key.
class NarrativeParser {
public:
    explicit NarrativeParser(std::string shown) : shown_(std::move(shown)) {}

    NarrativeTemplate run(const toml::table& root) {
        NarrativeTemplate t;
        t.origin = shown_;
        t.id = str(root, "id", "");
        if (const toml::table* texts = root.get_as<toml::table>("texts"))
            for (const auto& [k, v] : *texts) t.texts[std::string(k.str())] = v.value_or(std::string());
        if (const toml::table* g = root.get_as<toml::table>("glossary")) glossary(*g, t);
        if (const toml::array* sections = root.get_as<toml::array>("sections")) {
            for (const auto& sn : *sections) {
                const toml::table* st = sn.as_table();
                if (!st) fail(&sn, "sections", "每一节应为 [[sections]] 表");
                std::string id = str(*st, "id", "sections");
                t.sections.push_back(section(*st, "sections." + id, "sections"));
            }
        }
        if (const toml::node* rn = root.get("report")) {
            const toml::table* rt = rn->as_table();
            if (!rt) fail(rn, "report", "[report] 应为一节（表）");
            t.report = section(*rt, "report", "report");
        }
        return t;
    }

private:
    [[noreturn]] void fail(const toml::node* n, const std::string& key, const std::string& msg) const {
        throw InputError(Location{shown_, n ? static_cast<int>(n->source().begin.line) : 0, 0, {}, key}, msg);
    }

    std::string str(const toml::table& t, const char* key, const std::string& path) const {
        const toml::node* n = t.get(key);
        if (!n) return {};
        auto v = n->value<std::string>();
        if (!v) fail(n, path + "." + key, fmt::format("“{}”应为字符串", key));
        return *v;
    }

    std::vector<std::string> strings(const toml::node* n, const std::string& where) const {
        std::vector<std::string> out;
        const toml::array* a = n ? n->as_array() : nullptr;
        if (n && !a) fail(n, where, "应为字符串数组");
        if (a)
            for (const auto& e : *a) {
                auto v = e.value<std::string>();
                if (!v) fail(&e, where, "应为字符串数组");
                out.push_back(*v);
            }
        return out;
    }

    void glossary(const toml::table& g, NarrativeTemplate& t) const {
        if (std::string subjects = str(g, "subjects", "glossary"); !subjects.empty()) t.glossary_subjects = subjects;
        if (const toml::array* terms = g.get_as<toml::array>("terms"))
            for (const auto& e : *terms) {
                const toml::array* pair = e.as_array();
                if (!pair || pair->size() != 2 || !(*pair)[0].value<std::string>() || !(*pair)[1].value<std::string>())
                    fail(&e, "glossary.terms", "每个名词应为 [\"名词\", \"解释\"]");
                t.glossary.emplace_back(*(*pair)[0].value<std::string>(), *(*pair)[1].value<std::string>());
            }
    }

    ChartSpec chart(const toml::node* cn, const std::string& path) const {
        const toml::table* ct = cn->as_table();
        std::string cpath = path + ".chart";
        if (!ct) fail(cn, cpath, "chart 应为表，如 { kind = \"pie\", each = \"…\", value = \"…\" }");
        for (const auto& [k, v] : *ct)
            if (!std::set<std::string>{"kind", "series", "items", "each", "label", "value"}.count(std::string(k.str())))
                fail(&v, cpath + "." + std::string(k.str()), fmt::format("图表有未知的键“{}”", k.str()));
        ChartSpec c;
        c.kind = str(*ct, "kind", cpath);
        if (c.kind != "bar" && c.kind != "pie") fail(ct, cpath + ".kind", "kind 应为 bar 或 pie");
        c.series = strings(ct->get("series"), cpath + ".series");
        if (const toml::node* in = ct->get("items")) {
            const toml::array* a = in->as_array();
            if (!a) fail(in, cpath + ".items", "items 应为 [[\"名称\", \"公式\", …], …]");
            for (const auto& e : *a) {
                auto item = strings(&e, cpath + ".items");
                if (item.size() != c.series.size() + 1)
                    fail(&e, cpath + ".items", fmt::format("每项应为名称和 {} 个公式（每个系列一个）", c.series.size()));
                c.items.push_back(std::move(item));
            }
        }
        c.each = str(*ct, "each", cpath);
        if (std::string l = str(*ct, "label", cpath); !l.empty()) c.label = l;
        c.value = str(*ct, "value", cpath);
        if (c.kind == "pie" && (c.each.empty() || c.value.empty()))
            fail(ct, cpath, "饼图需要 each（逐项）和 value（每项的数）");
        if (c.kind == "bar" && (c.series.empty() || c.items.empty()))
            fail(ct, cpath, "柱形图需要 series（系列名称）和 items（每项的名称与各系列的公式）");
        return c;
    }

    ParagraphSpec paragraph(const toml::node& pn, const std::string& path, const std::string& array_name) const {
        const toml::table* pt = pn.as_table();
        if (!pt) fail(&pn, path, fmt::format("每一段应为 [[{}.paragraphs]] 表", array_name));
        static const std::set<std::string> known = {"say", "otherwise", "when", "each", "join", "end",
                                                    "if_empty", "style", "append", "cases", "chart"};
        for (const auto& [k, v] : *pt)
            if (!known.count(std::string(k.str())))
                fail(&v, path + "." + std::string(k.str()), fmt::format("段落有未知的键“{}”", k.str()));
        ParagraphSpec p;
        p.say = str(*pt, "say", path);
        p.otherwise = str(*pt, "otherwise", path);
        p.when = str(*pt, "when", path);
        p.each = str(*pt, "each", path);
        p.join = str(*pt, "join", path);
        p.end = str(*pt, "end", path);
        p.if_empty = str(*pt, "if_empty", path);
        if (std::string style = str(*pt, "style", path); !style.empty()) p.style = style;
        if (p.style != "text" && p.style != "heading" && p.style != "caption" && p.style != "key_table")
            fail(pt, path + ".style", "style 应为 text、heading、caption 或 key_table");
        p.append = (*pt)["append"].value_or(false);
        if (const toml::array* cases = pt->get_as<toml::array>("cases"))
            for (const auto& e : *cases) {
                const toml::array* pair = e.as_array();
                if (!pair || pair->size() != 2 || !(*pair)[0].value<std::string>() || !(*pair)[1].value<std::string>())
                    fail(&e, path + ".cases", "cases 的每一项应为 [\"条件\", \"文字\"]（条件可为空）");
                p.cases.emplace_back(*(*pair)[0].value<std::string>(), *(*pair)[1].value<std::string>());
            }
        if (const toml::node* cn = pt->get("chart")) p.chart = chart(cn, path);
        return p;
    }

    // A section's paragraphs; `where` names the table in messages ("sections.一", "report").
    SectionSpec section(const toml::table& st, const std::string& where, const std::string& array_name) const {
        SectionSpec s;
        s.id = str(st, "id", where);
        s.title = str(st, "title", where);
        if (const toml::array* ps = st.get_as<toml::array>("paragraphs"))
            for (const auto& pn : *ps) s.paragraphs.push_back(paragraph(pn, where + ".paragraphs", array_name));
        return s;
    }

    std::string shown_;
};

}  // namespace

NarrativeTemplate parse_narrative_template(const std::string& text, const std::string& shown) {
    toml::table root = parse_toml(text, shown);
    return NarrativeParser(shown).run(root);
}

NarrativeTemplate load_narrative_template(const std::string& template_id) {
    if (auto text = shipped_data("narrative/" + template_id + ".toml"))
        return parse_narrative_template(*text, "data/narrative/" + template_id + ".toml");
    NarrativeTemplate empty;
    empty.id = template_id;
    return empty;
}

void add_subject_definitions(const std::filesystem::path& file, SubjectDefinitions& into) {
    CsvFile csv = read_csv_file(file, file.string());
    Diagnostics diags;
    for (size_t i = 1; i < csv.records.size(); ++i) {
        const auto& rec = csv.records[i];
        if (rec.blank()) continue;
        if (rec.fields.size() < 2 || !all_digits(trim(rec.fields[0])))
            diags.error(Location{file.string(), rec.line, 1, {}, {}}, "每行应为“科目编码,解释”");
        else
            into.by_code[trim(rec.fields[0])] = trim(rec.fields[1]);
    }
    if (diags.has_errors()) throw InputError(std::move(diags));
}

SubjectDefinitions load_subject_definitions() {
    SubjectDefinitions defs;
    auto text = shipped_data("glossary/subjects.csv");
    if (!text) return defs;
    CsvFile csv = parse_csv(*text, "data/glossary/subjects.csv");
    for (size_t i = 1; i < csv.records.size(); ++i) {
        const auto& f = csv.records[i].fields;
        if (f.size() >= 2 && !trim(f[0]).empty()) defs.by_code[trim(f[0])] = trim(f[1]);
    }
    return defs;
}

}  // namespace juesuan
