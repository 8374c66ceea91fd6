/// JSON for `<script type="application/ld+json">` blocks.
package enum JSONLD {
    /// Serializes `object` (strings, integers, booleans, arrays and dictionaries of them).
    ///
    /// Keys are sorted (reproducible output) and `<`, `>` and `&` are written as `\u003c`…, so
    /// no value — a title holding `</script>` — can end the script element.
    package static func script(_ object: [String: Any]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        write(object, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same JSON as bytes (search's files).
    package static func bytes(_ value: Any) -> [UInt8] {
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        return bytes
    }

    private static func write(_ value: Any, into bytes: inout [UInt8]) {
        switch value {
        case let text as String:
            write(text, into: &bytes)
        case let flag as Bool:
            bytes.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case let number as Int:
            bytes.append(contentsOf: String(number).utf8)
        case let number as Int64:
            bytes.append(contentsOf: String(number).utf8)
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
            bytes.append(contentsOf: "null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
    /// Bytes a JSON string writes escaped: control characters, `"`, `\\`, and `<`, `>`, `&`.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26].contains($0) }

    /// Runs of bytes that need no escape are copied whole (answers of an FAQ are long).
    private static func write(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { writeString($0, into: &bytes) }
    }

    /// A JSON string of UTF-8 `utf8` (search's text files are made from bytes, never a `String`).
    static func writeString(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        bytes.append(0x22)
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard needsEscape[Int(byte)] else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            start = index + 1
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)  // \"
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)  // \\
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)  // \n
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)  // \r
            case 0x09: bytes.append(0x5C); bytes.append(0x74)  // \t
            default:  // < > & and control characters as \u00XX
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(0x22)
    }
}
