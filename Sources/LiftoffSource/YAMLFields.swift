import Yams
import LiftoffModel

/// The tags Liftoff reads (booleans, whole numbers, null); dates and everything else are read
/// from the scalar's text. Each rule is a regular expression tried on every scalar, keys
/// included (Yams hashes keys by their resolved tag to find duplicates): the default seven
/// cost more than the rest of a front matter's parse.
private let yamlResolver = Yams.Resolver.basic.appending(Yams.Resolver.Rule.bool).appending(Yams.Resolver.Rule.int).appending(Yams.Resolver.Rule.null)

/// Parses YAML text into a node, turning Yams errors into a diagnostic at the file's line.
///
/// - Parameters:
///   - lineOffset: lines of the file before the YAML text (1 for front matter after `---`).
package func composeYAML(_ text: String, path: String, lineOffset: Int, what: String) -> Result<Node?, Diagnostic> {
    if text.utf8.count > yamlByteLimit {
        return .failure(.error(path, lineOffset + 1,
            "\(what): \(text.utf8.count / 1_000_000) MB of YAML in one place; Liftoff reads at most \(yamlByteLimit / 1_000_000) MB there: split it or move the data into files"))
    }
    do {
        // The encoding given, not `.default`, which reads the process environment on every call.
        let node = try Yams.compose(yaml: text, yamlResolver, .default, .utf8)
        // Without a `*` there is no alias to count.
        if let node, text.utf8.contains(UInt8(ascii: "*")), let line = aliasExpansionLine(node) {
            return .failure(.error(path, line + lineOffset,
                "\(what): too many aliases: they repeat more than \(yamlAliasLimit) values; write the values out or use fewer aliases"))
        }
        return .success(node)
    } catch let error as YamlError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "\(what): invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return .failure(.error(path, mark.line + lineOffset, message))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams' own text carries the whole document: one line, the key's.
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .failure(.error(path, context.mark.line + lineOffset,
                "\(what): key \(names) appears twice\(duplicates.count > 1 ? " (each)" : "")"))
        default:
            return .failure(.error(path, lineOffset + 1, "\(what): invalid YAML: \(error)"))
        }
    } catch {
        return .failure(.error(path, lineOffset + 1, "\(what): invalid YAML: \(error)"))
    }
}

/// The most values the aliases of one YAML document may repeat. An alias repeats a node without
/// copying it, so a few hundred bytes can stand for billions of values ("billion laughs");
/// everything that reads the document afterwards would expand them. Values written out are not
/// counted: their bytes bound them (`yamlByteLimit`).
let yamlAliasLimit = 100_000

/// The most bytes of YAML read in one place (front matter, a component block, site.yml).
let yamlByteLimit = 16_000_000

/// The line (in the YAML text) of the top-level entry past which the document's aliases repeat
/// more than `yamlAliasLimit` values, or nil when they repeat fewer.
///
/// Composing resolves an alias to the anchored node itself, which keeps the anchor's source
/// position: a list or mapping met again at a position already walked is an alias's copy, and
/// counts for every value it holds (its nested copies included).
private func aliasExpansionLine(_ node: Node) -> Int? {
    struct Position: Hashable { var line: Int, column: Int }
    let cap = yamlAliasLimit + 1
    var sizes: [Position: Int] = [:]
    var repeated = 0
    /// The values `node` stands for (at most `cap`); copies met inside add to `repeated`.
    func size(_ node: Node) -> Int {
        if case .scalar = node { return 1 }
        if case .alias = node { return 1 }
        let position = node.mark.map { Position(line: $0.line, column: $0.column) }
        if let position, let known = sizes[position] {
            repeated = min(repeated + known, cap)
            return known
        }
        var total = 1
        func add(_ child: Node) {
            if repeated < cap { total = min(total + size(child), cap) }
        }
        if let sequence = node.sequence { for child in sequence { add(child) } }
        if let mapping = node.mapping {
            for (key, value) in mapping {
                add(key)
                add(value)
            }
        }
        if let position { sizes[position] = total }
        return total
    }
    guard let mapping = node.mapping else {
        _ = size(node)
        return repeated > yamlAliasLimit ? 1 : nil
    }
    for (key, value) in mapping {
        _ = size(key)
        _ = size(value)
        if repeated > yamlAliasLimit { return key.mark?.line ?? 1 }
    }
    return nil
}

/// Reads the keys of one YAML mapping with line numbers, collecting every problem.
///
/// Each accessor records a diagnostic (with the key's line) when a value has the wrong
/// type and returns nil; unknown keys are reported with a suggestion when one is close.
package struct YAMLFields {
    package let path: String
    let lineOffset: Int
    /// What the mapping is, for messages: "front matter", "site.yml", "countdown".
    let what: String
    package private(set) var diagnostics: [Diagnostic] = []
    private var entries: [String: (key: Node, value: Node)] = [:]
    /// Line of the mapping itself.
    let line: Int

    /// - Parameter line: the line problems with the mapping as a whole point at (a missing
    ///   key): the key holding a nested mapping, or the first line of the document.
    package init(_ node: Node, known: [String], path: String, lineOffset: Int, what: String, line: Int? = nil) {
        self.path = path
        self.lineOffset = lineOffset
        self.what = what
        self.line = line ?? max(1, lineOffset)
        guard let mapping = node.mapping else {
            diagnostics.append(.error(path, self.line, "\(what) must be a mapping of `key: value` lines"))
            return
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyLine = (key.mark?.line ?? 1) + lineOffset
            if !known.contains(name) {
                var message = "\(what): unknown key '\(name)'"
                if let suggestion = closest(to: name, in: known) {
                    message += "; did you mean '\(suggestion)'?"
                } else if what == "front matter" {
                    message += "; custom fields belong under 'extra:'"
                }
                diagnostics.append(.error(path, keyLine, message))
            } else if entries[name] != nil {
                diagnostics.append(.error(path, keyLine, "\(what): key '\(name)' appears twice"))
            } else {
                entries[name] = (key, value)
            }
        }
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// The file line of a key, or of the mapping when the key is absent.
    package func line(of key: String) -> Int {
        guard let entry = entries[key] else { return line }
        return (entry.key.mark?.line ?? 1) + lineOffset
    }

    package func node(_ key: String) -> Node? {
        guard let value = entries[key]?.value, !value.isNull else { return nil }
        return value
    }

    package mutating func fail(_ key: String, _ message: String) {
        diagnostics.append(.error(path, line(of: key), "\(what): \(message)"))
    }

    /// Fails at `line` (a nested key's own line, such as a mapping's entry).
    mutating func fail(line: Int, _ message: String) {
        diagnostics.append(.error(path, line, "\(what): \(message)"))
    }

    /// Fails at the line of the list `key`'s item `index` (the key's line when the list is written
    /// on one line).
    mutating func fail(_ key: String, item index: Int, _ message: String) {
        let items = node(key)?.sequence.map(Array.init) ?? []
        let line = index < items.count ? (items[index].mark?.line).map { $0 + lineOffset } ?? line(of: key) : line(of: key)
        diagnostics.append(.error(path, line, "\(what): \(message)"))
    }

    package mutating func string(_ key: String) -> String? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else {
            fail(key, "'\(key)' must be a single value, not a list or mapping")
            return nil
        }
        if let control = scalar.string.forbiddenInXML {
            fail(key, "'\(key)' contains the control character U+\(hex(control)); remove it")
            return nil
        }
        return scalar.string
    }

    package mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar, let bool = Node.scalar(scalar).bool else {
            fail(key, "'\(key)' must be true or false")
            return nil
        }
        return bool
    }

    package mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node(key) else { return nil }
        guard let int = value.int, range.contains(int) else {
            fail(key, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return int
    }

    package mutating func stringList(_ key: String, example: String) -> [String]? {
        guard let value = node(key) else { return nil }
        guard let sequence = value.sequence,
              case let items = sequence.compactMap({ $0.scalar?.string }), items.count == sequence.count
        else {
            fail(key, "'\(key)' must be a list of names, like `\(key): [\(example)]`")
            return nil
        }
        if let control = items.lazy.compactMap(\.forbiddenInXML).first {
            fail(key, "'\(key)' contains the control character U+\(hex(control)); remove it")
            return nil
        }
        return items
    }

    package mutating func timestamp(_ key: String) -> Timestamp? {
        guard let text = string(key) else { return nil }
        guard let time = Timestamp(iso8601: text) else {
            fail(key, "'\(key)' is not a valid date: '\(text)' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)")
            return nil
        }
        return time
    }

    /// A nested mapping's fields, with problems carried over into this reader.
    mutating func nested(_ key: String, known: [String], what: String) -> YAMLFields? {
        guard let value = node(key) else { return nil }
        return YAMLFields(value, known: known, path: path, lineOffset: lineOffset, what: what, line: line(of: key))
    }

    package mutating func absorb(_ other: YAMLFields) {
        diagnostics.append(contentsOf: other.diagnostics)
    }

    /// Records a problem found outside this mapping's own keys (in a value it holds).
    package mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}


/// `0001`: a scalar's code point for messages.
private func hex(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.tag.rawValue == Tag.Name.null.rawValue
            || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
    }
}
