#include "core/text.h"

#include <cctype>

#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <system_error>

namespace juesuan {

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

namespace {
bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string nfkc(std::string_view s) {
    if (is_ascii(s)) return std::string(s);  // NFKC leaves ASCII unchanged
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &out,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                     UTF8PROC_COMPAT));
    if (n < 0) return std::string(s);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

namespace {

bool is_space_cp(utf8proc_int32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
    if (cp == 0x00A0 || cp == 0x3000 || cp == 0xFEFF || cp == 0x200B) return true;
    const utf8proc_property_t* prop = utf8proc_get_property(cp);
    return prop->category == UTF8PROC_CATEGORY_ZS;
}

// Walks code points; calls f(cp, byte_offset, byte_len).
template <typename F>
void each_cp(std::string_view s, F f) {
    const auto* base = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t off = 0, len = static_cast<utf8proc_ssize_t>(s.size());
    while (off < len) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(base + off, len - off, &cp);
        if (n <= 0) { cp = -1; n = 1; }
        f(cp, static_cast<size_t>(off), static_cast<size_t>(n));
        off += n;
    }
}

}  // namespace

std::string trim(std::string_view s) {
    if (is_ascii(s)) {
        size_t b = 0, e = s.size();
        while (b < e && ascii_space(s[b])) ++b;
        while (e > b && ascii_space(s[e - 1])) --e;
        return std::string(s.substr(b, e - b));
    }
    size_t first = s.size(), last = 0;
    bool any = false;
    each_cp(s, [&](utf8proc_int32_t cp, size_t off, size_t n) {
        if (cp >= 0 && is_space_cp(cp)) return;
        if (!any) first = off;
        any = true;
        last = off + n;
    });
    if (!any) return {};
    return std::string(s.substr(first, last - first));
}

std::string label_key(std::string_view s) {
    if (is_ascii(s)) {
        std::string out;
        for (char c : s)
            if (!ascii_space(c)) out += c;
        return out;
    }
    std::string folded = nfkc(s);
    std::string out;
    out.reserve(folded.size());
    each_cp(folded, [&](utf8proc_int32_t cp, size_t off, size_t n) {
        if (cp >= 0 && is_space_cp(cp)) return;
        out.append(folded, off, n);
    });
    return out;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < s.size();) {
        if (s.substr(i).starts_with("\u00a0") || s.substr(i).starts_with("\u3000")) {
            space = true;
            i += s.substr(i).starts_with("\u00a0") ? 2 : 3;
            continue;
        }
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = true;
            ++i;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
        ++i;
    }
    return out;
}

bool has_placeholder_mark(std::string_view s) {
    for (std::string_view mark : {"XX", "xx", "××", "ＸＸ", "某某", "xxx"})
        if (s.find(mark) != std::string_view::npos) return true;
    return false;
}

std::string heading_key(std::string_view s) {
    std::string k = label_key(s);
    // The page number and the leader dots or dashes before it.
    while (!k.empty() && std::isdigit(static_cast<unsigned char>(k.back()))) k.pop_back();
    for (bool cut = true; cut;) {
        cut = false;
        for (std::string_view lead : {"…", "·", ".", "-", "—", "_"})
            if (k.size() > lead.size() && k.ends_with(lead)) {
                k.resize(k.size() - lead.size());
                cut = true;
            }
    }
    // Numbering: 一、 (一) 1. 1、 (1)
    size_t i = 0;
    const std::string_view v(k);
    auto numeral = [&](size_t at) {
        size_t j = at;
        while (j < v.size()) {
            bool digit = std::isdigit(static_cast<unsigned char>(v[j]));
            bool cn = false;
            for (std::string_view d : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})
                if (v.substr(j).starts_with(d)) {
                    j += d.size();
                    cn = true;
                    break;
                }
            if (digit) ++j;
            else if (!cn) break;
        }
        return j;
    };
    if (v.starts_with("(")) {
        size_t j = numeral(1);
        if (j > 1 && j < v.size() && v[j] == ')') i = j + 1;
    } else {
        size_t j = numeral(0);
        if (j > 0 && v.substr(j).starts_with("、")) i = j + std::string_view("、").size();
        else if (j > 0 && j < v.size() && v[j] == '.' && j + 1 < v.size() && !std::isdigit(static_cast<unsigned char>(v[j + 1])))
            i = j + 1;
    }
    return k.substr(i);
}

std::string chinese_numeral(int n) {
    static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n >= 100) return std::to_string(n);
    if (n < 10) return digits[n];
    std::string out;
    int tens = n / 10, ones = n % 10;
    if (tens > 1) out += digits[tens];
    out += "十";
    if (ones) out += digits[ones];
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.emplace_back(s.substr(start));
            return parts;
        }
        parts.emplace_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        const auto& f = fields[i];
        if (f.find_first_of(",\"\n\r") != std::string::npos) {
            out += '"';
            for (char c : f) {
                if (c == '"') out += '"';
                out += c;
            }
            out += '"';
        } else {
            out += f;
        }
    }
    out += '\n';
    return out;
}

namespace {
const char* known_errno_text(int err) {
    switch (err) {
        case ENOENT: return "文件或目录不存在";
        case EACCES:
        case EPERM: return "没有访问权限";
        case EISDIR: return "这是一个目录，应为文件";
        case ENOTDIR: return "路径中的某一部分不是目录";
        case ENOSPC: return "磁盘空间不足";
        case EDQUOT: return "磁盘配额已满";
        case EROFS: return "文件系统只读";
        case EEXIST: return "已存在";
        case ENOTEMPTY: return "目录不为空";
        case ENXIO:
        case ENODEV: return "不是普通文件，无法读取";
        case EIO: return "读写设备出错";
        case ENAMETOOLONG: return "路径过长";
        case EMFILE:
        case ENFILE: return "打开的文件过多";
        case EBUSY: return "正被占用";
        case EXDEV: return "不能跨文件系统移动";
        case ELOOP: return "符号链接层数过多";
        case EFBIG: return "文件过大";
        case EINVAL: return "参数无效或文件系统不支持";
        case ENOSYS:
        case ENOTSUP: return "文件系统不支持此操作";
        case EINTR: return "操作被中断";
        case ENOMEM: return "内存不足";
        case ESTALE: return "网络文件已失效";
        case ETXTBSY: return "文件正被使用";
        default: return nullptr;
    }
}
}  // namespace

std::string errno_text(int err) {
    const char* known = known_errno_text(err);
    return known ? known : "系统错误（代码 " + std::to_string(err) + "）";
}

std::string errno_text_coded(int err) {
    const char* known = known_errno_text(err);
    return known ? std::string(known) + "（代码 " + std::to_string(err) + "）" : errno_text(err);
}

std::string error_code_text(const std::error_code& ec) {
    if (ec.category() == std::generic_category() || ec.category() == std::system_category())
        return errno_text_coded(ec.value());
    return "系统错误（" + std::string(ec.category().name()) + " 代码 " + std::to_string(ec.value()) + "）";
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    if (from.empty()) return s;
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string, std::less<>>& values) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find('{', pos);
        if (open == std::string_view::npos) break;
        size_t close = text.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(text, pos, open - pos);
        auto it = values.find(text.substr(open + 1, close - open - 1));
        if (it != values.end()) {
            out += it->second;
            pos = close + 1;
        } else {
            out += '{';  // not ours: keep it, and look for a placeholder right after the brace
            pos = open + 1;
        }
    }
    out.append(text, pos, std::string_view::npos);
    return out;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {

struct PatternPiece {
    bool placeholder = false;
    std::string text;  // the name, or the literal as label_key folds it
};

// {year} stands for the four digits of a year; any other placeholder for any text.
bool fits(const std::string& name, std::string_view value) {
    return name != "year" || (value.size() == 4 && all_digits(value));
}

bool match_from(const std::vector<PatternPiece>& pieces, size_t pi, std::string_view text, size_t ti,
                std::map<std::string, std::string>& out) {
    if (pi == pieces.size()) return ti == text.size();
    const PatternPiece& p = pieces[pi];
    if (!p.placeholder) return text.compare(ti, p.text.size(), p.text) == 0 && match_from(pieces, pi + 1, text, ti + p.text.size(), out);
    // The shortest value that lets the rest match, ending on a character boundary.
    for (size_t end = ti + 1; end <= text.size(); ++end) {
        if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
        std::string_view value = text.substr(ti, end - ti);
        if (p.text == "year" && value.size() > 4) return false;
        if (!fits(p.text, value)) continue;
        if (pi + 1 < pieces.size() && !pieces[pi + 1].placeholder &&
            text.compare(end, pieces[pi + 1].text.size(), pieces[pi + 1].text) != 0)
            continue;
        out[p.text] = std::string(value);
        if (match_from(pieces, pi + 1, text, end, out)) return true;
    }
    return false;
}

}  // namespace

std::optional<std::map<std::string, std::string>> match_placeholders(std::string_view pattern, std::string_view text) {
    std::vector<PatternPiece> pieces;
    std::string literal;
    auto flush = [&] {
        if (std::string k = label_key(literal); !k.empty()) pieces.push_back({false, k});
        literal.clear();
    };
    for (size_t i = 0; i < pattern.size(); ++i) {
        size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos) {
            literal += pattern[i];
            continue;
        }
        flush();
        // Two placeholders side by side are told apart only when one is a {year}.
        std::string name(pattern.substr(i + 1, close - i - 1));
        if (!pieces.empty() && pieces.back().placeholder && pieces.back().text != "year" && name != "year")
            return std::nullopt;
        pieces.push_back({true, std::move(name)});
        i = close;
    }
    flush();
    std::map<std::string, std::string> out;
    if (!match_from(pieces, 0, label_key(text), 0, out)) return std::nullopt;
    return out;
}

size_t code_points(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace juesuan
