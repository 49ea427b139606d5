// Makes every string (values and object keys) of a nlohmann::json tree valid
// UTF-8 before dump(), which throws type_error.316 on invalid bytes. Names
// reach JSON from models, file names and options; see ember::utf8Safe.
#pragma once

#include <string>
#include <utility>

#include "../Text.h"

namespace ember {

template <class Json>
void makeUtf8Safe(Json &j) {
    if (j.is_string()) {
        j = utf8Safe(j.template get_ref<const std::string &>());
    } else if (j.is_array()) {
        for (auto &e : j) makeUtf8Safe(e);
    } else if (j.is_object()) {
        Json fixed = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            Json v = std::move(it.value());
            makeUtf8Safe(v);
            fixed[utf8Safe(it.key())] = std::move(v);
        }
        j = std::move(fixed);
    }
}

}  // namespace ember
