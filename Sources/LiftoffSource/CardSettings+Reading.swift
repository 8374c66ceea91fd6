import LiftoffModel

extension CardSettings {
    /// Reads `cards: false` or the `cards:` mapping; problems are recorded in `fields`.
    static func read(_ fields: inout YAMLFields) -> CardSettings {
        var settings = CardSettings()
        guard let node = fields.node("cards") else { return settings }
        if node.scalar != nil {
            if let enabled = fields.bool("cards") { settings.enabled = enabled }
            return settings
        }
        guard var nested = fields.nested("cards", known: keys, what: "site.yml: cards") else { return settings }
        defer { fields.absorb(nested) }
        for (key, path) in [("background", \CardSettings.background), ("text", \.text), ("muted", \.muted), ("accent", \.accent)] {
            guard let value = nested.string(key) else { continue }
            if let colour = Colour(hex: value) { settings[keyPath: path] = colour }
            else { nested.fail(key, "'\(key)' must be a colour like \"#1c1e21\" or \"#fff\"; got '\(value)'") }
        }
        for (key, path) in [("logo", \CardSettings.logo), ("font", \.font)] {
            guard let value = nested.string(key) else { continue }
            if value.isEmpty || value.hasPrefix("/") || value.split(separator: "/").contains("..") {
                nested.fail(key, "'\(key)' must be a file in the site's folder, like `\(key): theme/\(key == "logo" ? "logo.png" : "fonts/Brand-Bold.ttf")`")
            } else {
                settings[keyPath: path] = SiteFile(path: value, line: nested.line(of: key))
            }
        }
        return settings
    }
}
