#include "formula/formula.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "core/catalog.h"
#include "core/text.h"
#include "core/score.h"
#include "model/disclosure.h"

namespace juesuan {

std::string Selector::str() const {
    switch (kind) {
        case Kind::Line: return "L" + std::to_string(from);
        case Kind::LineRange: return fmt::format("L{}:L{}", from, to);
        case Kind::Code:
        case Kind::Label: return text;
        case Kind::CurrentSubject: return "@subject";
        case Kind::CurrentCode: return "@code";
        case Kind::All: return "*";
        case Kind::Filter: {
            std::string s;
            for (const auto& [k, v] : filters) s += (s.empty() ? "" : "; ") + k + "=" + v;
            return s;
        }
    }
    return "";
}

Selector parse_selector(std::string_view raw) {
    std::string t = trim(raw);
    Selector s;
    auto line_no = [&](std::string_view x) -> int {
        std::string v = trim(x);
        if (v.size() < 2 || v.size() > 6 || v[0] != 'L' || !all_digits(v.substr(1)))
            throw FormulaError(fmt::format("行次“{}”应写作 L27（至多五位数字）", v));
        return std::stoi(v.substr(1));
    };
    if (t.empty()) throw FormulaError("[...] 中缺少行的选择");
    if (t == "*") return s;
    if (t == "@subject") {
        s.kind = Selector::Kind::CurrentSubject;
        return s;
    }
    if (t == "@code") {
        s.kind = Selector::Kind::CurrentCode;
        return s;
    }
    if (t.find('=') != std::string::npos) {
        s.kind = Selector::Kind::Filter;
        for (const auto& part : split(t, ';')) {
            if (trim(part).empty()) continue;
            auto eq = part.find('=');
            if (eq == std::string::npos) throw FormulaError(fmt::format("筛选条件“{}”应写作 键=值", trim(part)));
            std::string k = trim(part.substr(0, eq)), v = trim(part.substr(eq + 1));
            static const std::vector<std::string> keys = {"side", "level", "role", "prefix"};
            if (std::find(keys.begin(), keys.end(), k) == keys.end())
                throw FormulaError(fmt::format("未知的筛选键“{}”：可用 side、level、role、prefix", k));
            s.filters.emplace_back(k, v);
        }
        return s;
    }
    if (t[0] == 'L' && t.size() > 1 && std::isdigit(static_cast<unsigned char>(t[1]))) {
        if (auto colon = t.find(':'); colon != std::string::npos) {
            s.kind = Selector::Kind::LineRange;
            s.from = line_no(std::string_view(t).substr(0, colon));
            s.to = line_no(std::string_view(t).substr(colon + 1));
            if (s.to < s.from) throw FormulaError(fmt::format("行次范围“{}”的起点大于终点", t));
            return s;
        }
        s.kind = Selector::Kind::Line;
        s.from = s.to = line_no(t);
        return s;
    }
    if (all_digits(t)) {
        s.kind = Selector::Kind::Code;
        s.text = t;
        return s;
    }
    s.kind = Selector::Kind::Label;
    s.text = t;
    return s;
}

namespace {

class Parser {
public:
    explicit Parser(std::string_view s, bool cells = false) : s_(s), cells_(cells) {}

    RuleExpr expr_only() {
        RuleExpr e = expr();
        skip();
        if (!at_end()) fail(fmt::format("多余的内容“{}”", s_.substr(pos_)));
        return e;
    }

    ClaimFormula claim() {
        ClaimFormula f;
        skip();
        struct Fn {
            const char* name;
            size_t exprs, words;
        };
        static const Fn fns[] = {{"share", 2, 0},      {"growth_abs", 2, 0}, {"growth", 2, 0}, {"completion", 2, 0},
                                 {"abs", 1, 0},        {"sign", 1, 2},       {"grade", 1, 0},  {"cmp", 2, 3}};
        for (const auto& fn : fns) {
            if (!peek_word(fn.name)) continue;
            pos_ += std::string_view(fn.name).size();
            if (!take("(")) fail(fmt::format("{} 后应为 (", fn.name));
            f.fn = fn.name;
            for (;;) {
                skip();
                if (f.args.size() < fn.exprs) {
                    f.args.push_back(expr());
                } else {
                    // words after the expressions: sign(expr, 增加, 减少), cmp(a, b, 大于, 小于, 等于)
                    size_t end = s_.find_first_of(",)", pos_);
                    if (end == std::string_view::npos) fail("缺少 )");
                    f.words.push_back(trim(s_.substr(pos_, end - pos_)));
                    pos_ = end;
                }
                if (take(",")) continue;
                if (take(")")) break;
                fail("此处应为 , 或 )");
            }
            if (f.args.size() != fn.exprs || f.words.size() != fn.words)
                fail(fmt::format("{} 需要 {} 个表达式和 {} 个词", fn.name, fn.exprs, fn.words));
            skip();
            if (!at_end()) fail(fmt::format("多余的内容“{}”", s_.substr(pos_)));
            return f;
        }
        f.args.push_back(expr_only());
        return f;
    }

    Formula run() {
        Formula f;
        Condition first = condition();
        skip();
        if (take("=>")) {
            f.guard = first;
            f.body = condition();
        } else {
            f.body = first;
        }
        skip();
        if (!at_end()) fail(fmt::format("多余的内容“{}”", s_.substr(pos_)));
        return f;
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw FormulaError(fmt::format("{}“{}”第 {} 个字符处：{}", cells_ ? "表达式" : "公式", s_, pos_ + 1, why));
    }
    bool at_end() const { return pos_ >= s_.size(); }
    void skip() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool take(std::string_view tok) {
        skip();
        if (s_.substr(pos_, tok.size()) == tok) {
            pos_ += tok.size();
            return true;
        }
        return false;
    }
    bool peek_word(std::string_view w) {
        skip();
        if (s_.substr(pos_, w.size()) != w) return false;
        size_t after = pos_ + w.size();
        return after >= s_.size() || !(std::isalnum(static_cast<unsigned char>(s_[after])) || s_[after] == '_');
    }
    std::string ident() {
        skip();
        size_t start = pos_;
        while (!at_end() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
        if (start == pos_) fail("此处应为名称");
        return std::string(s_.substr(start, pos_ - start));
    }
    std::string table_id() {
        skip();
        if (at_end() || s_[pos_] != 'T' || pos_ + 2 >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])) ||
            !std::isdigit(static_cast<unsigned char>(s_[pos_ + 2])))
            fail("此处应为表，如 T03");
        std::string id(s_.substr(pos_ + 1, 2));
        pos_ += 3;
        return id;
    }

    Condition condition() {
        Condition c;
        skip();
        bool negated = false;
        if (peek_word("not")) {
            pos_ += 3;
            negated = true;
        }
        skip();
        // name(T07) or name(what): a predicate, checked against the registered ones when rules load
        const size_t start = pos_;
        if (!at_end() && std::islower(static_cast<unsigned char>(s_[pos_]))) {
            std::string name = ident();
            if (name != "sum" && name != "ref" && take("(")) {
                c.is_predicate = true;
                c.negated = negated;
                c.predicate = name;
                skip();
                const bool table = s_.size() > pos_ + 2 && s_[pos_] == 'T' && std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]));
                c.table = table ? table_id() : ident();
                if (!take(")")) fail("缺少 )");
                return c;
            }
        }
        pos_ = start;
        if (negated) fail("not 只能用于谓词，如 not empty(T07)");
        c.lhs = expr();
        skip();
        for (const char* op : {"==", "!=", "<=", ">=", "<", ">"}) {
            if (take(op)) {
                c.op = op;
                break;
            }
        }
        if (c.op.empty()) fail("此处应为比较符 ==、!=、<=、>=、< 或 >");
        c.rhs = expr();
        return c;
    }

    RuleExpr expr() {
        RuleExpr e;
        skip();
        size_t start = pos_;
        int sign = 1;
        if (take("-")) sign = -1;
        for (;;) {
            RuleTerm t = term();
            t.sign = sign;
            e.terms.push_back(t);
            skip();
            if (take("+"))
                sign = 1;
            else if (s_.substr(pos_, 1) == "-" && s_.substr(pos_, 2) != "->")
                ++pos_, sign = -1;
            else
                break;
        }
        e.text = trim(s_.substr(start, pos_ - start));
        return e;
    }

    CellRef cell() {
        CellRef r;
        r.table = table_id();
        if (!take("[")) fail("表后应为 [行]");
        size_t close = s_.find(']', pos_);
        if (close == std::string_view::npos) fail("缺少 ]");
        try {
            r.selector = parse_selector(s_.substr(pos_, close - pos_));
        } catch (const FormulaError& e) {
            fail(e.what());
        }
        pos_ = close + 1;
        if (!take(".")) fail("[行] 后应为 .列名");
        r.column = ident();
        return r;
    }

    static bool is_line_ref(const std::string& id) {
        return id.size() >= 2 && id[0] == 'L' && std::all_of(id.begin() + 1, id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    }
    int line_ref() {
        std::string id = dotted_ident();
        if (!is_line_ref(id) || id.size() > 6) fail(fmt::format("“{}”不是行次引用（应如 L27）", id));
        return std::stoi(id.substr(1));
    }
    std::string dotted_ident() {
        skip();
        size_t start = pos_;
        while (!at_end() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' || s_[pos_] == '.')) ++pos_;
        if (start == pos_) fail("此处应为度量名、列名或行次（如 L27）");
        return std::string(s_.substr(start, pos_ - start));
    }

    // A term of the cell dialect: a measure over subjects, another column, or rows by 行次.
    RuleTerm cell_term() {
        RuleTerm t;
        std::string id = dotted_ident();
        if (id == "sum") {
            if (!take("(")) fail("sum 后应为 (");
            t.kind = RuleTerm::Kind::LineRange;
            t.from = line_ref();
            if (!take(":")) fail("sum(Lm:Ln) 中应有冒号");
            t.to = line_ref();
            if (!take(")")) fail("sum(...) 缺少右括号");
            if (t.to < t.from) fail("sum(Lm:Ln) 中 m 应不大于 n");
        } else if (is_line_ref(id)) {
            if (id.size() > 6) fail(fmt::format("“{}”不是行次引用（应如 L27）", id));
            t.kind = RuleTerm::Kind::Line;
            t.from = t.to = std::stoi(id.substr(1));
        } else if (id.find('.') == std::string::npos) {
            t.kind = RuleTerm::Kind::RowColumn;
            t.column = id;
        } else {
            t.kind = RuleTerm::Kind::Measure;
            t.name = id;
            if (!at_end() && s_[pos_] == '[') {
                ++pos_;
                size_t start = pos_;
                while (!at_end() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
                if (at_end() || s_[pos_] != ']' || start == pos_) fail("[...] 中应为科目编码");
                t.subject = std::string(s_.substr(start, pos_ - start));
                ++pos_;
            }
        }
        return t;
    }

    RuleTerm term() {
        skip();
        if (cells_) return cell_term();
        RuleTerm t;
        if (at_end()) fail("公式不完整");
        if (peek_word("sum")) {
            pos_ += 3;
            if (!take("(")) fail("sum 后应为 (");
            t.kind = RuleTerm::Kind::Sum;
            t.ref = cell();
            if (!take(")")) fail("sum(...) 缺少 )");
            return t;
        }
        if (peek_word("ref")) {
            pos_ += 3;
            if (!take("(")) fail("ref 后应为 (");
            size_t close = s_.find(')', pos_);
            if (close == std::string_view::npos) fail("ref(...) 缺少 )");
            t.kind = RuleTerm::Kind::Ref;
            t.name = trim(s_.substr(pos_, close - pos_));
            if (t.name.empty()) fail("ref() 中应为参考数的名称，如 prev.total");
            pos_ = close + 1;
            return t;
        }
        char c = s_[pos_];
        if (c == 'P' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '[') {
            pos_ += 2;
            size_t close = s_.find(']', pos_);
            if (close == std::string_view::npos) fail("P[...] 缺少 ]");
            t.kind = RuleTerm::Kind::Perf;
            t.name = trim(s_.substr(pos_, close - pos_));
            if (t.name.find('=') != std::string::npos)
                for (const auto& part : split(t.name, ';')) {
                    std::string k = trim(part.substr(0, part.find('=')));
                    if (k != "key" && k != "detailed" && k != "category" && k != "grade")
                        fail(fmt::format("项目筛选键“{}”无效：可用 key、detailed、category、grade", k));
                }
            pos_ = close + 1;
            if (!take(".")) fail("P[项目] 后应为 .字段");
            t.column = ident();
            if ((t.column == "score" || t.column == "weight") && take("(")) {
                // score(产出指标,成本指标): the indicators of those 一级指标 together
                size_t close = s_.find(')', pos_);
                if (close == std::string_view::npos) fail(t.column + "(...) 缺少 )");
                std::string groups = trim(s_.substr(pos_, close - pos_));
                if (groups.empty()) fail(t.column + "() 中应为一级指标名称，如 产出指标");
                t.column += "(" + groups + ")";
                pos_ = close + 1;
                return t;
            }
            static const std::vector<std::string> fields = {"initial", "full_year", "executed", "rate", "execution_score",
                                                            "execution_weight", "total", "key_total", "key_share", "count"};
            if (std::find(fields.begin(), fields.end(), t.column) == fields.end())
                fail(fmt::format("项目没有“{}”字段：可用 initial、full_year、executed、rate、execution_score、execution_weight、"
                                 "total、key_total、key_share、count、score(一级指标,…)、weight(一级指标,…)", t.column));
            return t;
        }
        if (c == 'T' && pos_ + 2 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) {
            t.kind = RuleTerm::Kind::Cell;
            t.ref = cell();
            if (t.ref.selector.kind == Selector::Kind::LineRange || t.ref.selector.kind == Selector::Kind::Filter ||
                t.ref.selector.kind == Selector::Kind::All)
                fail("选择多行时应写在 sum(...) 中");
            return t;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            size_t start = pos_;
            while (!at_end() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) ++pos_;
            auto p = parse_amount(s_.substr(start, pos_ - start), AmountUnit::Wan);
            if (!p.ok() || !p.value) fail("数字无法识别");
            t.kind = RuleTerm::Kind::Number;
            t.number = *p.value;
            return t;
        }
        t.kind = RuleTerm::Kind::RowColumn;
        t.column = ident();
        return t;
    }

    std::string_view s_;
    bool cells_ = false;  // the cell dialect of templates
    size_t pos_ = 0;
};

}  // namespace

Formula parse_formula(std::string_view text) { return Parser(text).run(); }
RuleExpr parse_rule_expr(std::string_view text) { return Parser(text).expr_only(); }
RuleExpr parse_cell_expr(std::string_view text) {
    if (trim(text).empty()) return RuleExpr{{}, std::string(text)};
    RuleExpr e = Parser(text, true).expr_only();
    e.text = std::string(text);
    return e;
}
ClaimFormula parse_claim_formula(std::string_view text) { return Parser(text).claim(); }

// ---- Evaluation

std::string row_code(const Row& r) { return r.code ? *r.code : r.subject; }

std::string level_of_row(const Table& t, const Row& r) {
    std::string c = row_code(r);
    if (c.empty() || !all_digits(c)) return "";
    CatalogKind k = t.kind == TableKind::EconomicDetail ? CatalogKind::Economic : CatalogKind::Functional;
    auto l = level_of(k, c);
    return l ? std::string(level_name(*l)) : "";
}

// "公开03表 合计 基本支出", "公开01表 第27行（本年收入合计）金 额"
std::string describe_cell(const Table& t, const Row& r, const std::string& column) {
    std::string row;
    if (auto line = t.printed_line(r))
        row = fmt::format("第{}行（{}）", *line, r.label);
    else if (r.code)
        row = fmt::format("{} {}", *r.code, r.label);
    else
        row = r.label.empty() ? "空行" : r.label;
    const Column* c = t.column(column);
    return fmt::format("公开{}表 {} {}", t.id, row, c ? c->label : column);
}


bool matches_filters(const Table& t, const Row& r, const std::vector<std::pair<std::string, std::string>>& filters) {
    for (const auto& [k, v] : filters) {
        if (k == "side" && r.side != v) return false;
        if (k == "level" && level_of_row(t, r) != v) return false;
        if (k == "role" && role_name(r.role) != v) return false;
        if (k == "prefix" && row_code(r).rfind(v, 0) != 0) return false;
    }
    return true;
}

struct FormulaEvaluator::Index {
    std::map<std::string, const Row*> by_code;
    std::map<std::string, std::vector<const Row*>> children;
};

FormulaEvaluator::FormulaEvaluator(const Disclosure& d) : d_(d) {}
FormulaEvaluator::~FormulaEvaluator() = default;

const FormulaEvaluator::Index& FormulaEvaluator::index(const Table& t) const {
    for (const auto& [tp, ix] : indexes_)
        if (tp == &t) return *ix;
    auto ix = std::make_unique<Index>();
    for (const auto& r : t.rows) {
        std::string c = row_code(r);
        if (c.empty()) continue;
        ix->by_code.emplace(c, &r);
        if (r.code) ix->children[parent_code(*r.code)].push_back(&r);
    }
    indexes_.emplace_back(&t, std::move(ix));
    return *indexes_.back().second;
}

const std::vector<const Row*>& FormulaEvaluator::children(const Table& t, const std::string& code) const {
    static const std::vector<const Row*> none;
    const auto& ix = index(t);
    auto it = ix.children.find(code);
    return it == ix.children.end() ? none : it->second;
}

std::vector<const Row*> FormulaEvaluator::select(const Table& t, const Selector& s, const Scope& sc,
                                                 std::string& missing) const {
    std::vector<const Row*> out;
    auto current = [&]() -> std::string {
        if (!sc.each_row) return {};
        return s.kind == Selector::Kind::CurrentCode ? row_code(*sc.each_row)
               : sc.each_row->subject.empty()       ? row_code(*sc.each_row)
                                                    : sc.each_row->subject;
    };
    switch (s.kind) {
        case Selector::Kind::Line:
        case Selector::Kind::LineRange:
            for (int l = s.from; l <= s.to; ++l) {
                const Row* r = t.row_by_line(l);
                if (!r) {
                    missing = fmt::format("公开{}表缺少第 {} 行", t.id, l);
                    return {};
                }
                out.push_back(r);
            }
            return out;
        case Selector::Kind::Code:
        case Selector::Kind::CurrentSubject:
        case Selector::Kind::CurrentCode: {
            std::string code = s.kind == Selector::Kind::Code ? s.text : current();
            if (code.empty()) {
                missing = "当前行没有科目";
                return {};
            }
            const auto& ix = index(t);
            if (auto it = ix.by_code.find(code); it != ix.by_code.end()) out.push_back(it->second);
            return out;  // a subject without a row has no amount
        }
        case Selector::Kind::Label: {
            std::string key = label_key(s.text);
            for (const auto& r : t.rows)
                if (label_key(r.label) == key) {
                    out.push_back(&r);
                    return out;
                }
            missing = fmt::format("公开{}表中没有“{}”行", t.id, s.text);
            return {};
        }
        case Selector::Kind::All:
            for (const auto& r : t.rows) out.push_back(&r);
            return out;
        case Selector::Kind::Filter:
            for (const auto& r : t.rows)
                if (matches_filters(t, r, s.filters)) out.push_back(&r);
            return out;
    }
    return out;
}

std::vector<const ProjectEvaluation*> FormulaEvaluator::projects(const std::string& sel, const Scope& sc) const {
    std::vector<const ProjectEvaluation*> out;
    std::string t = trim(sel);
    if (t == "@name" || t == "@project") {
        if (sc.each_project) out.push_back(sc.each_project);
        return out;
    }
    std::vector<std::pair<std::string, std::string>> filters;
    bool by_name = t != "*" && t.find('=') == std::string::npos;
    if (!by_name && t != "*") {
        for (const auto& part : split(t, ';')) {
            auto eq = part.find('=');
            if (eq != std::string::npos) filters.emplace_back(trim(part.substr(0, eq)), trim(part.substr(eq + 1)));
        }
    }
    for (const auto& p : d_.performance.projects) {
        if (by_name) {
            if (label_key(p.name) == label_key(t)) out.push_back(&p);
            continue;
        }
        bool ok = true;
        for (const auto& [k, v] : filters) {
            bool yes = v == "是" || v == "true";
            if (k == "key" && p.key != yes) ok = false;
            if (k == "detailed" && p.detailed != yes) ok = false;
            if (k == "category" && p.category != v) ok = false;
            if (k == "grade" && p.grade != v) ok = false;
        }
        if (ok) out.push_back(&p);
    }
    return out;
}

Value FormulaEvaluator::cell_value(const Table& t, const Row& r, const std::string& column) const {
    Value v;
    if (!t.column(column)) {
        v.missing = fmt::format("公开{}表没有“{}”列", t.id, column);
        return v;
    }
    auto it = r.values.find(column);
    if (it == r.values.end()) {
        v.missing = fmt::format("{} 没有“{}”列的数", describe_cell(t, r, column), column);
        return v;
    }
    // Only a printed number is a rounded term: a blank cell is an exact zero.
    if (it->second) {
        v.raw = it->second->fen();
        v.terms = 1;
    }
    v.cells.emplace_back(&r, column);
    return v;
}

namespace {

std::optional<std::int64_t> project_field(const ProjectEvaluation& p, const std::string& f) {
    if (f == "initial") return p.funds.total.initial.fen();
    if (f == "full_year") return p.funds.total.full_year.fen();
    if (f == "executed") return p.funds.total.executed.fen();
    if (f == "rate") return p.rate ? std::optional<std::int64_t>(p.rate->hundredths) : std::nullopt;
    if (f == "execution_score") return p.execution_score.hundredths;
    if (f == "total") return p.total.hundredths;
    if (f == "key_total") return p.key ? std::optional<std::int64_t>(p.key_total.hundredths) : std::nullopt;
    if (f == "key_share") return p.key && p.key_share ? std::optional<std::int64_t>(p.key_share->hundredths) : std::nullopt;
    if (f == "count") return 1;
    if (f == "execution_weight") return score_of(p.execution_weight).hundredths;
    if (f.rfind("score(", 0) == 0 || f.rfind("weight(", 0) == 0) {
        bool score = f[0] == 's';
        std::string inside = f.substr(f.find('(') + 1, f.size() - f.find('(') - 2);
        std::vector<std::string> groups;
        for (const auto& g : split(inside, ',')) groups.push_back(trim(g));
        std::int64_t sum = 0;
        bool any = false;
        for (const auto& i : p.indicators)
            if (std::find(groups.begin(), groups.end(), i.level1) != groups.end()) {
                any = true;
                sum = checked_add(sum, score ? i.score.hundredths : score_of(i.weight).hundredths);
            }
        return any ? std::optional<std::int64_t>(sum) : std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

Value FormulaEvaluator::cells(const CellRef& ref, const Scope& sc) const {
    Value v;
    const Table* t = d_.table(ref.table);
    if (!t) {
        v.missing = fmt::format("缺少公开{}表", ref.table);
        return v;
    }
    std::string missing;
    auto rows = select(*t, ref.selector, sc, missing);
    if (!missing.empty()) {
        v.missing = missing;
        return v;
    }
    if (rows.empty() && !t->column(ref.column)) v.missing = fmt::format("公开{}表没有“{}”列", t->id, ref.column);
    for (const Row* r : rows) {
        Value c = cell_value(*t, *r, ref.column);
        if (!c.missing.empty()) {
            v.missing = c.missing;
            break;
        }
        v.raw = checked_add(v.raw, c.raw);
        v.terms += c.terms;
        v.cells.insert(v.cells.end(), c.cells.begin(), c.cells.end());
    }
    return v;
}

Value FormulaEvaluator::eval(const RuleExpr& e, const Scope& sc) const {
    Value total;
    for (const auto& term : e.terms) {
        Value v;
        switch (term.kind) {
            case RuleTerm::Kind::Number: v.raw = term.number.fen(); break;
            case RuleTerm::Kind::Measure:
            case RuleTerm::Kind::Line:
            case RuleTerm::Kind::LineRange:  // the cell dialect's: never in a rule or a claim
                v.missing = "模板单元格的表达式不能在规则中求值";
                break;
            case RuleTerm::Kind::RowColumn:
                if (!sc.each_row) {
                    v.missing = fmt::format("“{}”只能用于逐行核对（each）的规则", term.column);
                    break;
                }
                v = cell_value(*sc.each_table, *sc.each_row, term.column);
                break;
            case RuleTerm::Kind::Ref: {
                if (auto r = d_.references.find(term.name))
                    v.raw = *r;
                else
                    v.missing = fmt::format("没有参考数“{}”（上年决算数、年初预算数等）", term.name);
                break;
            }
            case RuleTerm::Kind::Perf: {
                auto ps = projects(term.name, sc);
                if (ps.empty() && term.column != "count" && term.name.find('=') == std::string::npos && term.name != "*") {
                    v.missing = fmt::format("没有项目“{}”", term.name);
                    break;
                }
                for (const auto* p : ps) {
                    auto f = project_field(*p, term.column);
                    if (!f) {
                        v.missing = fmt::format("项目“{}”没有{}", p->name, term.column);
                        break;
                    }
                    v.raw = checked_add(v.raw, *f);
                }
                break;
            }
            case RuleTerm::Kind::Cell:
            case RuleTerm::Kind::Sum:
                v = cells(term.ref, sc);
                break;
        }
        if (!v.missing.empty()) return v;
        total.raw = term.sign > 0 ? checked_add(total.raw, v.raw) : checked_sub(total.raw, v.raw);
        total.terms += v.terms;
        total.cells.insert(total.cells.end(), v.cells.begin(), v.cells.end());
    }
    return total;
}

}  // namespace juesuan
