#include "write/json_writer.h"

#include "codec/json_codec.h"

namespace juesuan {

std::string write_json(const Disclosure& d) { return disclosure_to_json(d).dump(2, ' ', false) + "\n"; }

}  // namespace juesuan
