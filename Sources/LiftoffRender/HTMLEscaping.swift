import Mustache
import LiftoffModel

/// swift-mustache's own HTML escaping walks every value character by character with a dictionary
/// lookup per character: about a tenth of a whole build. This one scans bytes and returns most
/// values (no `<>&"'` in them) untouched. Same replacements.
///
/// Every template is compiled with `pragma` in front, a standalone tag that selects it (its
/// line is dropped from the output; error lines are corrected by `pragmaLines`).
struct HTMLEscaping: MustacheContentType {
    static let name = "LIFTOFF_HTML"
    static let pragma: String = {
        _ = registered
        return "{{%CONTENT_TYPE:\(name)}}\n"
    }()
    static let pragmaLines = 1
    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
