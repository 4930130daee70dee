// The Disclosure as JSON (docs/json.md): written and read by the one field list of each model
// type (model/fields.h), so what is written is what is read back, member for member.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/disclosure.h"

namespace juesuan {

// The largest amount a Disclosure may hold, in 分: the one bound of every amount (core/money.h).
inline constexpr std::int64_t kMaxJsonAmountFen = Money::kMaxFen;

nlohmann::ordered_json disclosure_to_json(const Disclosure& d);

// The Disclosure of a parsed disclosure.json. Throws InputError naming `file` and the JSON path
// of the first problem (a wrong type, a missing member, an amount out of range, a cell of a
// column the table does not have, an offset outside its sentence …).
Disclosure disclosure_from_json(const nlohmann::json& j, const std::string& file);

}  // namespace juesuan
