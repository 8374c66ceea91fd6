import LiftoffModel
import LiftoffSource
import LiftoffMarkdown

/// Checks one article on its own (no site around it): front matter, Markdown and components.
///
/// The fuzz target drives every parsing stage through this; an editor integration could too.
public enum ArticleCheck {
    /// Every problem found in `data`, read as the file at `path`.
    public static func diagnostics(for data: [UInt8], path: String = "content/article.md", now: Timestamp = Timestamp(seconds: 0)) -> [Diagnostic] {
        let (read, frontMatterProblems) = FrontMatterParser.read(data: data, path: path)
        guard let article = read else { return frontMatterProblems }
        let (blocks, problems, warnings) = MarkdownRenderer().blocks(article.body, lineOffset: article.bodyLine - 1) { link in
            link.url.hasSuffix(".md") ? .replace("/articles/x/") : .keep
        }
        let body = ArticleBody(blocks: blocks, path: path, now: now, words: .english)
        return frontMatterProblems + problems.map { .error(path, $0.line, $0.message) } + body.errors + body.warnings
            + warnings.map { .warning(path, $0.line, $0.message) }
    }
}
