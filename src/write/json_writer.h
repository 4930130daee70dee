// Disclosure → disclosure.json, the machine interface (docs/json.md).
#pragma once

#include <string>

#include "model/disclosure.h"

namespace juesuan {

std::string write_json(const Disclosure& d);

}  // namespace juesuan
