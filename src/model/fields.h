// One field list per type of the Disclosure: the names and order in which the JSON codec (and
// the store) write and read its members. Adding a member to a model type means adding it here,
// and the round-trip tests (read(write(d)) == d) fail until it is.
//
// Fields<T>::each(object, visit) calls visit(name, member, presence) for every member, on a
// const or a mutable object. An optional field is left out of the output when it holds the
// type's default value and takes that default when it is absent from the input.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "model/disclosure.h"

namespace juesuan {

enum class Presence { Required, Optional };
inline constexpr Presence kRequired = Presence::Required;
inline constexpr Presence kOptional = Presence::Optional;

template <class T>
struct Fields;  // specialised for every struct of the Disclosure

// Names of an enum's values as the codec writes them.
template <class E>
struct EnumNames;

template <>
struct EnumNames<TableKind> {
    static constexpr std::array<std::pair<TableKind, std::string_view>, 3> values{
        {{TableKind::Fixed, "fixed"}, {TableKind::SubjectTree, "subject_tree"}, {TableKind::EconomicDetail, "economic_detail"}}};
};

template <>
struct EnumNames<RowRole> {
    static constexpr std::array<std::pair<RowRole, std::string_view>, 4> values{
        {{RowRole::Item, "item"}, {RowRole::Subtotal, "subtotal"}, {RowRole::Total, "total"}, {RowRole::Blank, "blank"}}};
};

template <>
struct Fields<Column> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("key", s.key, kRequired);
        v("label", s.label, kRequired);
        v("side", s.side, kOptional);
        v("group", s.group, kOptional);
        v("formula", s.formula, kOptional);
    }
};

template <>
struct Fields<Row> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("line", s.line, kRequired);
        v("code", s.code, kRequired);
        v("label", s.label, kRequired);
        v("side", s.side, kOptional);
        v("subject", s.subject, kOptional);
        v("role", s.role, kRequired);
        v("block", s.block, kOptional);
        v("value_at_end", s.value_at_end, kOptional);
        v("values", s.values, kRequired);
        v("formulas", s.formulas, kOptional);
    }
};

template <>
struct Fields<Block> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("key", s.key, kRequired);
        v("cells", s.cells, kRequired);
    }
};

template <>
struct Fields<Table> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("id", s.id, kRequired);
        v("number", s.number, kOptional);
        v("title", s.title, kRequired);
        v("kind", s.kind, kRequired);
        v("has_data", s.has_data, kOptional);
        v("note", s.note, kOptional);
        v("lines_printed", s.lines_printed, kOptional);
        v("unread", s.unread, kOptional);
        v("header", s.header, kOptional);
        v("blocks", s.blocks, kOptional);
        v("columns", s.columns, kRequired);
        v("rows", s.rows, kRequired);
    }
};

template <>
struct Fields<PartOne> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("duties", s.duties, kOptional);
        v("composition", s.composition, kOptional);
        v("units", s.units, kOptional);
    }
};

template <>
struct Fields<References> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("amounts", s.amounts, kOptional);
        v("counts", s.counts, kOptional);
    }
};

template <>
struct Fields<Claim> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("id", s.id, kRequired);
        v("kind", s.kind, kRequired);
        v("text", s.text, kRequired);
        v("value", s.value, kOptional);
        v("unit", s.unit, kOptional);
        v("states", s.states, kOptional);
        v("offset", s.offset, kRequired);
    }
};

template <>
struct Fields<Sentence> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("text", s.text, kRequired);
        v("claims", s.claims, kOptional);
        v("quoted", s.quoted, kOptional);
    }
};

template <>
struct Fields<ChartItem> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("label", s.label, kRequired);
        v("values", s.values, kRequired);
    }
};

template <>
struct Fields<Chart> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("kind", s.kind, kRequired);
        v("series", s.series, kOptional);
        v("items", s.items, kRequired);
    }
};

template <>
struct Fields<Paragraph> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("style", s.style, kOptional);
        v("chart", s.chart, kOptional);
        v("sentences", s.sentences, kRequired);
    }
};

template <>
struct Fields<Section> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("id", s.id, kRequired);
        v("title", s.title, kOptional);
        v("project", s.project, kOptional);
        v("paragraphs", s.paragraphs, kRequired);
    }
};

template <>
struct Fields<GlossaryEntry> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("term", s.term, kRequired);
        v("definition", s.definition, kOptional);
        v("code", s.code, kOptional);
    }
};

template <>
struct Fields<Narrative> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("sections", s.sections, kOptional);
        v("reports", s.reports, kOptional);
        v("glossary", s.glossary, kOptional);
    }
};

template <>
struct Fields<ScoringMethod::Grade> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("min", s.min, kRequired);
        v("name", s.name, kRequired);
    }
};

template <>
struct Fields<ScoringMethod::Dimension> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("name", s.name, kRequired);
        v("weight", s.weight, kRequired);
        v("basis", s.basis, kRequired);
        v("level1", s.level1, kOptional);
    }
};

template <>
struct Fields<ScoringMethod> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("execution_weight", s.execution_weight, kOptional);
        v("partial", s.partial, kOptional);
        v("grades", s.grades, kOptional);
        v("key_dimensions", s.key_dimensions, kOptional);
    }
};

template <>
struct Fields<ScoredIndicator> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("level1", s.level1, kRequired);
        v("level2", s.level2, kOptional);
        v("level3", s.level3, kRequired);
        v("op", s.op, kRequired);
        v("target", s.target, kOptional);
        v("actual", s.actual, kOptional);
        v("unit", s.unit, kOptional);
        v("weight", s.weight, kRequired);
        v("score", s.score, kRequired);
        v("met", s.met, kOptional);
        v("deviation", s.deviation, kOptional);
    }
};

template <>
struct Fields<KeyDimension> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("name", s.name, kRequired);
        v("weight", s.weight, kRequired);
        v("score", s.score, kRequired);
        v("share", s.share, kOptional);
    }
};

template <>
struct Fields<FundFigures> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("initial", s.initial, kRequired);
        v("full_year", s.full_year, kRequired);
        v("executed", s.executed, kRequired);
    }
};

template <>
struct Fields<ProjectFunding> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("total", s.total, kRequired);
        v("fiscal", s.fiscal, kOptional);
        v("carried", s.carried, kOptional);
        v("other", s.other, kOptional);
    }
};

template <>
struct Fields<ProjectEvaluation> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("name", s.name, kRequired);
        v("department", s.department, kOptional);
        v("implementer", s.implementer, kOptional);
        v("category", s.category, kOptional);
        v("detailed", s.detailed, kOptional);
        v("key", s.key, kOptional);
        v("funds", s.funds, kRequired);
        v("rate", s.rate, kOptional);
        v("execution_weight", s.execution_weight, kOptional);
        v("execution_score", s.execution_score, kOptional);
        v("indicators", s.indicators, kOptional);
        v("total", s.total, kRequired);
        v("grade", s.grade, kOptional);
        v("summary_total", s.summary_total, kOptional);
        v("summary_grade", s.summary_grade, kOptional);
        v("goal", s.goal, kOptional);
        v("outcome", s.outcome, kOptional);
        v("review", s.review, kOptional);
        v("key_dimensions", s.key_dimensions, kOptional);
        v("key_total", s.key_total, kOptional);
        v("key_share", s.key_share, kOptional);
        v("key_grade", s.key_grade, kOptional);
    }
};

template <>
struct Fields<Performance> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("method", s.method, kOptional);
        v("projects", s.projects, kOptional);
    }
};

// The schema id is written and checked by the codec, not a field.
template <>
struct Fields<FormCell> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("text", s.text, kRequired);
        v("colspan", s.colspan, kOptional);
        v("rowspan", s.rowspan, kOptional);
        v("amount", s.amount, kOptional);
        v("span_to", s.span_to, kOptional);
        v("group_by", s.group_by, kOptional);
    }
};

template <>
struct Fields<FormRow> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("id", s.id, kOptional);
        v("repeat", s.repeat, kOptional);
        v("filter", s.filter, kOptional);
        v("if_none", s.if_none, kOptional);
        v("cells", s.cells, kRequired);
    }
};

template <>
struct Fields<Form> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("key", s.key, kRequired);
        v("title", s.title, kOptional);
        v("lines", s.lines, kOptional);
        v("width", s.width, kRequired);
        v("header_rows", s.header_rows, kOptional);
        v("rows", s.rows, kRequired);
    }
};

template <>
struct Fields<SourcePlace> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("page", s.page, kOptional);
        v("line", s.line, kOptional);
        v("paragraph", s.paragraph, kOptional);
        v("sheet", s.sheet, kOptional);
        v("file", s.file, kOptional);
    }
};

template <>
struct Fields<PrintedLine> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("text", s.text, kRequired);
        v("place", s.place, kOptional);
        v("what", s.what, kOptional);
        v("found", s.found, kOptional);
    }
};

template <>
struct Fields<DocumentSource> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("file", s.file, kRequired);
        v("reader", s.reader, kRequired);
        v("places", s.places, kOptional);
        v("headings", s.headings, kOptional);
        v("contents", s.contents, kOptional);
        v("names", s.names, kOptional);
    }
};

template <>
struct Fields<Disclosure> {
    template <class S, class V>
    static void each(S& s, V&& v) {
        v("department", s.department, kRequired);
        v("year", s.year, kRequired);
        v("unit", s.unit, kRequired);
        v("template", s.template_id, kRequired);
        v("precision", s.precision_fen, kOptional);
        v("department_line", s.department_line, kOptional);
        v("unit_line", s.unit_line, kOptional);
        v("texts", s.texts, kOptional);
        v("part_one", s.part_one, kOptional);
        v("tables", s.tables, kRequired);
        v("references", s.references, kOptional);
        v("narrative", s.narrative, kOptional);
        v("performance", s.performance, kOptional);
        v("forms", s.forms, kOptional);
        v("source", s.source, kOptional);
    }
};

}  // namespace juesuan
