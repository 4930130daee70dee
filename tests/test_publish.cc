// The published surfaces: the PDF read back with pdftotext (poppler), the HTML parsed as HTML5
// with gumbo. Expected numbers come from the Disclosure and from the seed (the narrative golden
// numbers of the issue), never from the writers under test.
#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "write/chart.h"
#include "write/html_writer.h"
#include "write/markdown_writer.h"
#include "write/pdf_writer.h"
#include "support.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {

const Disclosure& seed() { return seed_disclosure(); }

struct Ran {
    int exit_code = -1;
    std::string out;
};

Ran run_status(const std::string& command) {
    Ran r;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return r;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string run(const std::string& command) { return run_status(command).out; }

size_t occurrences(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// Every printed amount of the nine tables, with how often the tables print it.
std::map<std::string, size_t> table_amounts(const Disclosure& d) {
    std::map<std::string, size_t> out;
    for (const auto& t : d.tables)
        for (const auto& r : t.rows)
            for (const auto& [k, v] : r.values)
                if (v) ++out[format_wan(*v)];
    return out;
}

// The numbers the issue lists for the narrative (checked against the seed by the narrative tests).
const std::vector<std::string> kProseNumbers = {
    "1,411.67", "755.62", "115.18%", "55.98%", "44.02%", "174.09", "28.25%", "581.53", "1,460.76%", "81.4%", "5.52%",
    "9.02%", "4.06%", "1,183.64", "119.26%", "117.76%", "120.91%", "745.28", "45.02", "2.49", "5.24%", "355.66", "8.68",
    "346.98", "12.01", "3.38%", "100%", "0.96%", "99.99", "99.83", "94.11", "98.99", "99.86", "99.89", "99.11", "85.99",
    "97.77"};

struct PdfFile {
    TempDir dir;
    std::filesystem::path path;
    std::string bytes;
    explicit PdfFile(const Disclosure& d) : path(dir / "d.pdf"), bytes(write_pdf(d)) { spit(path, bytes); }
    std::string text(int first = 0, int last = 0) const {
        std::string range = first ? fmt::format("-f {} -l {} ", first, last) : "";
        return run("pdftotext -layout " + range + "'" + path.string() + "' - 2>/dev/null");
    }
    int pages() const {
        std::string info = run("pdfinfo '" + path.string() + "' 2>/dev/null");
        std::smatch m;
        return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
    }
};

}  // namespace

TEST(Pdf, TextGivesBackEveryAmountAndProseNumber) {
    PdfFile pdf(seed());
    std::string text = pdf.text();
    ASSERT_FALSE(text.empty()) << "pdftotext gave nothing";
    for (const auto& [amount, n] : table_amounts(seed()))
        EXPECT_GE(occurrences(text, amount), n) << amount << " is printed " << n << " times in the tables";
    for (const auto& n : kProseNumbers) EXPECT_NE(text.find(n), std::string::npos) << n;
    // Chinese text comes back as text, not as pictures of glyphs.
    EXPECT_NE(text.find("收入支出决算总表"), std::string::npos);
    EXPECT_NE(text.find("十三、预算绩效情况说明"), std::string::npos);
    EXPECT_NE(text.find("大数据运维经费项目绩效评价报告"), std::string::npos);
    // Cover, contents, five parts: the seed's disclosure is some fifty A4 pages.
    int pages = pdf.pages();
    EXPECT_GE(pages, 30);
    EXPECT_LE(pages, 90);
}

TEST(Pdf, SameInputSameBytes) {
    std::string a = write_pdf(seed()), b = write_pdf(seed());
    EXPECT_EQ(a.size(), b.size());
    EXPECT_TRUE(a == b) << "two builds differ";
    // The dates inside come from the year of the accounts.
    EXPECT_NE(a.find("/CreationDate (20231231000000"), std::string::npos);
}

TEST(Pdf, LongTableRepeatsItsHeaderOnEveryPage) {
    TempDir tmp;
    CliResult r = run_cli({"sample", "--subjects", "300", "--seed", "7", "-o", (tmp / "books").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    PdfFile pdf(build_books(tmp / "books").disclosure);
    // The pages of 公开02表 收入决算表: the first and every continuation.
    int continued = 0;
    for (int page = 1; page <= pdf.pages(); ++page) {
        std::string text = pdf.text(page, page);
        if (text.find("续表：收入决算表") == std::string::npos) continue;
        ++continued;
        EXPECT_NE(text.find("科目编码"), std::string::npos) << "page " << page;
        EXPECT_NE(text.find("科目名称"), std::string::npos) << "page " << page;
        EXPECT_NE(text.find("事业收入"), std::string::npos) << "page " << page;
        EXPECT_NE(text.find("栏次"), std::string::npos) << "page " << page;
    }
    EXPECT_GE(continued, 2) << "300 subjects should not fit on two pages";
}

namespace {

// qpdf's structural check of a PDF: exit 0 and not one warning (a repaired cross-reference table,
// a missing object) is what we publish.
void expect_qpdf_clean(const std::filesystem::path& pdf) {
    Ran r = run_status("qpdf --check '" + pdf.string() + "' 2>&1");
    ASSERT_NE(r.exit_code, 127) << "qpdf is missing (scripts/install-deps.sh installs it)";
    EXPECT_EQ(r.exit_code, 0) << pdf << ":\n" << r.out;
    EXPECT_EQ(r.out.find("WARNING"), std::string::npos) << pdf << ":\n" << r.out;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
}

struct Target {
    int page = 0;  // physical, from 1
    double y = 0;  // PDF user space
};

// Where the contents' links and the bookmarks of a PDF lead, in document order.
struct Navigation {
    std::vector<std::string> links;  // each link annotation's destination name
    std::vector<int> link_pages;     // the page each link is on
    std::map<std::string, Target> named;                    // the named destinations
    std::vector<std::pair<std::string, Target>> bookmarks;  // title and target, depth first
};

Navigation navigation(const std::filesystem::path& pdf) {
    Navigation nav;
    std::string q = "'" + pdf.string() + "'";
    auto j = nlohmann::json::parse(run("qpdf --json=2 --json-key=pages --json-key=outlines --json-key=qpdf " + q));
    const auto& objects = j["qpdf"][1];
    auto value = [&](const nlohmann::json& ref) -> const nlohmann::json& {
        return objects.at("obj:" + ref.get<std::string>())["value"];
    };
    for (const auto& page : j["pages"]) {
        const auto& dict = value(page["object"]);
        if (!dict.contains("/Annots")) continue;
        for (const auto& ref : dict["/Annots"]) {
            const auto& a = value(ref);
            if (a.value("/Subtype", "") != "/Link") continue;
            // A link with neither /Dest nor /A leads nowhere.
            std::string dest = a.contains("/Dest") && a["/Dest"].is_string() ? a["/Dest"].get<std::string>() : "";
            nav.links.push_back(dest.rfind("u:", 0) == 0 ? dest.substr(2) : dest);
            nav.link_pages.push_back(page["pageposfrom1"].get<int>());
        }
    }
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& items) {
        for (const auto& o : items) {
            Target t;
            t.page = o["destpageposfrom1"].is_number() ? o["destpageposfrom1"].get<int>() : 0;
            if (o["dest"].is_array() && o["dest"].size() >= 4 && o["dest"][3].is_number()) t.y = o["dest"][3].get<double>();
            nav.bookmarks.emplace_back(o["title"].get<std::string>(), t);
            walk(o["kids"]);
        }
    };
    walk(j["outlines"]);
    // pdfinfo -dests: "   3 [ XYZ   62  770 null      ] "toc1""
    std::regex line("^\\s*(\\d+) \\[ XYZ\\s+\\S+\\s+(\\S+)[^\\]]*\\] \"(.*)\"$");
    std::istringstream dests(run("pdfinfo -dests " + q + " 2>/dev/null"));
    for (std::string l; std::getline(dests, l);) {
        std::smatch m;
        if (std::regex_match(l, m, line)) nav.named[m[3]] = {std::stoi(m[1]), std::stod(m[2])};
    }
    return nav;
}

// Every contents entry is a link to a named destination on its heading's page, where its
// bookmark leads too.
void expect_links_lead_to_headings(const std::filesystem::path& pdf) {
    Navigation nav = navigation(pdf);
    ASSERT_FALSE(nav.bookmarks.empty()) << "no bookmarks in " << pdf;
    ASSERT_EQ(nav.links.size(), nav.bookmarks.size()) << "one contents link per bookmark";
    for (size_t i = 0; i < nav.links.size(); ++i) {
        const std::string& title = nav.bookmarks[i].first;
        const Target& mark = nav.bookmarks[i].second;
        auto found = nav.named.find(nav.links[i]);
        ASSERT_NE(found, nav.named.end()) << "the link to " << title << " leads nowhere (" << nav.links[i] << ")";
        EXPECT_GT(found->second.page, nav.link_pages[i]) << title << ": the contents come first";
        EXPECT_EQ(found->second.page, mark.page) << title;
        EXPECT_NEAR(found->second.y, mark.y, 1) << title;
    }
}

}  // namespace

TEST(Pdf, BookmarksAndContentsLinksLeadToTheHeadings) {
    PdfFile pdf(seed());
    expect_qpdf_clean(pdf.path);
    expect_links_lead_to_headings(pdf.path);
    Navigation nav = navigation(pdf.path);
    // Parts at the root, with their sections and tables: the first bookmark is part one.
    EXPECT_EQ(nav.bookmarks.front().first, "第一部分 部门概况");
    EXPECT_EQ(nav.bookmarks.front().second.page, 3);  // cover, contents, then part one
}

TEST(Pdf, ContentsOverTwoPagesStayValid) {
    // Every project a key evaluation, and each twice more under another name: a heading each,
    // more entries than one contents page holds.
    Disclosure d = seed();
    auto projects = d.performance.projects;
    for (auto& p : projects) p.key = true;
    d.performance.projects = projects;
    for (auto p : projects) {
        p.name += "（续）";
        d.performance.projects.push_back(p);
    }
    for (auto p : projects) {
        p.name += "（再续）";
        d.performance.projects.push_back(p);
    }
    PdfFile pdf(d);
    Navigation nav = navigation(pdf.path);
    ASSERT_GT(nav.links.size(), 45u);
    ASSERT_GE(nav.link_pages.back(), 3) << "the contents should take two pages";
    expect_qpdf_clean(pdf.path);
    expect_links_lead_to_headings(pdf.path);
}

TEST(Pdf, PublishedFilesPassQpdfCheck) {
    TempDir tmp;
    CliResult r = run_cli({"build", example_dir().string(), "-o", (tmp / "example").string(), "--format", "pdf", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_qpdf_clean(tmp / "example" / "disclosure.pdf");
    r = run_cli({"sample", "--subjects", "300", "-o", (tmp / "books").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"build", (tmp / "books").string(), "-o", (tmp / "sample").string(), "--format", "pdf", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_qpdf_clean(tmp / "sample" / "disclosure.pdf");
    expect_links_lead_to_headings(tmp / "sample" / "disclosure.pdf");
}

namespace {

struct Html {
    std::set<std::string> ids;
    std::vector<std::string> fragment_links, external;
    std::string text;
    size_t errors = 0;
};

Html parse_html(const std::string& s) {
    Html h;
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, s.data(), s.size());
    h.errors = out->errors.length;
    std::function<void(const GumboNode*)> walk = [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT) {
            h.text += n->v.text.text;
            h.text += "\n";
            return;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return;
        const GumboVector& attrs = n->v.element.attributes;
        for (unsigned i = 0; i < attrs.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
            std::string name = a->name, value = a->value;
            if (name == "id") h.ids.insert(value);
            bool ref = name == "href" || name == "xlink:href" || name == "src";
            if (ref && value.rfind("#", 0) == 0) h.fragment_links.push_back(value.substr(1));
            else if (ref || (value.find("url(") != std::string::npos && value.find("url(#") == std::string::npos))
                h.external.push_back(name + "=" + value);
        }
        if (n->v.element.tag == GUMBO_TAG_LINK || n->v.element.tag == GUMBO_TAG_SCRIPT) h.external.push_back("<link>/<script>");
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]));
    };
    walk(out->root);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return h;
}

}  // namespace

TEST(Html, WellFormedSelfContainedAndComplete) {
    std::string page = write_html(seed());
    Html h = parse_html(page);
    EXPECT_EQ(h.errors, 0u) << "HTML5 parse errors";
    EXPECT_TRUE(h.external.empty()) << h.external.front();
    EXPECT_EQ(page.find("http://"), page.find("http://www.w3.org/"));  // only SVG namespace names
    EXPECT_EQ(page.find("https://"), std::string::npos);
    for (const auto& link : h.fragment_links) EXPECT_TRUE(h.ids.count(link)) << "#" << link << " goes nowhere";
    EXPECT_GT(h.fragment_links.size(), 40u);  // the table of contents and the charts' glyphs
    for (const auto& [amount, n] : table_amounts(seed()))
        EXPECT_GE(occurrences(h.text, amount), n) << amount << " is printed " << n << " times in the tables";
    for (const auto& n : kProseNumbers) EXPECT_NE(h.text.find(n), std::string::npos) << n;
    // Six charts, each an inline SVG.
    EXPECT_EQ(occurrences(page, "<svg"), 6u);
}

TEST(Html, AnchorsNameTableCellAndClaim) {
    Html h = parse_html(write_html(seed()));
    // docs/html.md: t<table>-<code | l<行次>>-<column as printed, without spaces>
    for (const char* id : {"t03", "t03-2010301-基本支出", "t03-合计-本年支出合计", "t01-l1-收入金额", "t05-201-本年支出小计",
                           "part3", "s-十三", "c-一.1"})
        EXPECT_TRUE(h.ids.count(id)) << id;
}

// 图1–图6: values from the tables and the books' 上年决算数 (the seed's figures), drawn the same
// way every time.
TEST(Charts, SixChartsFromTheTables) {
    std::vector<const Chart*> charts;
    for (const auto& s : seed().narrative.sections)
        for (const auto& p : s.paragraphs)
            if (p.chart) charts.push_back(&*p.chart);
    ASSERT_EQ(charts.size(), 6u);
    // 图1: 2022 and 2023 收入总计 — 656.05 and 1,411.67 万元 (seed 一).
    ASSERT_EQ(charts[0]->kind, "bar");
    EXPECT_EQ(charts[0]->series, (std::vector<std::string>{"2022 年", "2023 年"}));
    EXPECT_EQ(charts[0]->items[0].values, (std::vector<std::int64_t>{656'050'000, 1'411'670'000}));
    // 图3: 基本支出 790.3, 项目支出 621.34 (seed 三).
    ASSERT_EQ(charts[2]->kind, "pie");
    ASSERT_EQ(charts[2]->items.size(), 2u);
    EXPECT_EQ(charts[2]->items[0].values.front(), 790'300'000);
    EXPECT_EQ(charts[2]->items[1].values.front(), 621'340'000);
    // 图6: the four 类 of 一般公共预算 spending, zero 类 left out (seed 五（二）).
    ASSERT_EQ(charts[5]->items.size(), 4u);
    EXPECT_EQ(charts[5]->items[0].label, "一般公共服务支出");
    EXPECT_EQ(charts[5]->items[0].values.front(), 1'149'120'000);
    EXPECT_EQ(charts[5]->items[3].values.front(), 57'260'000);
    std::string svg = chart_svg(*charts[5], "x-");
    EXPECT_TRUE(svg == chart_svg(*charts[5], "x-")) << "a chart drawn twice differs";
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_EQ(svg.find("id=\"glyph"), std::string::npos) << "ids must carry the prefix";
    EXPECT_NE(svg.find("id=\"x-1\""), std::string::npos);
    std::string png = chart_png(*charts[5]);
    EXPECT_EQ(png.substr(1, 3), "PNG");
    EXPECT_TRUE(png == chart_png(*charts[5])) << "a chart drawn twice differs";
}

// Without 上年决算数 a bar chart shows this year alone, as the sentences leave out the comparison.
TEST(Charts, MissingLastYearLeavesOutItsSeries) {
    TempDir tmp;
    copy_example(tmp / "b");
    std::filesystem::remove(tmp / "b/comparisons.csv");
    Disclosure d = build_books(tmp / "b").disclosure;
    const Chart* first = nullptr;
    for (const auto& p : d.narrative.section("一")->paragraphs)
        if (p.chart) first = &*p.chart;
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->series, (std::vector<std::string>{"2023 年"}));
    EXPECT_EQ(first->items[0].values, (std::vector<std::int64_t>{1'411'670'000}));
}

// The Markdown shows each chart as figN.png written beside it.
TEST(Charts, MarkdownShowsEachChartAsAPicture) {
    std::string md = write_markdown(seed());
    auto figures = markdown_figures(seed());
    ASSERT_EQ(figures.size(), 6u);
    for (int i = 1; i <= 6; ++i) {
        std::string name = fmt::format("fig{}.png", i);
        EXPECT_NE(md.find("](" + name + ")"), std::string::npos) << name;
        EXPECT_EQ(figures.at(name).substr(1, 3), "PNG");
    }
    EXPECT_NE(md.find("![图6：一般公共预算财政拨款支出决算结构](fig6.png)"), std::string::npos);
}
