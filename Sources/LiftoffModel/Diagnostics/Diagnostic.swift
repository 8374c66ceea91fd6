/// A problem found in a site's sources, printed as `path:line: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path relative to the site root, e.g. `content/countdown.md`.
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(_ severity: Severity = .error, path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public static func error(_ path: String, _ line: Int, _ message: String) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, message)
    }

    public static func warning(_ path: String, _ line: Int, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, message)
    }

    /// One line, whatever the path or message hold: control characters are printed escaped, so a
    /// file's text can neither move the cursor nor set the terminal's title.
    public var description: String {
        let location = (line > 0 ? "\(path):\(line)" : path).escapingControlCharacters
        let message = message.escapingControlCharacters
        switch severity {
        case .error: return "\(location): \(message)"
        case .warning: return "\(location): warning: \(message)"
        }
    }
}

/// Thrown when a build cannot go on; carries every problem found so far.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension String {
    /// The text with control characters (C0, DEL, C1) and bidirectional overrides written as
    /// escapes: `\n`, `\t`, `\u{1B}`. Safe to print on one terminal line.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.needsEscape) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.needsEscape: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
    var needsEscape: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
