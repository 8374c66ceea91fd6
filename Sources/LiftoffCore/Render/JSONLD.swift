import Foundation

enum JSONLD {
    /// Serializes `object` for a `<script type="application/ld+json">` block.
    ///
    /// Keys are sorted (reproducible output) and `<`, `>` and `&` are escaped as `\u003c`…,
    /// so no value — a title holding `</script>` — can end the script element.
    static func script(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        var result = ""
        result.reserveCapacity(data.count)
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
