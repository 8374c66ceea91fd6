import LiftoffModel
import Yams

extension Newsletter {
    /// Reads `newsletter:`; nil without a valid `action`, whose problem is then reported.
    static func read(_ fields: inout YAMLFields) -> Newsletter? {
        guard let written = fields.string("action") else {
            if !fields.has("action") { fields.fail("action", "missing key 'action': the address the form is sent to, such as https://example.org/subscribe") }
            return nil
        }
        guard let action = SiteURLs.formAction(written) else {
            fields.fail("action", "'action' must be an http:// or https:// URL or a path on this site, such as https://example.org/subscribe or /subscribe; got '\(written)'")
            return nil
        }
        var newsletter = Newsletter(action: action)
        if let method = fields.string("method") {
            if ["post", "get"].contains(method.lowercased()) { newsletter.method = method.lowercased() }
            else { fields.fail("method", "'method' must be post or get; got '\(method)'") }
        }
        if let name = fields.string("email_field") {
            if isFieldName(name) { newsletter.emailField = name }
            else { fields.fail("email_field", "'email_field' must be a form field's name (letters, digits, _ - . [ ]), such as email or EMAIL; got '\(name)'") }
        }
        if let node = fields.node("hidden") {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let name = key.scalar?.string, isFieldName(name), let text = value.scalar?.string else {
                        fields.fail("hidden", "'hidden' fields must be names (letters, digits, _ - . [ ]) with plain values, like `hidden: {list: launch}`")
                        break
                    }
                    newsletter.hidden.append(Field(name: name, value: text))
                }
            } else {
                fields.fail("hidden", "'hidden' must be a mapping of field names to values, like `hidden: {list: launch}`")
            }
        }
        if let title = fields.string("title") { newsletter.title = title }
        if let text = fields.string("text") { newsletter.text = text }
        if let button = fields.string("button") { newsletter.button = button }
        return newsletter
    }
}
