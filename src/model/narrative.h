// Parts three and four: the 情况说明 as sections of sentences whose every number is a claim
// (value, unit, what it states, where it stands), and the glossary (名词解释).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace juesuan {

struct Claim {
    std::string id;          // unique in the document: "三.4"
    std::string kind;        // amount | percent | count | score | text
    std::string text;        // as printed: "1,411.67", "115.18%", "增加", "优"
    std::int64_t value = 0;  // 分 | 0.01 % | count | 0.01 point; 0 for text
    std::string unit;        // 万元, %, 个, 辆, 分 …; empty for text
    std::string states;      // the claim formula: what the number is (docs/narrative.md)
    std::size_t offset = 0;  // byte offset of `text` in its sentence
    bool operator==(const Claim&) const = default;
};

struct Sentence {
    std::string text;
    std::vector<Claim> claims;
    // Spans (byte offset, length) written by the officer (reasons, summaries): their numbers
    // are the officer's own. Every other number of the sentence must be a claim.
    std::vector<std::pair<std::size_t, std::size_t>> quoted;
    bool operator==(const Sentence&) const = default;
};

// A chart drawn under its caption (图1 …): bars compare series (years) per item; a pie shows
// the items' shares of their sum. Values in 分, one per series.
struct ChartItem {
    std::string label;
    std::vector<std::int64_t> values;
    bool operator==(const ChartItem&) const = default;
};

struct Chart {
    std::string kind;                 // bar | pie
    std::vector<std::string> series;  // bar: the series' names (2022 年, 2023 年); pie: empty
    std::vector<ChartItem> items;
    bool operator==(const Chart&) const = default;
};

struct Paragraph {
    std::string style = "text";  // text | heading | caption | key_table
    std::vector<Sentence> sentences;
    std::optional<Chart> chart;  // a caption's chart
    std::string text() const;
    bool operator==(const Paragraph&) const = default;
};

struct Section {
    std::string id;       // 一 … 十三; 报告1 … for the reports of part five
    std::string title;    // 一、收入支出决算总体情况说明
    std::string project;  // a report: the project it evaluates
    std::vector<Paragraph> paragraphs;
    bool operator==(const Section&) const = default;
};

struct GlossaryEntry {
    std::string term;        // 财政拨款收入 / 一般公共服务支出（类）…（项）
    std::string definition;
    std::string code;        // the subject, for subject entries
    bool operator==(const GlossaryEntry&) const = default;
};

struct Narrative {
    std::vector<Section> sections;
    std::vector<Section> reports;  // 部门重点评价 reports (part five), one per project
    std::vector<GlossaryEntry> glossary;
    const Section* section(const std::string& id) const;
    const Section* report(const std::string& project) const;
    bool operator==(const Narrative&) const = default;
};

}  // namespace juesuan
