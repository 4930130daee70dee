#include "write/html_writer.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "write/chart.h"
#include "layout/outline.h"

namespace juesuan {

namespace {

std::string esc(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

const char* kStyle = R"(
:root{--ink:#1f2328;--muted:#59636e;--rule:#3b4148;--head:#eef1f4;--accent:#1f5fa8}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.75 "Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif}
main,header.cover,nav.toc{max-width:1080px;margin:0 auto;padding:0 24px}
header.cover{padding-top:48px;padding-bottom:24px;text-align:center}
header.cover h1{font:700 30px/1.4 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 0 8px}
h2,h3,h4,nav.toc,table,.meta,.note,figcaption{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
h2{font-size:24px;margin:48px 0 16px;padding-bottom:6px;border-bottom:2px solid var(--accent)}
h3{font-size:19px;margin:32px 0 12px}
h4{font-size:16px;margin:20px 0 8px}
p{margin:0 0 12px;text-indent:2em}
p.plain,p.meta,p.note{text-indent:0}
nav.toc ol{list-style:none;padding-left:0;columns:2;column-gap:32px}
nav.toc li{margin:2px 0;break-inside:avoid}
nav.toc li.l1{font-weight:700;margin-top:8px}
nav.toc li.l2{padding-left:1.5em}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
section.tbl{margin:28px 0 36px}
section.tbl h3{text-align:center;margin-bottom:4px}
.meta{margin:0;color:var(--muted);font-size:14px;display:flex;justify-content:space-between}
.meta.num-line{justify-content:flex-end}
.scroll{overflow-x:auto;margin:6px 0}
table{border-collapse:collapse;width:100%;font-size:13px;line-height:1.45}
th,td{border:1px solid var(--rule);padding:4px 6px;vertical-align:middle}
th{background:var(--head);font-weight:600;text-align:center}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.line{text-align:center;color:var(--muted)}
tr.total td{font-weight:700}
td:target,span.claim:target{background:#fff3b0;outline:2px solid #e0a800}
.note{font-size:13px;color:var(--muted);margin-top:6px}
figure{margin:16px auto 24px;text-align:center}
figure svg{max-width:100%;height:auto}
figcaption{font-size:14px;color:var(--muted)}
p.caption{text-align:center;text-indent:0;font-family:"Noto Sans CJK SC",sans-serif;font-size:14px;margin-bottom:0;break-after:avoid}
figure{break-inside:avoid}
span.claim{border-bottom:1px dotted #9aa4ae}
a.fm{display:inline-block;min-width:1.5em;margin-left:3px;padding:0 3px;border-radius:8px;font:600 11px/1.5 sans-serif;text-align:center;text-indent:0;color:#fff;vertical-align:super}
.fm.error,li.error>b{background:#c62828}.fm.warning,li.warning>b{background:#b26a00}.fm.info,li.info>b{background:#59636e}
td.marked.error,tr.marked.error>td,p.marked.error{background:#fde7e7}td.marked.warning,tr.marked.warning>td,p.marked.warning{background:#fff4dc}
section.findings{max-width:1080px;margin:0 auto;padding:0 24px}section.findings ol{padding-left:0;list-style:none}
section.findings li{margin:6px 0;padding:6px 8px;border-left:4px solid #9aa4ae;font-size:14px;line-height:1.6}
section.findings li.error{border-color:#c62828}section.findings li.warning{border-color:#b26a00}
section.findings li>b{color:#fff;padding:0 6px;border-radius:3px;margin-right:6px;font-weight:600}
section.findings li:target,li:target{background:#fff3b0}
@media (max-width:700px){body{font-size:15px}header.cover h1{font-size:22px}main,header.cover,nav.toc{padding:0 12px}nav.toc ol{columns:1}
 h2{font-size:20px}table{font-size:12px}}
@media print{@page{size:A4;margin:18mm 15mm}body{font-size:11pt}nav.toc{break-after:page}
 h2.part{break-before:page}section.tbl{break-inside:auto}thead{display:table-header-group}tr{break-inside:avoid}
 a{color:inherit}span.claim{border:0}.scroll{overflow:visible}}
)";

class HtmlWriter {
public:
    HtmlWriter(const Disclosure& d, const HtmlMarks* marks) : d_(d), marks_(marks) {}

    std::string run() {
        auto blocks = document_outline(d_);
        std::string title = blocks.empty() ? d_.department : blocks.front().text;
        out_ += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<meta name=\"generator\" content=\"juesuan\">\n";
        out_ += "<title>" + esc(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
        out_ += "<header class=\"cover\"><h1>" + esc(title) + "</h1><p class=\"plain\">" + esc(d_.department) + "</p></header>\n";
        if (marks_) out_ += marks_->panel;
        toc(blocks);
        out_ += "<main>\n";
        for (const auto& b : blocks) block(b);
        out_ += "</main>\n</body>\n</html>\n";
        return out_;
    }

private:
    void toc(const std::vector<DocBlock>& blocks) {
        out_ += "<nav class=\"toc\" id=\"toc\"><h2>目录</h2><ol>\n";
        for (const auto& b : blocks) {
            if (!b.in_toc || b.anchor.empty()) continue;
            int level = b.kind == DocBlock::Kind::Heading ? b.level : 2;
            out_ += fmt::format("<li class=\"l{}\"><a href=\"#{}\">{}</a></li>\n", level, esc(b.anchor), esc(b.text));
        }
        out_ += "</ol></nav>\n";
    }

    std::string unique(std::string id) {
        std::string base = id;
        for (int n = 2; !ids_.insert(id).second; ++n) id = fmt::format("{}-{}", base, n);
        return id;
    }

    void block(const DocBlock& b) {
        switch (b.kind) {
            case DocBlock::Kind::Title: break;
            case DocBlock::Kind::Heading: {
                int h = b.level + 1;  // h2 parts, h3 sections, h4 inner headings
                std::string id = b.anchor.empty() ? "" : fmt::format(" id=\"{}\"", esc(unique(b.anchor)));
                out_ += fmt::format("<h{}{}{}>{}{}</h{}>\n", h, id, b.level == 1 ? " class=\"part\"" : "", esc(b.text),
                                    links(b.anchor), h);
                break;
            }
            case DocBlock::Kind::Paragraph:
                if (b.paragraph) {
                    const std::vector<HtmlMark> q = quoted(b.paragraph->text());
                    std::string cls = b.caption ? "caption" : "";
                    if (!q.empty()) cls += std::string(cls.empty() ? "" : " ") + "marked " + worst(q);
                    std::string attrs = cls.empty() ? "" : fmt::format(" class=\"{}\"", cls);
                    if (!q.empty()) attrs += fmt::format(" id=\"{}\"", esc(unique("q-" + q.front().id)));
                    out_ += fmt::format("<p{}>{}{}</p>\n", attrs, claims(*b.paragraph), links(q));
                } else {
                    out_ += "<p>" + esc(b.text) + "</p>\n";
                }
                break;
            case DocBlock::Kind::Chart:
                out_ += fmt::format("<figure id=\"{}\" role=\"img\" aria-label=\"{}\">\n", esc(unique(b.chart_id)), esc(b.text));
                out_ += chart_svg(*b.chart, b.chart_id + "-");
                out_ += "</figure>\n";
                break;
            case DocBlock::Kind::Table: table(*b.table, b.anchor); break;
        }
    }

    // A paragraph with every claim marked: id c-<claim id>, its formula in the title.
    std::string claims(const Paragraph& p) {
        std::string s;
        for (const auto& x : p.sentences) {
            std::vector<const Claim*> cs;
            for (const auto& c : x.claims) cs.push_back(&c);
            std::sort(cs.begin(), cs.end(), [](const Claim* a, const Claim* b) { return a->offset < b->offset; });
            size_t pos = 0;
            for (const Claim* c : cs) {
                if (c->offset < pos || c->offset + c->text.size() > x.text.size()) continue;
                s += esc(x.text.substr(pos, c->offset - pos));
                s += fmt::format("<span class=\"claim\" id=\"{}\" title=\"{}\">{}</span>", esc(unique("c-" + c->id)), esc(c->states),
                                 esc(c->text));
                pos = c->offset + c->text.size();
            }
            s += esc(x.text.substr(pos));
        }
        return s;
    }

    void table(const PrintedTable& t, const std::string& anchor) {
        out_ += anchor.empty() ? "<section class=\"tbl\">\n" : fmt::format("<section class=\"tbl\" id=\"{}\">\n", esc(unique(anchor)));
        if (!t.title.empty()) out_ += "<h3>" + esc(t.title) + links(anchor) + "</h3>\n";
        for (const auto& l : t.lines) out_ += "<p class=\"meta\">" + esc(l) + "</p>\n";
        out_ += "<div class=\"scroll\"><table>\n";
        for (int r = 0; r < static_cast<int>(t.grid.size()); ++r) {
            if (r == 0 && t.header_rows > 0) out_ += "<thead>\n";
            if (r == t.header_rows) out_ += "<tbody>\n";
            bool head = r < t.header_rows;
            bool total = false;
            for (const auto& c : t.grid[r])
                if (c.row && c.row->role == RowRole::Total) total = true;
            // Findings about the row as a whole: the row marked, the marks in its first cell.
            // (A printed line of 公开01表 holds two rows, an income and an expenditure one.)
            std::string row_id;
            std::vector<HtmlMark> row_found;
            std::set<const Row*> seen;
            for (const auto& c : t.grid[r]) {
                if (head || !c.row || !t.table || !seen.insert(c.row).second) continue;
                const std::string a = row_anchor(*t.table, *c.row);
                if (const auto* ms = marks_of(a)) {
                    if (row_id.empty()) row_id = a;
                    row_found.insert(row_found.end(), ms->begin(), ms->end());
                }
            }
            const std::vector<HtmlMark>* row_marks = row_found.empty() ? nullptr : &row_found;
            std::string tr_class = total ? "total" : "";
            if (row_marks) tr_class += std::string(tr_class.empty() ? "" : " ") + "marked " + worst(*row_marks);
            out_ += "<tr";
            if (row_marks) out_ += fmt::format(" id=\"{}\"", esc(unique(row_id)));
            out_ += tr_class.empty() ? ">" : fmt::format(" class=\"{}\">", tr_class);
            bool first_cell = true;
            for (int c = 0; c < t.width(); ++c) {
                if (t.covered(r, c)) continue;
                const PrintedCell& cell = t.grid[r][c];
                std::string attrs;
                if (const Merge* m = t.merge_at(r, c)) {
                    if (m->rowspan > 1) attrs += fmt::format(" rowspan=\"{}\"", m->rowspan);
                    if (m->colspan > 1) attrs += fmt::format(" colspan=\"{}\"", m->colspan);
                }
                if (head) {
                    out_ += "<th" + attrs + ">" + esc(cell.text) + "</th>";
                    continue;
                }
                const std::string id =
                    cell.row && t.table && cell.amount && !cell.text.empty() ? cell_anchor(*t.table, *cell.row, cell.column) : "";
                const std::vector<HtmlMark>* cell_marks = marks_of(id);
                std::string cls = cell.amount ? "num" : cell.column == "line" ? "line" : "";
                if (cell_marks) cls += std::string(cls.empty() ? "" : " ") + "marked " + worst(*cell_marks);
                if (!cls.empty()) attrs += fmt::format(" class=\"{}\"", cls);
                if (!id.empty()) attrs += fmt::format(" id=\"{}\"", esc(unique(id)));
                std::string extra = cell_marks ? links(*cell_marks) : "";
                if (first_cell && row_marks) extra += links(*row_marks);
                first_cell = false;
                out_ += "<td" + attrs + ">" + esc(cell.text) + extra + "</td>";
            }
            out_ += "</tr>\n";
            if (r + 1 == t.header_rows) out_ += "</thead>\n";
        }
        if (static_cast<int>(t.grid.size()) > t.header_rows) out_ += "</tbody>\n";
        out_ += "</table></div>\n";
        if (!t.note.empty())
            for (const auto& line : split_lines(t.note)) out_ += "<p class=\"note\">" + esc(line) + "</p>\n";
        out_ += "</section>\n";
    }

    const std::vector<HtmlMark>* marks_of(const std::string& anchor) const {
        if (!marks_ || anchor.empty()) return nullptr;
        auto it = marks_->at.find(anchor);
        return it == marks_->at.end() ? nullptr : &it->second;
    }

    std::vector<HtmlMark> quoted(const std::string& text) const {
        std::vector<HtmlMark> out;
        if (!marks_) return out;
        for (const auto& [head, m] : marks_->quotes)
            if (!head.empty() && text.find(head) != std::string::npos) out.push_back(m);
        return out;
    }

    static std::string worst(const std::vector<HtmlMark>& ms) {
        std::string w = "info";
        for (const auto& m : ms) {
            if (m.severity == "error") return "error";
            if (m.severity == "warning") w = "warning";
        }
        return w;
    }

    // Each finding's numbered mark, linking to its entry in the list.
    static std::string links(const std::vector<HtmlMark>& ms) {
        std::string s;
        for (const auto& m : ms)
            s += fmt::format("<a class=\"fm {}\" href=\"#{}\" title=\"{}\">{}</a>", esc(m.severity), esc(m.id), esc(m.title),
                             esc(m.id.substr(m.id.find('-') + 1)));
        return s;
    }
    std::string links(const std::string& anchor) const {
        const auto* ms = marks_of(anchor);
        return ms ? links(*ms) : "";
    }

    static std::vector<std::string> split_lines(const std::string& s) {
        std::vector<std::string> out;
        size_t start = 0;
        while (start <= s.size()) {
            size_t end = s.find('\n', start);
            if (end == std::string::npos) end = s.size();
            if (end > start) out.push_back(s.substr(start, end - start));
            start = end + 1;
        }
        return out;
    }

    const Disclosure& d_;
    const HtmlMarks* marks_ = nullptr;
    std::string out_;
    std::set<std::string> ids_;
};

}  // namespace

std::string html_escape(const std::string& s) { return esc(s); }

std::string write_html(const Disclosure& d) { return HtmlWriter(d, nullptr).run(); }
std::string write_html(const Disclosure& d, const HtmlMarks& marks) { return HtmlWriter(d, &marks).run(); }

}  // namespace juesuan
