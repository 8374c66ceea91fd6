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

    public var description: String {
        let location = line > 0 ? "\(path):\(line)" : path
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
