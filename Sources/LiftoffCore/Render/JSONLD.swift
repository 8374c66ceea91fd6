/// JSON for `<script type="application/ld+json">` blocks.
enum JSONLD {
    /// Serializes `object` (strings, integers, booleans, arrays and dictionaries of them).
    ///
    /// Keys are sorted (reproducible output) and `<`, `>` and `&` are written as `\u003c`…, so
    /// no value — a title holding `</script>` — can end the script element.
    static func script(_ object: [String: Any]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        write(object, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: Any, into bytes: inout [UInt8]) {
        switch value {
        case let text as String:
            write(text, into: &bytes)
        case let flag as Bool:
            bytes += flag ? Array("true".utf8) : Array("false".utf8)
        case let number as Int:
            bytes += Array(String(number).utf8)
        case let number as Int64:
            bytes += Array(String(number).utf8)
        case let dictionary as [String: Any]:
            bytes.append(0x7B)  // {
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { bytes.append(0x2C) }
                write(key, into: &bytes)
                bytes.append(0x3A)
                write(dictionary[key]!, into: &bytes)
            }
            bytes.append(0x7D)
        case let array as [Any]:
            bytes.append(0x5B)  // [
            for (index, element) in array.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                write(element, into: &bytes)
            }
            bytes.append(0x5D)
        default:
            bytes += Array("null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func write(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]  // \"
            case 0x5C: bytes += [0x5C, 0x5C]  // \\
            case 0x0A: bytes += [0x5C, 0x6E]  // \n
            case 0x0D: bytes += [0x5C, 0x72]  // \r
            case 0x09: bytes += [0x5C, 0x74]  // \t
            case 0x3C, 0x3E, 0x26, 0x00..<0x20:  // < > & and control characters
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
