import Yams
import LiftoffModel

extension ThemeStrings {
    /// The CLDR plural categories a message may name.
    static let pluralCategories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    /// Reads one `i18n/<lang>.yml`: each key a text, or a mapping of plural categories to texts
    /// (`other` required). Problems carry their lines.
    package static func read(_ text: String, path: String) -> (messages: [String: Message], problems: [Diagnostic]) {
        let node: Node
        switch composeYAML(text, path: path, lineOffset: 0, what: "strings file") {
        case .failure(let diagnostic): return ([:], [diagnostic])
        case .success(nil): return ([:], [])
        case .success(let value?): node = value
        }
        guard let mapping = node.mapping else {
            return ([:], [.error(path, node.mark?.line ?? 1, "a strings file is a mapping of `key: text` lines")])
        }
        var messages: [String: Message] = [:]
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            let line = key.mark?.line ?? 1
            guard let name = key.string, !name.isEmpty else {
                problems.append(.error(path, line, "a string's key must be a word such as `related_reads`"))
                continue
            }
            if let text = value.string {
                messages[name] = .text(text)
            } else if let forms = value.mapping {
                var plural: [String: String] = [:]
                for (category, form) in forms {
                    let formLine = category.mark?.line ?? line
                    guard let categoryName = category.string, pluralCategories.contains(categoryName) else {
                        problems.append(.error(path, formLine,
                            "`\(name)`: `\(category.string ?? "?")` is not a plural category; use zero, one, two, few, many or other"))
                        continue
                    }
                    guard let formText = form.string else {
                        problems.append(.error(path, formLine, "`\(name).\(categoryName)` must be a text"))
                        continue
                    }
                    plural[categoryName] = formText
                }
                if plural["other"] == nil, !plural.isEmpty {
                    problems.append(.error(path, line, "`\(name)` has plural forms but no `other`, which every language needs"))
                }
                messages[name] = .plural(plural)
            } else {
                problems.append(.error(path, line, "`\(name)` must be a text, or plural forms such as `one: \"{count} day left\"` and `other: …`"))
            }
        }
        return (messages, problems)
    }

    /// The words pages in `language` print: the built-in English words, under the theme's and the
    /// site's `en` files, under those of `fallback` (the site's default language), under the
    /// language's own. `files` maps `theme/i18n/fr.yml` and `i18n/fr.yml` to their messages.
    /// A key English has that the language's files lack is a warning naming the key and the file.
    package static func compose(
        language: Language, fallback: Language, files: [String: [String: Message]]
    ) -> (strings: ThemeStrings, warnings: [Diagnostic]) {
        var strings = ThemeStrings.english
        var chain = ["en"]
        for tag in [fallback.tag, language.tag] where !chain.contains(tag) { chain.append(tag) }
        for tag in chain {
            for folder in ["theme/i18n/", "i18n/"] {
                if let messages = files[folder + tag + ".yml"] { strings.merge(messages) }
            }
        }
        var warnings: [Diagnostic] = []
        if language.tag != "en" {
            let own = ["theme/i18n/", "i18n/"].compactMap { files[$0 + language.tag + ".yml"] }
            let file = files["theme/i18n/\(language.tag).yml"] != nil || files["i18n/\(language.tag).yml"] == nil
                ? "theme/i18n/\(language.tag).yml" : "i18n/\(language.tag).yml"
            if own.isEmpty {
                warnings.append(.warning(file, 0, "no such file: pages in `\(language.tag)` print the words of `\(chain.dropLast().last ?? "en")`"))
            } else {
                let english = Set(ThemeStrings.english.messages.keys).union(files["theme/i18n/en.yml"].map { Array($0.keys) } ?? [])
                for key in english.sorted() where !own.contains(where: { $0[key] != nil }) {
                    warnings.append(.warning(file, 0, "no `\(key)`: pages in `\(language.tag)` print the default language's words"))
                }
            }
        }
        return (strings.speaking(language), warnings)
    }
}

extension ThemeStrings {
    /// `theme/i18n/en.yml` as the default theme ships it: the built-in words, written out. A theme
    /// whose file is exactly this is not parsed (the built-in words are those).
    package static let englishFile: String = {
        var text = """
            # The words the default theme prints, in English. A language's own file (fr.yml…) gives the
            # same keys; a site adds or overrides words in i18n/<lang>.yml at its root. A text with counts
            # gives one form per CLDR plural category the language has (one, few, many, other…); {count},
            # {date}, {name}… are filled in by the build.


            """
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        for key in Key.allCases {
            switch key.english {
            case .text(let value): text += "\(key.rawValue): \(quoted(value))\n"
            case .plural(let forms):
                text += "\(key.rawValue):\n"
                for category in ["zero", "one", "two", "few", "many", "other"] {
                    if let form = forms[category] { text += "  \(category): \(quoted(form))\n" }
                }
            }
        }
        return text
    }()
}
