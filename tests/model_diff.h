// Where two Disclosures differ: walks both through the model's field lists (model/fields.h)
// and names the first member that differs, so a failed round trip says what was lost.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/fields.h"

namespace juesuan::test {

namespace diff_detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class T>
struct is_map<std::map<std::string, T>> : std::true_type {};
template <class T>
concept HasFields = requires(T& t) { Fields<T>::each(t, [](const char*, auto&, Presence) {}); };

template <class T>
std::string show(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) return "“" + v + "”";
    else if constexpr (std::is_arithmetic_v<T>) return std::to_string(v);
    else if constexpr (std::is_same_v<T, Money>) return std::to_string(v.fen()) + " 分";
    else return "…";
}

template <class T>
std::string first(const T& a, const T& b, const std::string& path) {
    if (a == b) return {};
    if constexpr (is_optional<T>::value) {
        if (!a || !b) return path + (a ? ": 有值 ≠ 无值" : ": 无值 ≠ 有值");
        return first(*a, *b, path);
    } else if constexpr (is_vector<T>::value) {
        for (size_t i = 0; i < a.size() && i < b.size(); ++i)
            if (auto d = first(a[i], b[i], fmt::format("{}[{}]", path, i)); !d.empty()) return d;
        return fmt::format("{}: {} 项 ≠ {} 项", path, a.size(), b.size());
    } else if constexpr (is_map<T>::value) {
        for (const auto& [k, v] : a) {
            auto it = b.find(k);
            if (it == b.end()) return path + "." + k + ": 只在前者中";
            if (auto d = first(v, it->second, path + "." + k); !d.empty()) return d;
        }
        for (const auto& [k, v] : b)
            if (!a.count(k)) return path + "." + k + ": 只在后者中";
        return path;
    } else if constexpr (HasFields<T>) {
        std::string out;
        // Fields<T>::each wants one object; walk `a` and find the same member of `b` by offset.
        Fields<T>::each(a, [&](const char* name, const auto& m, Presence) {
            if (!out.empty()) return;
            using M = std::remove_cvref_t<decltype(m)>;
            const auto offset = reinterpret_cast<const char*>(&m) - reinterpret_cast<const char*>(&a);
            const M& other = *reinterpret_cast<const M*>(reinterpret_cast<const char*>(&b) + offset);
            out = first(m, other, path.empty() ? name : path + "." + name);
        });
        return out.empty() ? path : out;
    } else {
        return path + ": " + show(a) + " ≠ " + show(b);
    }
}

}  // namespace diff_detail

// "" when equal, else the path of the first difference: "tables[2].rows[5].values.total: …".
template <class T>
std::string first_difference(const T& a, const T& b) {
    return diff_detail::first(a, b, "");
}

}  // namespace juesuan::test
