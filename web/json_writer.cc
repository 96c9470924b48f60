#include "web/json_writer.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/src/utf8.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/strutil.h"

namespace loupe {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr char kHex[] = "0123456789abcdef";

void AppendHex4(uint32_t unit, std::string* out) {
  char buffer[6] = {'\\', 'u', kHex[(unit >> 12) & 0xF], kHex[(unit >> 8) & 0xF],
                    kHex[(unit >> 4) & 0xF], kHex[unit & 0xF]};
  out->append(buffer, sizeof(buffer));
}

// True for the code points protobuf's JsonEscaping writes as \uXXXX beyond
// U+009F: format and separator characters that are risky in JavaScript.
bool EscapedAbove9F(char32_t c) {
  switch (c) {
    case 0xFEFF: case 0xFFF9: case 0xFFFA: case 0xFFFB: case 0x00AD:
    case 0x06DD: case 0x070F: case 0x17B4: case 0x17B5:
      return true;
    default:
      return (c >= 0x0600 && c <= 0x0603) || (c >= 0x200B && c <= 0x200F) ||
             (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
             (c >= 0x206A && c <= 0x206F) || c == 0xE0001 ||
             (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0020 && c <= 0xE007F);
  }
}

void AppendEscaped(absl::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\' && b != '<' &&
        b != '>') {
      ++i;
      continue;
    }
    size_t next = i;
    const char32_t c = b < 0x80 ? (++next, b) : DecodeUtf8(s, &next);
    const bool escape = c < 0xA0 || EscapedAbove9F(c);
    if (!escape) {
      i = next;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      default:
        if (c >= 0x10000) {
          AppendHex4(0xD800 + ((c - 0x10000) >> 10), out);
          AppendHex4(0xDC00 + ((c - 0x10000) & 0x3FF), out);
        } else {
          AppendHex4(c, out);
        }
    }
    i = next;
    run = i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendDouble(double value, std::string* out) {
  if (std::isfinite(value)) {
    out->append(google::protobuf::SimpleDtoa(value));
  } else {
    out->append(std::isnan(value) ? "\"NaN\""
                                  : (value > 0 ? "\"Infinity\"" : "\"-Infinity\""));
  }
}

void AppendFloat(float value, std::string* out) {
  if (std::isfinite(value)) {
    out->append(google::protobuf::SimpleFtoa(value));
  } else {
    out->append(std::isnan(value) ? "\"NaN\""
                                  : (value > 0 ? "\"Infinity\"" : "\"-Infinity\""));
  }
}

bool Supported(const FieldDescriptor* field) {
  if (field->is_map() || field->type() == FieldDescriptor::TYPE_GROUP ||
      field->has_optional_keyword()) {
    return false;
  }
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    return field->message_type()->file()->package() != "google.protobuf";
  }
  return true;
}

absl::Status AppendMessage(const Message& message, std::string* out);

// One value of `field`: the `index`th if repeated.
absl::Status AppendValue(const Message& message, const Reflection& r,
                         const FieldDescriptor* field, int index,
                         std::string* out) {
  const bool rep = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      absl::StrAppend(out, rep ? r.GetRepeatedInt32(message, field, index)
                               : r.GetInt32(message, field));
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      absl::StrAppend(out, rep ? r.GetRepeatedUInt32(message, field, index)
                               : r.GetUInt32(message, field));
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      absl::StrAppend(out, "\"",
                      rep ? r.GetRepeatedInt64(message, field, index)
                          : r.GetInt64(message, field),
                      "\"");
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      absl::StrAppend(out, "\"",
                      rep ? r.GetRepeatedUInt64(message, field, index)
                          : r.GetUInt64(message, field),
                      "\"");
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      AppendDouble(rep ? r.GetRepeatedDouble(message, field, index)
                       : r.GetDouble(message, field),
                   out);
      break;
    case FieldDescriptor::CPPTYPE_FLOAT:
      AppendFloat(rep ? r.GetRepeatedFloat(message, field, index)
                      : r.GetFloat(message, field),
                  out);
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      out->append((rep ? r.GetRepeatedBool(message, field, index)
                       : r.GetBool(message, field))
                      ? "true"
                      : "false");
      break;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = rep ? r.GetRepeatedEnumValue(message, field, index)
                             : r.GetEnumValue(message, field);
      const EnumValueDescriptor* value =
          field->enum_type()->FindValueByNumber(number);
      if (value != nullptr) {
        AppendEscaped(value->name(), out);
      } else {
        absl::StrAppend(out, number);
      }
      break;
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& s =
          rep ? r.GetRepeatedStringReference(message, field, index, &scratch)
              : r.GetStringReference(message, field, &scratch);
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        // Standard base64 with padding, as protobuf's Base64Escape.
        absl::StrAppend(out, "\"", absl::Base64Escape(s), "\"");
      } else {
        AppendEscaped(s, out);
      }
      break;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return AppendMessage(rep ? r.GetRepeatedMessage(message, field, index)
                               : r.GetMessage(message, field),
                           out);
  }
  return absl::OkStatus();
}

absl::Status AppendMessage(const Message& message, std::string* out) {
  const Descriptor* descriptor = message.GetDescriptor();
  const Reflection& r = *message.GetReflection();
  out->push_back('{');
  bool first = true;
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const FieldDescriptor* field = descriptor->field(f);
    if (!Supported(field)) {
      return absl::UnimplementedError(
          absl::StrCat("JSON for field ", field->full_name()));
    }
    // Unset singular messages and oneof members are left out; every other
    // field is printed, defaults and empty lists included.
    if (!field->is_repeated() &&
        (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ||
         field->containing_oneof() != nullptr) &&
        !r.HasField(message, field)) {
      continue;
    }
    if (!first) out->push_back(',');
    first = false;
    AppendEscaped(field->json_name(), out);
    out->push_back(':');
    if (field->is_repeated()) {
      out->push_back('[');
      const int size = r.FieldSize(message, field);
      for (int i = 0; i < size; ++i) {
        if (i > 0) out->push_back(',');
        if (absl::Status s = AppendValue(message, r, field, i, out); !s.ok()) {
          return s;
        }
      }
      out->push_back(']');
    } else if (absl::Status s = AppendValue(message, r, field, -1, out);
               !s.ok()) {
      return s;
    }
  }
  out->push_back('}');
  return absl::OkStatus();
}

}  // namespace

absl::Status AppendProto3Json(const Message& message, std::string* out) {
  return AppendMessage(message, out);
}

}  // namespace loupe
