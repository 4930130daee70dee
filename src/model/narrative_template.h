// How a template words the 情况说明 and the glossary: sentence templates as data
// (docs/narrative.md), so another province's wording is a new file, not new code.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace juesuan {

// A chart under a caption. Bars: `series` names and `items` of [label, expr per series].
// Pie: one slice per item of the `each` loop (as in paragraphs), labelled `label`, worth
// `value`; items worth 0 are left out.
struct ChartSpec {
    std::string kind;
    std::vector<std::string> series;
    std::vector<std::vector<std::string>> items;
    std::string each, label = "{item.name}", value;
    bool operator==(const ChartSpec&) const = default;
};

struct ParagraphSpec {
    std::string say;        // text with placeholders
    // Alternatives: the first whose condition holds is said (an empty condition always holds).
    std::vector<std::pair<std::string, std::string>> cases;
    std::string otherwise;  // said instead when `when` does not hold
    std::string when;       // a condition (formula syntax), or "text:KEY" (the text is not empty)
    // A loop: table rows "T05[level=项]", columns of a row "T02[合计].{fiscal,superior}",
    // or projects "P[detailed=是]".
    std::string each;
    std::string join;       // with `each`: items joined into one paragraph by this
    std::string end;        // with `join`: appended after the last item
    std::string if_empty;   // with `each`: said when there is no item
    std::string style = "text";  // text | heading | caption | key_table (where the score table goes)
    bool append = false;    // continue the previous paragraph
    std::optional<ChartSpec> chart;
    bool operator==(const ParagraphSpec&) const = default;
};

struct SectionSpec {
    std::string id;
    std::string title;
    std::vector<ParagraphSpec> paragraphs;
    bool operator==(const SectionSpec&) const = default;
};

struct NarrativeTemplate {
    std::string id;
    std::string origin;
    std::map<std::string, std::string> texts;  // part titles: part_three, part_four, part_five …
    std::vector<SectionSpec> sections;
    // The 绩效评价报告 of each key-evaluated project with report texts in the books; its
    // paragraphs speak of that project (@name).
    std::optional<SectionSpec> report;
    std::vector<std::pair<std::string, std::string>> glossary;  // fixed terms and definitions
    std::string glossary_subjects = "T03[level=项]";  // subjects that get a glossary entry
    bool operator==(const NarrativeTemplate&) const = default;
};

// Definitions of functional subjects for the glossary, by 项 code.
struct SubjectDefinitions {
    std::map<std::string, std::string> by_code;
    bool operator==(const SubjectDefinitions&) const = default;
};

}  // namespace juesuan
