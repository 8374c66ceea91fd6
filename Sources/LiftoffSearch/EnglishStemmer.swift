
/// The Snowball English ("Porter2") stemmer, as Snowball 3 defines it, for words of lower-case ASCII
/// letters: `limited`, `limits` and `limit` are one term, `pricing` is `price`. `search.js` has the
/// same algorithm; both are checked against `Tests/SearchVectors/stemmer.json`, made by the
/// reference implementation (`tools/stem_vectors.py`).
enum EnglishStemmer {
    /// Stems the word in `word[0..<count]` in place and returns the stem's length (never more than
    /// `count`: a letter is added only where two or more were taken off).
    static func stem(_ word: UnsafeMutableBufferPointer<UInt8>, _ count: Int) -> Int {
        var w = Word(bytes: word, count: count)
        if let exception = exception1(w) { return exception }
        guard count >= 3 else { return count }
        w.prelude()
        w.markRegions()
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        w.postlude()
        return w.count
    }

    /// Whole words with a stem of their own (or none).
    private static let exceptions: [(word: StaticString, stem: StaticString)] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
        ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]

    private static func exception1(_ w: Word) -> Int? {
        // All of them are 3 to 6 letters long and end in s, y or e.
        guard w.count >= 3, w.count <= 6, w.bytes[w.count - 1] == 0x73 || w.bytes[w.count - 1] == 0x79 || w.bytes[w.count - 1] == 0x65
        else { return nil }
        for (word, stem) in exceptions where w.equals(word) {
            for index in 0..<stem.utf8CodeUnitCount { w.bytes[index] = stem.utf8Start[index] }
            return stem.utf8CodeUnitCount
        }
        return nil
    }

    /// A word being stemmed: its letters (`Y` marks a consonant y) and its regions R1 and R2.
    private struct Word {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        var count: Int
        var p1 = 0, p2 = 0
        var foundY = false

        static let Y: UInt8 = 0x59, y: UInt8 = 0x79
        /// Prefixes after which R1 starts.
        static let prefixes: [StaticString] = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]
        static let prefixStarts = letters("acegilopu")

        init(bytes: UnsafeMutableBufferPointer<UInt8>, count: Int) {
            self.bytes = bytes
            self.count = count
        }

        /// a e i o u y
        func isVowel(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
            default: return false
            }
        }

        func equals(_ text: StaticString) -> Bool {
            text.utf8CodeUnitCount == count && (0..<count).allSatisfy { bytes[$0] == text.utf8Start[$0] }
        }

        func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            return length <= count && (0..<length).allSatisfy { bytes[count - length + $0] == suffix.utf8Start[$0] }
        }

        func startsWith(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            return length <= count && (0..<length).allSatisfy { bytes[$0] == prefix.utf8Start[$0] }
        }

        mutating func replace(_ length: Int, with text: StaticString) {
            count -= length
            for index in 0..<text.utf8CodeUnitCount { bytes[count + index] = text.utf8Start[index] }
            count += text.utf8CodeUnitCount
        }

        /// A y at the start, or after a vowel, is a consonant: `Y`.
        mutating func prelude() {
            if bytes[0] == Self.y { bytes[0] = Self.Y; foundY = true }
            for index in 1..<count where bytes[index] == Self.y && isVowel(bytes[index - 1]) {
                bytes[index] = Self.Y
                foundY = true
            }
        }

        /// R1: after the first non-vowel following a vowel (or after one of a few prefixes); R2: the same within R1.
        mutating func markRegions() {
            p1 = count
            p2 = count
            if Self.has(Self.prefixStarts, bytes[0]), let prefix = Self.prefixes.first(where: { startsWith($0) }) {
                p1 = prefix.utf8CodeUnitCount
            } else if let found = afterVowelThenConsonant(from: 0) {
                p1 = found
            } else {
                return
            }
            if let found = afterVowelThenConsonant(from: p1) { p2 = found }
        }

        /// Just after the first non-vowel that follows a vowel, from `start`.
        @inline(__always) func afterVowelThenConsonant(from start: Int) -> Int? {
            var index = start
            while index < count, !isVowel(bytes[index]) { index += 1 }
            while index < count, isVowel(bytes[index]) { index += 1 }
            return index < count ? index + 1 : nil
        }

        /// Whether a vowel is in `bytes[0..<end]`.
        func hasVowel(before end: Int) -> Bool {
            (0..<max(0, end)).contains { isVowel(bytes[$0]) }
        }

        /// Whether the word up to `end` ends in a short syllable.
        func endsShort(at end: Int) -> Bool {
            if end >= 3 {
                let last = bytes[end - 1]
                if !isVowel(last), last != 0x77, last != 0x78, last != Self.Y, isVowel(bytes[end - 2]), !isVowel(bytes[end - 3]) { return true }
            }
            if end == 2, !isVowel(bytes[1]), isVowel(bytes[0]) { return true }
            return end >= 4 && bytes[end - 4] == 0x70 && bytes[end - 3] == 0x61 && bytes[end - 2] == 0x73 && bytes[end - 1] == 0x74  // past
        }

        mutating func step1a() {
            guard count >= 2, bytes[count - 1] == 0x73 else {  // s
                if count >= 3, endsWith("ied") { replace(3, with: count - 3 >= 2 ? "i" : "ie") }
                return
            }
            if endsWith("sses") {
                replace(4, with: "ss")
            } else if endsWith("ies") {
                replace(3, with: count - 3 >= 2 ? "i" : "ie")
            } else if !endsWith("ss"), !endsWith("us"), hasVowel(before: count - 2) {
                count -= 1
            }
        }

        mutating func step1b() {
            let suffix: StaticString
            switch bytes[count - 1] {
            case 0x64:  // d
                if endsWith("eed") { suffix = "eed" } else if endsWith("ed") { suffix = "ed" } else { return }
            case 0x67: guard endsWith("ing") else { return }; suffix = "ing"  // g
            case 0x79:  // y
                if endsWith("eedly") { suffix = "eedly" } else if endsWith("ingly") { suffix = "ingly" } else if endsWith("edly") { suffix = "edly" } else { return }
            default: return
            }
            let length = suffix.utf8CodeUnitCount, start = count - length
            if suffix.utf8Start[0] == 0x65, suffix.utf8Start[1] == 0x65 {  // eed, eedly
                guard start >= p1 else { return }
                let before = Word(bytes: bytes, count: start)
                if before.equals("succ") || before.equals("proc") || before.equals("exc") { return }
                replace(length, with: "ee")
                return
            }
            if length == 3, suffix.utf8Start[0] == 0x69 {  // ing
                let before = Word(bytes: bytes, count: start)
                if start == 2, bytes[1] == Self.y, !isVowel(bytes[0]) {
                    replace(4, with: "ie")  // dying → die (the y and ing)
                    return
                }
                if before.equals("even") || before.equals("cann") || before.equals("inn") || before.equals("earr")
                    || before.equals("herr") || before.equals("out") { return }
            }
            guard hasVowel(before: start) else { return }
            count = start
            if endsWith("at") || endsWith("bl") || endsWith("iz") {
                replace(0, with: "e")
            } else if count >= 2, bytes[count - 1] == bytes[count - 2], Self.has(Self.doubles, bytes[count - 1]) {
                // A double at the end loses a letter, unless the word is a, e or o and the double (`add`, `egg`, `off`).
                if !(count == 3 && (bytes[0] == 0x61 || bytes[0] == 0x65 || bytes[0] == 0x6F)) { count -= 1 }
            } else if count == p1, endsShort(at: count) {
                replace(0, with: "e")
            }
        }

        /// b d f g m n p r t
        static let doubles = letters("bdfgmnprt")
        /// Letters before which step 2 takes off `li`.
        static let validLI = letters("cdeghkmnrt")

        /// A set of lower-case letters as bits (a is bit 0).
        static func letters(_ text: StaticString) -> UInt32 {
            (0..<text.utf8CodeUnitCount).reduce(0) { $0 | 1 << UInt32(text.utf8Start[$1] - 0x61) }
        }

        @inline(__always) static func has(_ letters: UInt32, _ byte: UInt8) -> Bool {
            byte >= 0x61 && byte <= 0x7A && letters & (1 << UInt32(byte - 0x61)) != 0
        }

        mutating func step1c() {
            guard count >= 3, bytes[count - 1] == Self.y || bytes[count - 1] == Self.Y, !isVowel(bytes[count - 2]) else { return }
            bytes[count - 1] = 0x69  // i
        }

        /// Replaces `suffix` with `replacement` when it starts in `region`.
        mutating func replaceIn(_ region: Int, _ suffix: StaticString, _ replacement: StaticString) {
            if count - suffix.utf8CodeUnitCount >= region { replace(suffix.utf8CodeUnitCount, with: replacement) }
        }

        mutating func step2() {
            switch bytes[count - 1] {
            case 0x69:  // i
                if endsWith("anci") { replaceIn(p1, "anci", "ance") }
                else if endsWith("enci") { replaceIn(p1, "enci", "ence") }
                else if endsWith("ogi") { if count - 3 >= p1, count >= 4, bytes[count - 4] == 0x6C { replace(3, with: "og") } }
                else if endsWith("li") {
                    if endsWith("lessli") { replaceIn(p1, "lessli", "less") }
                    else if endsWith("fulli") { replaceIn(p1, "fulli", "ful") }
                    else if endsWith("ousli") { replaceIn(p1, "ousli", "ous") }
                    else if endsWith("entli") { replaceIn(p1, "entli", "ent") }
                    else if endsWith("abli") { replaceIn(p1, "abli", "able") }
                    else if endsWith("alli") { replaceIn(p1, "alli", "al") }
                    else if endsWith("bli") { replaceIn(p1, "bli", "ble") }
                    else if count - 2 >= p1, count >= 3, Self.has(Self.validLI, bytes[count - 3]) { count -= 2 }
                }
                else if endsWith("biliti") { replaceIn(p1, "biliti", "ble") }
                else if endsWith("aliti") { replaceIn(p1, "aliti", "al") }
                else if endsWith("iviti") { replaceIn(p1, "iviti", "ive") }
            case 0x6C:  // l
                if endsWith("ational") { replaceIn(p1, "ational", "ate") } else if endsWith("tional") { replaceIn(p1, "tional", "tion") }
            case 0x6D: if endsWith("alism") { replaceIn(p1, "alism", "al") }  // m
            case 0x6E:  // n
                if endsWith("ization") { replaceIn(p1, "ization", "ize") } else if endsWith("ation") { replaceIn(p1, "ation", "ate") }
            case 0x72:  // r
                if endsWith("izer") { replaceIn(p1, "izer", "ize") } else if endsWith("ator") { replaceIn(p1, "ator", "ate") }
            case 0x73:  // s
                if endsWith("iveness") { replaceIn(p1, "iveness", "ive") }
                else if endsWith("fulness") { replaceIn(p1, "fulness", "ful") }
                else if endsWith("ousness") { replaceIn(p1, "ousness", "ous") }
            case 0x74: if endsWith("ogist") { replaceIn(p1, "ogist", "og") }  // t
            default: break
            }
        }

        mutating func step3() {
            switch bytes[count - 1] {
            case 0x65:  // e
                if endsWith("icate") { replaceIn(p1, "icate", "ic") }
                else if endsWith("ative") { replaceIn(max(p1, p2), "ative", "") }
                else if endsWith("alize") { replaceIn(p1, "alize", "al") }
            case 0x69: if endsWith("iciti") { replaceIn(p1, "iciti", "ic") }  // i
            case 0x6C:  // l
                if endsWith("ational") { replaceIn(p1, "ational", "ate") }
                else if endsWith("tional") { replaceIn(p1, "tional", "tion") }
                else if endsWith("ical") { replaceIn(p1, "ical", "ic") }
                else if endsWith("ful") { replaceIn(p1, "ful", "") }
            case 0x73: if endsWith("ness") { replaceIn(p1, "ness", "") }  // s
            default: break
            }
        }

        mutating func step4() {
            var length = 0
            switch bytes[count - 1] {
            case 0x63: if endsWith("ic") { length = 2 }  // c
            case 0x65:  // e
                if endsWith("ance") || endsWith("ence") || endsWith("able") || endsWith("ible") { length = 4 }
                else if endsWith("ate") || endsWith("ive") || endsWith("ize") { length = 3 }
            case 0x69: if endsWith("iti") { length = 3 }  // i
            case 0x6C: if endsWith("al") { length = 2 }  // l
            case 0x6D: if endsWith("ism") { length = 3 }  // m
            case 0x6E:  // n: ion after s or t
                if endsWith("ion"), count - 3 >= p2, count >= 4, bytes[count - 4] == 0x73 || bytes[count - 4] == 0x74 { count -= 3 }
                return
            case 0x72: if endsWith("er") { length = 2 }  // r
            case 0x73: if endsWith("ous") { length = 3 }  // s
            case 0x74:  // t
                if endsWith("ement") { length = 5 } else if endsWith("ment") { length = 4 } else if endsWith("ant") || endsWith("ent") { length = 3 }
            default: return
            }
            if length > 0, count - length >= p2 { count -= length }
        }

        mutating func step5() {
            guard count >= 1 else { return }
            let start = count - 1
            if bytes[start] == 0x65 {  // e
                if start >= p2 || (start >= p1 && !endsShort(at: start)) { count = start }
            } else if bytes[start] == 0x6C, start >= p2, start >= 1, bytes[start - 1] == 0x6C {  // ll
                count = start
            }
        }

        mutating func postlude() {
            guard foundY else { return }
            for index in 0..<count where bytes[index] == Self.Y { bytes[index] = Self.y }
        }
    }
}
