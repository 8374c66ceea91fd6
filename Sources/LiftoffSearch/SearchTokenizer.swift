import Foundation

/// Splits text into search terms exactly as the reader's `search.js` does (the two share
/// `Tests/SearchVectors/tokenizer.json`):
///
/// 1. fold: compatibility decomposition (NFKD), nonspacing marks removed (the kana voicing marks
///    kept: `デ` is not `テ`), recomposed (NFC), lower case, final sigma as sigma — `Café` and
///    `cafe` are one term, `ﬁ` is `fi`;
/// 2. words: runs of letters, digits and spacing marks; anything else separates;
/// 3. CJK (Han, kana, Hangul) has no spaces between words: each run of it becomes its overlapping
///    pairs of characters (`画像生成` → `画像`, `像生`, `生成`; one character alone stays one term),
///    so that any two-character substring finds the text;
/// 4. a term keeps its first 32 characters;
/// 5. in an English index (`SearchStemmer`), a word of lower-case ASCII letters is stemmed
///    (`EnglishStemmer`, Snowball's English): `limits` and `limited` find `limit`.
enum SearchTokenizer {
    static let maxLength = 32

    /// Every term of `text`, in order (the build stems each distinct word once instead:
    /// `SearchVocabulary`).
    static func terms(_ text: String, stemmer: SearchStemmer = .english) -> [String] {
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { scratch in
                forEachWord(bytes) { word, _, english in
                    terms.append(String(decoding: english && stemmer.stems ? stemmed(word, into: scratch) : word, as: UTF8.self))
                }
            }
        }
        return terms
    }

    /// `word` (of lower-case ASCII letters, at most `maxLength`) stemmed, in `scratch`.
    static func stemmed(_ word: UnsafeBufferPointer<UInt8>, into scratch: UnsafeMutableBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        _ = scratch.initialize(from: word)
        return UnsafeBufferPointer(rebasing: scratch[0..<EnglishStemmer.stem(scratch, word.count)])
    }

    /// Calls `body` with each word's UTF-8 bytes (valid only during the call), their `TermTable.hash`
    /// and whether it is an English word the stemmer makes a term of (lower-case ASCII letters, 3 or
    /// more); other words are terms as they are. ASCII runs are folded and hashed in one pass over
    /// their bytes; only runs holding other characters go through Unicode.
    @inline(__always)
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UInt64, Bool) -> Void) {
        asciiFolding.withUnsafeBufferPointer { folding in
            // A word's first `maxLength` bytes, then one slot the bytes past them are written to,
            // then room to read the last 8 bytes whole.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength + 8) { scratch in
                scratch.initialize(repeating: 0)
                var index = 0
                let count = bytes.count
                while index < count {
                    let first = folding[Int(bytes[index])]
                    if first == 0 { index += 1; continue }
                    if first == nonASCII, let skip = separatorLength(bytes, at: index) { index += skip; continue }
                    // ASCII letters and digits: folded into `scratch` as the run is read.
                    var end = index
                    var folded: UInt8 = 0
                    var lowest: UInt8 = 0xFF
                    while end < count {
                        folded = folding[Int(bytes[end])]
                        if folded &- 1 >= nonASCII &- 1 { break }  // 0 or nonASCII
                        scratch[min(end - index, maxLength)] = folded
                        lowest = min(lowest, folded)
                        end += 1
                    }
                    if end == count || folded != nonASCII || separatorLength(bytes, at: end) != nil {
                        let length = min(end - index, maxLength)
                        if end - index > maxLength {
                            // Only the term's own letters say whether it is an English word.
                            lowest = 0xFF
                            for offset in 0..<length { lowest = min(lowest, scratch[offset]) }
                        }
                        let hash = TermTable.hash(padded: UnsafeRawPointer(scratch.baseAddress!), count: length)
                        body(UnsafeBufferPointer(rebasing: scratch[0..<length]), hash, lowest >= 0x61 && length >= 3)
                        index = end
                        continue
                    }
                    // A run holding other characters goes through Unicode.
                    while end < count {
                        let byte = folding[Int(bytes[end])]
                        if byte == 0 || (byte == nonASCII && separatorLength(bytes, at: end) != nil) { break }
                        end += 1
                    }
                    unicodeTerms(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)) { word, english in
                        body(word, TermTable.hash(word), english)
                    }
                    index = end
                }
            }
        }
    }

    /// For each byte: an ASCII letter or digit folded (lower case), `nonASCII` for a byte of a
    /// multi-byte character, 0 for anything else (a separator).
    private static let nonASCII: UInt8 = 0xFF
    private static let asciiFolding: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte | 0x20)
        case 0x80...: nonASCII
        default: 0
        }
    }

    /// The length of a character that separates words whatever its neighbours, found from its bytes
    /// (so that smart quotes and dashes in English text need no Unicode folding): no-break space,
    /// soft hyphen (U+00A0, U+00AD) and General Punctuation (U+2000–U+206F: spaces, dashes, quotes,
    /// ellipsis, invisible operators — none folds to a letter or digit).
    @inline(__always) private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        guard byte == 0xC2 || byte == 0xE2, index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0xA0 || second == 0xAD ? 2 : nil }
        guard index + 2 < bytes.count else { return nil }
        return second == 0x80 || (second == 0x81 && bytes[index + 2] < 0xB0) ? 3 : nil
    }

    /// The terms of a run that holds characters beyond ASCII.
    private static func unicodeTerms(_ run: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var word = String.UnicodeScalarView()
        var wordLength = 0
        var previousCJK: Unicode.Scalar?
        func emit(_ scalars: String.UnicodeScalarView) {
            var term = String(scalars)
            term.withUTF8 { utf8 in
                // A word that folded to ASCII letters (`Pagés`, full-width `Ｐａｇｅｓ`) is stemmed as one typed so.
                body(utf8, utf8.count >= 3 && utf8.count <= maxLength && utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }))
            }
        }
        func endWord() {
            if !word.isEmpty { emit(word) }
            word = String.UnicodeScalarView()
            wordLength = 0
        }
        func endCJK(single: Bool) {
            if single, let previous = previousCJK { emit(String.UnicodeScalarView([previous])) }
            previousCJK = nil
        }
        var cjkRun = 0
        for scalar in fold(run).unicodeScalars {
            if isCJK(scalar) {
                endWord()
                if let previous = previousCJK { emit(String.UnicodeScalarView([previous, scalar])) }
                previousCJK = scalar
                cjkRun += 1
            } else {
                endCJK(single: cjkRun == 1)
                cjkRun = 0
                if isWordScalar(scalar) {
                    if wordLength < maxLength { word.append(scalar) }
                    wordLength += 1
                } else {
                    endWord()
                }
            }
        }
        endCJK(single: cjkRun == 1)
        endWord()
    }

    /// NFKD, nonspacing marks removed (kana voicing marks kept), NFC, lower case, ς → σ.
    static func fold(_ text: String) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark || scalar.value == 0x3099 || scalar.value == 0x309A {
            stripped.append(scalar)
        }
        let lower = String(stripped).precomposedStringWithCanonicalMapping.lowercased()
        return lower.contains("ς") ? lower.replacingOccurrences(of: "ς", with: "σ") : lower
    }

    /// Letters, digits and spacing marks (Devanagari and Thai vowels, for example).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// Han, Hiragana, Katakana and Hangul syllables: written without spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }
}
