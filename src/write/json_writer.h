// Disclosure → JSON, the machine interface (docs/json.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/disclosure.h"

namespace juesuan {

nlohmann::ordered_json disclosure_to_json(const Disclosure& d);
nlohmann::ordered_json performance_to_json(const Performance& p);
std::string write_json(const Disclosure& d);

}  // namespace juesuan
