/// An sRGB colour, 0–255 a channel (share cards' palette).
package struct Colour: Sendable, Hashable {
    package var red: Double, green: Double, blue: Double

    package init(red: Double, green: Double, blue: Double) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// `#rrggbb` or `#rgb`.
    package init?(hex: String) {
        let digits = Array(hex.utf8.dropFirst())
        guard hex.utf8.first == UInt8(ascii: "#"), digits.count == 6 || digits.count == 3,
              digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }),
              let value = Int(String(decoding: digits, as: UTF8.self), radix: 16)
        else { return nil }
        if digits.count == 3 {
            let (r, g, b) = (value >> 8 & 0xF, value >> 4 & 0xF, value & 0xF)
            self.init(red: Double(r * 17), green: Double(g * 17), blue: Double(b * 17))
        } else {
            self.init(red: Double(value >> 16 & 0xFF), green: Double(value >> 8 & 0xFF), blue: Double(value & 0xFF))
        }
    }
}
