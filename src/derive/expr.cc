#include "derive/expr.h"

#include <cctype>

#include <fmt/format.h>

namespace juesuan {

namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    Expr run() {
        Expr e;
        e.text = std::string(s_);
        skip();
        if (at_end()) return e;
        int sign = 1;
        if (peek() == '-') {
            sign = -1;
            ++pos_;
        }
        for (;;) {
            skip();
            auto terms = term();
            for (auto& t : terms) {
                t.sign *= sign;
                e.terms.push_back(t);
            }
            skip();
            if (at_end()) break;
            char op = peek();
            if (op != '+' && op != '-') fail(fmt::format("此处应为 + 或 -，却是“{}”", s_.substr(pos_, 1)));
            sign = op == '+' ? 1 : -1;
            ++pos_;
        }
        return e;
    }

private:
    [[noreturn]] void fail(const std::string& why) {
        throw ExprError(fmt::format("表达式“{}”第 {} 个字符：{}", s_, pos_ + 1, why));
    }
    bool at_end() const { return pos_ >= s_.size(); }
    char peek() const { return s_[pos_]; }
    void skip() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++pos_;
    }
    static bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

    std::string ident() {
        size_t start = pos_;
        while (!at_end() && ident_char(peek())) ++pos_;
        if (start == pos_) fail("此处应为度量名、列名或行次（如 L27）");
        return std::string(s_.substr(start, pos_ - start));
    }

    int line_ref() {
        std::string id = ident();
        if (id.size() < 2 || id[0] != 'L' || !std::all_of(id.begin() + 1, id.end(), ::isdigit))
            fail(fmt::format("“{}”不是行次引用（应如 L27）", id));
        return std::stoi(id.substr(1));
    }

    std::vector<ExprTerm> term() {
        std::string id = ident();
        ExprTerm t;
        if (id == "sum") {
            skip();
            if (at_end() || peek() != '(') fail("sum 后应为 (");
            ++pos_;
            skip();
            t.kind = ExprTerm::Kind::LineRange;
            t.from = line_ref();
            skip();
            if (at_end() || peek() != ':') fail("sum(Lm:Ln) 中应有冒号");
            ++pos_;
            skip();
            t.to = line_ref();
            skip();
            if (at_end() || peek() != ')') fail("sum(...) 缺少右括号");
            ++pos_;
            if (t.to < t.from) fail("sum(Lm:Ln) 中 m 应不大于 n");
            return {t};
        }
        if (id.size() >= 2 && id[0] == 'L' && std::all_of(id.begin() + 1, id.end(), ::isdigit)) {
            t.kind = ExprTerm::Kind::Line;
            t.from = t.to = std::stoi(id.substr(1));
            return {t};
        }
        if (id.find('.') == std::string::npos) {
            t.kind = ExprTerm::Kind::Column;
            t.name = id;
            return {t};
        }
        if (!Measures::known(id)) fail(fmt::format("未知的度量“{}”（可用的度量见 docs/templates.md）", id));
        t.kind = ExprTerm::Kind::Measure;
        t.name = id;
        if (!at_end() && peek() == '[') {
            ++pos_;
            size_t start = pos_;
            while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
            if (at_end() || peek() != ']' || start == pos_) fail("[...] 中应为科目编码");
            t.subject = std::string(s_.substr(start, pos_ - start));
            ++pos_;
        }
        return {t};
    }

    std::string_view s_;
    size_t pos_ = 0;
};

}  // namespace

Expr parse_expr(std::string_view text) { return Parser(text).run(); }

Money evaluate(const Expr& e, const ExprScope& scope) {
    Money total;
    for (const auto& t : e.terms) {
        Money v;
        switch (t.kind) {
            case ExprTerm::Kind::Measure:
                v = scope.measures->sum(t.name, t.subject ? std::string_view(*t.subject) : std::string_view(scope.prefix));
                break;
            case ExprTerm::Kind::Column: v = scope.column(t.name); break;
            case ExprTerm::Kind::Line: v = scope.line(t.from); break;
            case ExprTerm::Kind::LineRange:
                for (int l = t.from; l <= t.to; ++l) v += scope.line(l);
                break;
        }
        total += t.sign > 0 ? v : -v;
    }
    return total;
}

}  // namespace juesuan
