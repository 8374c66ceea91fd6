import Foundation
import LiftoffModel

/// Syntax highlighting at build time: fenced code blocks with a language become Pygments' class
/// spans (no inline styles; the theme colours them). Blocks are cached by language, code and
/// Pygments' version in a folder beside the output, so a warm build and the preview start no
/// helper for code they have seen. Safe to call from every article's thread.
package final class Highlighter: @unchecked Sendable {
    /// What became of one block.
    package enum Outcome {
        case highlighted(String)
        /// Shown as cmark-gfm wrote it, with a warning for the writer (nil: said once already).
        case plain(warning: String?)
    }

    /// Whether an info string places a component (`countdown`, `{compare}`) instead of naming a language.
    package static func isComponent(_ info: String) -> Bool {
        ComponentInfo.name(in: info) != nil
    }
    /// Helpers run at once, at most (one a core).
    private let helperLimit = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    private let cache: HighlightCache
    private let condition = NSCondition()
    private var idle: [PygmentsHelper] = []
    private var started = 0
    /// Why no helper can run, once known (then every block is plain, and one warning said so).
    private var unavailable: String?
    private var warnedUnavailable = false
    /// Blocks highlighted by a helper this build (the rest came from the cache).
    private(set) var helperCalls = 0

    /// Another Python than the system's (tests).
    private let python: String?
    /// `markdown.highlight` of site.yml: off, every block stays as cmark-gfm wrote it.
    package let enabled: Bool

    /// - Parameter cacheFolder: where highlighted blocks are kept between builds; nil: this build only.
    package init(cacheFolder: URL?, enabled: Bool = true, python: String? = nil) {
        cache = HighlightCache(folder: cacheFolder)
        self.enabled = enabled
        self.python = python
    }

    /// The helpers' process ids (tests check that they end with the build).
    var helperProcesses: [Int32] { condition.withLock { idle.map(\.processIdentifier) } }

    /// The language of a fenced block's info string (`python`, `python title="x"` → `python`), or nil.
    package static func language(of info: String) -> String? {
        let name = info.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return name.isEmpty || isComponent(name) ? nil : name
    }

    /// `code` in `language`, as the inside of `<code>`.
    package func highlight(_ code: String, language: String) -> Outcome {
        if let html = cache.lookup(language: language, code: code) { return .highlighted(html) }
        guard let helper = takeHelper() else {
            let said = condition.withLock { () -> Bool in defer { warnedUnavailable = true }; return warnedUnavailable }
            return .plain(warning: said ? nil : "code is shown without colours: \(unavailable ?? "no highlighter")")
        }
        let answer = helper.highlight(code, language: language)
        condition.withLock {
            idle.append(helper)
            helperCalls += 1
            condition.signal()
        }
        switch answer {
        case .html(let html):
            cache.store(html, language: language, code: code)
            return .highlighted(html)
        case .unknownLanguage:
            return .plain(warning: "no highlighter knows the language '\(language)': the block is shown without colours")
        case .failed(let message):
            return .plain(warning: "the block could not be highlighted (\(message)): it is shown without colours")
        }
    }

    /// Ends the helpers (each ends when its input closes).
    package func finish() {
        condition.withLock { idle = [] }
    }

    /// An idle helper, a new one while fewer than `helperLimit` run, or nil when none can start.
    private func takeHelper() -> PygmentsHelper? {
        condition.lock()
        while true {
            if unavailable != nil {
                condition.unlock()
                return nil
            }
            if let helper = idle.popLast() {
                condition.unlock()
                return helper
            }
            if started < helperLimit { break }
            condition.wait()
        }
        started += 1
        condition.unlock()
        do throws(HighlightError) {
            let helper = try PygmentsHelper(python: python)
            cache.adopt(version: helper.version)
            return helper
        } catch {
            condition.withLock {
                unavailable = error.message
                condition.broadcast()
            }
            return nil
        }
    }
}
