import Foundation
import LiftoffMarkdown

/// A `## FAQ` section: each `###` heading is a question, the blocks under it (deeper headings
/// too) its answer.
package struct FAQ {
    static let template = "components/faq"
    static let titles: Set<String> = ["faq", "faqs", "frequently asked questions"]

    struct Question {
        var id: String
        var text: String
        /// The question's inline HTML (the heading's content, without the `<h3>` tags).
        var html: String
        var answerHTML: String
        var answerText: String
    }

    var heading: Heading
    /// Blocks between the FAQ heading and its first question.
    var introHTML: String
    var questions: [Question]

    package static func matches(_ title: String) -> Bool {
        SectionTitle.key(title).map(titles.contains) ?? false
    }

    init(blocks: ArraySlice<MarkdownBlock>, ids: inout HeadingIDs) {
        heading = Heading(block: blocks.first!, ids: &ids)
        introHTML = ""
        questions = []
        for block in blocks.dropFirst() {
            if case .heading(let level) = block.kind, level <= 3 {
                questions.append(Question(
                    id: ids.make(block.text), text: block.text, html: Self.innerHTML(block.html),
                    answerHTML: "", answerText: ""))
            } else if questions.isEmpty {
                introHTML += block.html
            } else {
                questions[questions.count - 1].answerHTML += block.html
                let text = questions[questions.count - 1].answerText
                questions[questions.count - 1].answerText = text.isEmpty ? block.text : text + "\n" + block.text
            }
        }
    }

    /// `<h3>Is it <em>final</em>?</h3>\n` → `Is it <em>final</em>?`
    static func innerHTML(_ html: String) -> String {
        var inner = Substring(html)
        while inner.last == "\n" { inner = inner.dropLast() }
        guard inner.hasPrefix("<h"), inner.hasSuffix(">"), let open = inner.firstIndex(of: ">"),
              let close = inner.lastIndex(of: "<"), open < close
        else { return html }
        return String(inner[inner.index(after: open)..<close])
    }

    var context: [String: Any] {
        [
            "id": heading.id, "title": heading.text, "heading": heading.html, "intro": introHTML,
            "questions": questions.map { ["id": $0.id, "question": $0.html, "answer": $0.answerHTML] as [String: Any] },
        ]
    }

    /// schema.org `FAQPage`.
    var jsonLD: [String: Any] {
        [
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": questions.map {
                [
                    "@type": "Question", "name": $0.text,
                    "acceptedAnswer": ["@type": "Answer", "text": $0.answerText],
                ] as [String: Any]
            },
        ]
    }
}
