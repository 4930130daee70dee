// The vocabulary the rule files use and the code that implements it agree: every predicate and
// named check in the shipped rules is registered, every registered one is used and runs, and an
// unknown one is refused when the rules load, naming the file, the line and the rule.
#include <gtest/gtest.h>

#include <set>

#include "app/build.h"
#include "check/check_registry.h"
#include "core/text.h"
#include "derive/narrative.h"
#include "read/narrative_reader.h"
#include "read/template_reader.h"
#include "read/document_readers.h"
#include "read/rules_reader.h"
#include "support.h"
#include "write/document_writers.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {

std::set<std::string> used_names(bool with_argument) {
    std::set<std::string> used;
    for (const auto& set : Library::shipped().rules())
        for (const auto& r : set.rules)
            for (const auto& inst : r.instances)
                for (const Condition* c : {inst.formula.guard ? &*inst.formula.guard : nullptr, &inst.formula.body})
                    if (c && c->is_predicate) {
                        const Predicate* p = find_predicate(c->predicate);
                        if (with_argument && p && p->arg == Predicate::Arg::Check) used.insert(c->predicate + "(" + c->table + ")");
                        if (!with_argument) used.insert(c->predicate);
                    }
    return used;
}

std::string rule_with(const std::string& formula) {
    return "[[rules]]\nid = \"Z-001\"\nseverity = \"error\"\ncategory = \"arithmetic\"\ndescription = \"d\"\nformula = \"" +
           formula + "\"\n";
}

}  // namespace

TEST(Registry, EveryPredicateOfTheShippedRulesIsRegisteredAndEveryRegisteredOneIsUsed) {
    std::set<std::string> registered;
    for (const auto& p : predicates()) registered.insert(std::string(p.name));
    EXPECT_EQ(used_names(false), registered);
}

TEST(Registry, EveryNamedCheckIsUsedByTheShippedRules) {
    std::set<std::string> registered;
    for (const auto& p : predicates())
        if (p.checks)
            for (const auto& n : p.checks()) registered.insert(std::string(p.name) + "(" + std::string(n.name) + ")");
    EXPECT_EQ(registered.size(), 24u);  // 7 kinds of claims, 12 performance checks, 5 structure checks
    EXPECT_EQ(used_names(true), registered);
}

// Each registered predicate and check runs on the seed (the engine implements all it accepts).
TEST(Registry, EveryRegisteredCheckRuns) {
    const Disclosure& d = seed_disclosure();
    for (const auto& p : predicates()) {
        std::vector<std::string> formulas;
        if (p.checks)
            for (const auto& n : p.checks()) formulas.push_back(std::string(p.name) + "(" + std::string(n.name) + ")");
        else
            formulas.push_back(std::string(p.name) + "(T05)");
        for (const auto& f : formulas) {
            RuleSet set = parse_rules(rule_with(f), "probe.toml");
            set.templates = {"*"};
            CheckResult r;
            ASSERT_NO_THROW(r = run_checks(d, {set}, &Library::shipped().catalogs())) << f;
        }
    }
}

TEST(Registry, UnknownNamesAreRefusedWhenTheRulesLoad) {
    struct Case {
        const char* formula;
        const char* says;
    };
    for (const Case& c : {Case{"perf(totl)", "perf(totl) 无效：可用 funds、"}, Case{"claims(amout)", "claims(amout) 无效：可用 consistency、"},
                          Case{"frobnicate(T01)", "未知的谓词“frobnicate”：可用 present、"},
                          Case{"not presnt(T07)", "未知的谓词“presnt”"}, Case{"present(amount)", "present 的参数应为表"},
                          Case{"claims(T01)", "claims(T01) 无效"}, Case{"T01[L1].income > 0 => perf(nope)", "perf(nope) 无效"}}) {
        try {
            parse_rules(rule_with(c.formula), "bad.toml");
            ADD_FAILURE() << c.formula << " was accepted";
        } catch (const InputError& e) {
            std::string all;
            for (const auto& d : e.diagnostics().all()) all += format_diagnostic(d) + "\n";
            EXPECT_NE(all.find(c.says), std::string::npos) << all;
            EXPECT_NE(all.find("bad.toml"), std::string::npos) << all;
            EXPECT_NE(all.find("Z-001"), std::string::npos) << all;
        }
    }
    // The expression functions stay expressions, not predicates.
    EXPECT_NO_THROW(parse_rules(rule_with("sum(T01[L1:L8].income) == T01[L9].income"), "ok.toml"));
    EXPECT_NO_THROW(parse_rules(rule_with("ref(prev.total) >= 0"), "ok.toml"));
}

TEST(Registry, ReadersAndWritersAreFoundByWhatTheyHandle) {
    EXPECT_EQ(writer_formats(), (std::vector<std::string>{"md", "json", "html", "pdf", "xlsx"}));
    EXPECT_EQ(find_document_writer("docx"), nullptr);
    TempDir tmp;
    // A disclosure.json is known by its content, whatever its name.
    spit(tmp / "stored.txt", "\xEF\xBB\xBF  {\"schema\": \"juesuan.disclosure/2\"}");
    const DocumentReader* r = find_document_reader(tmp / "stored.txt");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->name, "json");
    // A published document in text, by its content or its extension.
    spit(tmp / "published.dat", "2023 年度某某部门决算");
    ASSERT_NE(find_document_reader(tmp / "published.dat"), nullptr);
    EXPECT_EQ(find_document_reader(tmp / "published.dat")->name, "text");
    spit(tmp / "notes.md", "notes");
    ASSERT_NE(find_document_reader(tmp / "notes.md"), nullptr);
    EXPECT_EQ(find_document_reader(tmp / "notes.md")->name, "text");
    spit(tmp / "notes.bin", std::string("\x00\x01部门决算", 14));
    EXPECT_EQ(find_document_reader(tmp / "notes.bin"), nullptr);
}

namespace {

// The placeholder names the shipped narrative templates use.
std::set<std::string> used_placeholders() {
    std::set<std::string> used;
    auto scan = [&](const std::string& text) {
        for (size_t pos = 0; (pos = text.find('{', pos)) != std::string::npos; ++pos) {
            size_t end = text.find_first_of("|}", pos);
            used.insert(trim(text.substr(pos + 1, end - pos - 1)));
        }
    };
    for (const auto& id : shipped_template_ids()) {
        const NarrativeTemplate& nt = Library::shipped().narrative_for(id);  // validated as it loads
        std::vector<const SectionSpec*> sections;
        for (const auto& s : nt.sections) sections.push_back(&s);
        if (nt.report) sections.push_back(&*nt.report);
        for (const auto* s : sections)
            for (const auto& p : s->paragraphs) {
                for (const std::string* t : {&p.say, &p.otherwise, &p.join, &p.end, &p.if_empty}) scan(*t);
                for (const auto& c : p.cases) scan(c.second);
                if (p.chart) scan(p.chart->label);
            }
    }
    return used;
}

}  // namespace

TEST(Registry, EveryPlaceholderOfTheShippedNarrativesIsRegistered) {
    std::set<std::string> registered;
    for (const auto& p : narrative_placeholders()) registered.insert(std::string(p.name));
    const auto used = used_placeholders();
    EXPECT_GE(used.size(), 20u);
    for (const auto& u : used) EXPECT_TRUE(registered.count(u)) << u;
}

// The builder renders every registered placeholder (the registry and the code agree).
TEST(Registry, EveryRegisteredPlaceholderRenders) {
    Built b = build_books(example_dir());
    const std::vector<std::string> args = {"T01[L1].income", "T01[L31].income", "增加", "减少", "持平"};
    for (const auto& p : narrative_placeholders()) {
        std::string body(p.name);
        for (int i = 0; i < p.max_args; ++i) body += "|" + (p.name == "names" ? std::string("T05[level=项]") : args.at(i));
        NarrativeTemplate t = parse_narrative_template(
            "id = \"x\"\n[[sections]]\nid = \"一\"\ntitle = \"一、\"\n[[sections.paragraphs]]\nsay = \"[{" + body + "}]\"\n", "x.toml");
        ASSERT_NO_THROW(validate_narrative_template(t)) << body;
        Diagnostics warnings;
        Narrative n;
        ASSERT_NO_THROW(n = derive_narrative(b.disclosure, b.facts, t, SubjectDefinitions{}, warnings)) << body;
        ASSERT_EQ(n.sections.size(), 1u);
    }
}

TEST(Registry, UnknownPlaceholdersAreRefusedWhenTheNarrativeLoads) {
    auto problem = [](const std::string& say) {
        NarrativeTemplate t = parse_narrative_template(
            "id = \"x\"\n[[sections]]\nid = \"一\"\ntitle = \"一、\"\n[[sections.paragraphs]]\nsay = \"" + say + "\"\n", "x.toml");
        try {
            validate_narrative_template(t);
        } catch (const InputError& e) {
            std::string all;
            for (const auto& d : e.diagnostics().all()) all += format_diagnostic(d) + "\n";
            return all;
        }
        return std::string();
    };
    EXPECT_EQ(problem("收入 {amount|T01[L1].income} 万元，{dir|T01[L1].income|增加|减少}。"), "");
    std::string unknown = problem("收入 {amout|T01[L1].income} 万元。");
    EXPECT_NE(unknown.find("未知的占位符“{amout}”"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("x.toml"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("一"), std::string::npos) << unknown;
    EXPECT_NE(problem("{share|T01[L1].income}").find("应有 2 个参数"), std::string::npos);
    EXPECT_NE(problem("{year").find("缺少 }"), std::string::npos);
}
