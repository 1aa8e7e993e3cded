// The fastest general-purpose parsers Debian packages (simdjson, RapidJSON),
// merely parsing: the "separate comparison" of the benchmark.
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <simdjson.h>

#include "fast_peers.h"

namespace {

simdjson::dom::parser *dom_parser;
simdjson::ondemand::parser *ondemand_parser;

int simdjson_dom_parse(const char *s, size_t n, size_t capacity)
{
    // The input buffer carries SIMDJSON_PADDING readable bytes after the text.
    (void)capacity;
    simdjson::dom::element root;
    return dom_parser->parse(s, n, false).get(root) == simdjson::SUCCESS;
}

// On-demand parsing reads values only when asked: walk every value once.
bool walk(simdjson::ondemand::value v);

bool walk_object(simdjson::ondemand::object o)
{
    for (auto field : o) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        simdjson::ondemand::value v;
        if (field.value().get(v) || !walk(v)) return false;
    }
    return true;
}

bool walk(simdjson::ondemand::value v)
{
    simdjson::ondemand::json_type type;
    if (v.type().get(type)) return false;
    switch (type) {
    case simdjson::ondemand::json_type::object: {
        simdjson::ondemand::object o;
        return !v.get_object().get(o) && walk_object(o);
    }
    case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array a;
        if (v.get_array().get(a)) return false;
        for (auto element : a) {
            simdjson::ondemand::value e;
            if (element.get(e) || !walk(e)) return false;
        }
        return true;
    }
    case simdjson::ondemand::json_type::string: {
        std::string_view sv;
        return !v.get_string().get(sv);
    }
    case simdjson::ondemand::json_type::number: {
        double d;
        return !v.get_double().get(d);
    }
    case simdjson::ondemand::json_type::boolean: {
        bool b;
        return !v.get_bool().get(b);
    }
    default:
        return v.is_null();
    }
}

int simdjson_ondemand_parse(const char *s, size_t n, size_t capacity)
{
    simdjson::ondemand::document doc;
    if (ondemand_parser->iterate(s, n, capacity).get(doc)) return 0;
    simdjson::ondemand::object root;
    if (doc.get_object().get(root)) return 0;
    return walk_object(root);
}

int rapidjson_parse(const char *s, size_t n, size_t capacity)
{
    (void)capacity;
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(s, n);
    return !d.HasParseError();
}

const fast_peer peers[] = {
    {"simdjson DOM", simdjson_dom_parse},
    {"simdjson On-Demand", simdjson_ondemand_parse},
    {"RapidJSON", rapidjson_parse},
};

}  // namespace

extern "C" {

const fast_peer *fast_peers(size_t *count)
{
    if (!dom_parser) {
        dom_parser = new simdjson::dom::parser();
        ondemand_parser = new simdjson::ondemand::parser();
    }
    *count = sizeof peers / sizeof peers[0];
    return peers;
}

size_t fast_peer_padding(void) { return simdjson::SIMDJSON_PADDING; }

long simdjson_ndjson_documents(const char *s, size_t n)
{
    static simdjson::dom::parser many;   // its batch buffers are kept between calls
    simdjson::dom::document_stream stream;
    long count = 0;
    if (many.parse_many(reinterpret_cast<const uint8_t *>(s), n, 1 << 20).get(stream)) return -1;
    for (auto doc : stream) {
        if (doc.error()) return -1;
        count++;
    }
    return count;
}

const char *fast_peer_versions(void)
{
    static std::string text = std::string("simdjson ") + std::to_string(simdjson::SIMDJSON_VERSION_MAJOR) + "." +
                              std::to_string(simdjson::SIMDJSON_VERSION_MINOR) + "." +
                              std::to_string(simdjson::SIMDJSON_VERSION_REVISION) + " (" +
                              simdjson::get_active_implementation()->name() + ", on-demand " +
                              simdjson::builtin_implementation()->name() + "), RapidJSON " +
                              RAPIDJSON_VERSION_STRING;
    return text.c_str();
}

}  // extern "C"
