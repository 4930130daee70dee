#include "check/formula.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

const std::vector<std::string>& predicate_names() {
    static const std::vector<std::string> names = {"present",       "empty",         "no_data_note", "rollup",
                                                   "catalog_known", "catalog_names", "tree_levels",  "tree_parents"};
    return names;
}

bool is_row_predicate(const std::string& name) {
    return name == "rollup" || name.rfind("catalog_", 0) == 0 || name.rfind("tree_", 0) == 0;
}

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
        if (v.size() < 2 || v[0] != 'L' || !all_digits(v.substr(1)))
            throw FormulaError(fmt::format("行次“{}”应写作 L27", v));
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
    explicit Parser(std::string_view s) : s_(s) {}

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
        throw FormulaError(fmt::format("公式“{}”第 {} 个字符处：{}", s_, pos_ + 1, why));
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
        for (const auto& p : predicate_names()) {
            if (peek_word(p)) {
                pos_ += p.size();
                if (!take("(")) fail(fmt::format("{} 后应为 (", p));
                c.is_predicate = true;
                c.negated = negated;
                c.predicate = p;
                c.table = table_id();
                if (!take(")")) fail("缺少 )");
                return c;
            }
        }
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

    RuleTerm term() {
        skip();
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
        char c = s_[pos_];
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
    size_t pos_ = 0;
};

}  // namespace

Formula parse_formula(std::string_view text) { return Parser(text).run(); }

}  // namespace juesuan
