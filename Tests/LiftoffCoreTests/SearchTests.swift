import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSearch

/// The search index: terms as the reader's script makes them, the published format read back and
/// queried as `search.js` queries it, incremental builds equal to clean ones.
@Suite struct SearchTests {
    @Test func termsMatchTheVectorsTheReadersScriptIsCheckedAgainst() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/SearchVectors/tokenizer.json")
        let vectors = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        #expect(vectors.count >= 20)
        for vector in vectors {
            let text = try #require(vector["text"] as? String), expected = try #require(vector["terms"] as? [String])
            #expect(SearchTokenizer.terms(text) == expected, "\(text)")
            // The hash the tokenizer computes while folding is the table's (or words would not be found again).
            var copy = text
            copy.withUTF8 { bytes in
                SearchTokenizer.forEachWord(bytes) { word, hash, _ in #expect(hash == TermTable.hash(word), "\(text)") }
            }
        }
    }

    @Test func englishWordsAreStemmedAsSnowballStemsThem() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/SearchVectors/stemmer.json")
        let vectors = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let stems = try #require(vectors["stems"] as? [String: String])
        #expect(stems.count > 3000)
        var wrong: [String] = []
        for (word, expected) in stems.sorted(by: { $0.key < $1.key }) {
            var bytes = Array(word.utf8) + [0]
            let length = bytes.withUnsafeMutableBufferPointer { EnglishStemmer.stem($0, word.utf8.count) }
            let got = String(decoding: bytes[0..<length], as: UTF8.self)
            if got != expected { wrong.append("\(word): \(got) (Snowball: \(expected))") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(40).joined(separator: "\n"))")
        // Through the tokenizer: every form of a word is one term.
        #expect(SearchTokenizer.terms("limit limits limited limiting") == ["limit", "limit", "limit", "limit"])
    }

    static let articles: [String: String] = [
        "content/pricing.md": article("Pricing and rate limits", date: "2026-11-20", extra: "tags: [pricing]\n",
                                      body: "What each image costs.\n\n## Rate limits\n\nRequests a minute."),
        "content/access.md": article("Who gets access first", date: "2026-11-19",
                                     body: "A waitlist opens. The price is mentioned once: pricing."),
        "content/japanese.md": article("GPT画像2の発表", date: "2026-11-18", body: "新しい画像生成モデル。"),
        "content/code.md": article("Swap notes", date: "2026-11-17", body: """
            ```swift
            let provider = ImageProvider()
            ```

            ```{timeline}
            title: Signal timeline
            entries:
              - date: 2026-11-01
                text: Something *happened*.
                status: rumor
                link: https://example.com/zeppelin
            ```
            """),
        "content/pages/about.md": "---\ntitle: About this site\n---\n\nWe follow launches.\n",
    ]

    /// A worker's vocabulary is kept from page to page: what it read before must not change a page's terms.
    @Test func aPagesTermsDoNotDependOnThePagesReadBeforeIt() {
        let title = "Prices", body = "Pricing limits: the limited preview's price rose. 画像生成 for the café."
        func read(_ vocabulary: inout SearchVocabulary, title: String, body: String) -> SearchDocument {
            vocabulary.add(title, weight: SearchDocument.Weight.title)
            vocabulary.add(body, weight: SearchDocument.Weight.body)
            return vocabulary.finish()
        }
        var fresh = SearchVocabulary()
        let alone = read(&fresh, title: title, body: body)
        var used = SearchVocabulary()
        _ = read(&used, title: "Limits", body: "limit zebra price 生成 cafe rose")
        _ = read(&used, title: "Other", body: "the preview's prices, limited")
        #expect(read(&used, title: title, body: body) == alone)
        var weights: [String: UInt32] = [:]
        var position = 0
        alone.forEachTerm { term in
            weights[String(decoding: term, as: UTF8.self)] = alone.weights[position]
            position += 1
        }
        #expect(Set(weights.keys) == Set(SearchTokenizer.terms(title + " " + body)))
        let word = SearchDocument.Weight.body
        #expect(weights["limit"] == 2 * word && weights["price"] == SearchDocument.Weight.title + 2 * word && weights["the"] == 2 * word)
        #expect(alone.length == UInt32(SearchTokenizer.terms(body).count))
        // Folding can make more words than the text has bytes: U+FDFA is four Arabic words.
        var arabic = SearchVocabulary()
        let words = read(&arabic, title: "", body: "\u{FDFA}")
        #expect(words.weights == Array(repeating: word, count: 4) && words.length == 4)
        #expect(read(&arabic, title: "", body: "\u{FDFA} \u{FDFA}").weights == Array(repeating: 2 * word, count: 4))
    }

    @Test func theIndexReadsBackAndRanksTheTitleMatchFirst() throws {
        let site = try TestSite(Self.articles)
        defer { site.remove() }
        let pages = try site.build()
        let index = try SearchReader(pages)
        // Standalone pages first, then articles oldest first (a new article is added at the end).
        #expect(index.documents.map(\.title) == [
            "About this site", "Swap notes", "GPT画像2の発表", "Who gets access first", "Pricing and rate limits",
        ])
        #expect(index.documents[4].url == "/articles/pricing/" && index.documents[4].date == "2026-11-20")
        #expect(index.documents[0].date == nil)
        #expect(index.search("pricing").map(\.title) == ["Pricing and rate limits", "Who gets access first"])
        #expect(index.search("PRICING").map(\.title) == index.search("pricing").map(\.title))
        // The last word is a prefix while the reader types.
        #expect(index.search("rate lim", prefix: true).first?.title == "Pricing and rate limits")
        #expect(index.search("waitl", prefix: true).map(\.title) == ["Who gets access first"])
        #expect(index.search("waitl").isEmpty)
        // CJK: any two characters of the text find it.
        #expect(index.search("画像").map(\.title) == ["GPT画像2の発表"])
        #expect(index.search("生成モデル").map(\.title) == ["GPT画像2の発表"])
        // Code is text. A component is what its values say — free text and Markdown, not its keys,
        // a value from a fixed list, a link or a date.
        #expect(index.search("imageprovider").map(\.title) == ["Swap notes"])
        #expect(index.search("happened").map(\.title) == ["Swap notes"] && index.search("signal").map(\.title) == ["Swap notes"])
        #expect(index.search("entries").isEmpty && index.search("rumor").isEmpty && index.search("zeppelin").isEmpty)
        #expect(pages["articles/code/search.txt"]?.hasSuffix("Signal timeline\nSomething happened.") == true)
        #expect(index.search("launches").map(\.title) == ["About this site"])
        // Each document's text file: its description and its text.
        #expect(pages["articles/access/search.txt"] == "A test article.\nA waitlist opens. The price is mentioned once: pricing.")
        #expect(pages["search/index.html"]?.contains("<meta name=\"robots\" content=\"noindex\">") == true)
        #expect(pages["index.html"]?.contains("data-search-index=\"/search/\"") == true)
    }

    @Test func anIncrementalBuildWritesTheSameIndexAsACleanOne() throws {
        var files = Self.articles
        // Each filler has words of its own, so that the index has several shards.
        func filler(_ n: Int, adding sentence: String = "") -> String {
            article("Filler \(n)", date: "2026-10-\(String(format: "%02d", n + 1))",
                    body: "Filler body \(n) word\(n % 7). " + (0..<80).map { "own\(n)x\($0)" }.joined(separator: " ") + sentence)
        }
        for n in 0..<30 { files["content/filler-\(n).md"] = filler(n) }
        let site = try TestSite(files)
        defer { site.remove() }
        _ = try site.publishReport()
        /// The published search files equal a clean build's of the same content.
        func expectSameAsClean(_ note: Comment) throws {
            let sources = try LiftoffCoreTests.files(below: site.root.appendingPathComponent("content"))
            let clean = try TestSite(sources.mapValues { String(decoding: $0, as: UTF8.self) }.reduce(into: [:]) { $0["content/" + $1.key] = $1.value })
            defer { clean.remove() }
            _ = try clean.publishReport()
            let a = try SearchTests.files(below: site.output.appendingPathComponent("search"))
            let b = try SearchTests.files(below: clean.output.appendingPathComponent("search"))
            #expect(a.keys.sorted() == b.keys.sorted(), note)
            for (path, bytes) in a where bytes != b[path] { Issue.record("search/\(path) differs from a clean build's (\(note))") }
        }
        let before = try Self.inodes(of: site.output)

        try site.write("content/filler-3.md", filler(3, adding: " Edited: about pricing."))
        let incremental = try site.publishReport()
        #expect(incremental.carriedOver > 10, "articles beyond the feed's 20 are carried over with their terms")
        try expectSameAsClean("one article edited")
        #expect(try SearchReader(site.output).search("pricing").map(\.title).contains("Filler 3"))
        // Only the shards and the pack holding the edited article's changed terms were made again.
        let after = try Self.inodes(of: site.output)
        let shards = before.keys.filter { $0.hasPrefix("search/terms-") }
        #expect(shards.count >= 4, "the test needs several shards")
        #expect(shards.filter { after[$0] == before[$0] }.count * 2 > shards.count, "most shards are the last build's files")
        #expect(after["search/packs/0.json"] == before["search/packs/0.json"])

        // A third build reads terms the second one appended to the cache (which grew, not rewritten).
        let cacheFile = SearchCache.location(besideCache: BuildCache.location(for: site.output))
        let sizeAfterSecond = try #require(FileStamp.of(cacheFile.path)?.size)
        try site.write("content/filler-5.md", filler(5, adding: " Now about waitlists."))
        let third = try site.publishReport()
        #expect(third.carriedOver == incremental.carriedOver)
        #expect(try #require(FileStamp.of(cacheFile.path)?.size) > sizeAfterSecond)
        try expectSameAsClean("a second article edited")
        #expect(try SearchReader(site.output).search("waitlist").map(\.title).contains("Filler 5"))

        // A new article (added at the end of the index), a standalone page edited, an article removed.
        try site.write("content/newest.md", article("Newest news", date: "2026-11-21", body: "Rollback plans for everyone."))
        _ = try site.publishReport()
        try expectSameAsClean("an article added")
        #expect(try SearchReader(site.output).search("rollback").map(\.title) == ["Newest news"])
        try site.write("content/pages/about.md", "---\ntitle: About this site\n---\n\nWe follow launches and rollbacks.\n")
        _ = try site.publishReport()
        try expectSameAsClean("a page edited")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/filler-7.md"))
        _ = try site.publishReport()
        try expectSameAsClean("an article removed")
        #expect(try SearchReader(site.output).search("word0").map(\.title).sorted() == ["Filler 0", "Filler 14", "Filler 21", "Filler 28"])

        // Long edits grow the cache past twice what it holds live: it is written anew, smaller, and read back.
        let sizeBefore = try #require(FileStamp.of(cacheFile.path)?.size)
        for round in 0..<4 {
            let long = (0..<3_000).map { "long\(round)w\($0)" }.joined(separator: " ")
            try site.write("content/filler-9.md", filler(9, adding: " Round \(round): " + long))
            _ = try site.publishReport()
        }
        #expect(try #require(FileStamp.of(cacheFile.path)?.size) < sizeBefore + 4 * 3_000 * 8, "the cache was rewritten")
        try site.write("content/filler-11.md", filler(11, adding: " Finally about tariffs."))
        _ = try site.publishReport()
        try expectSameAsClean("after the cache was written anew")
        #expect(try SearchReader(site.output).search("tariffs").map(\.title) == ["Filler 11"])
        #expect(try SearchReader(site.output).search("long3w2999").map(\.title) == ["Filler 9"])
    }

    /// Each file's inode below `folder` (a file carried over unchanged keeps its inode).
    static func inodes(of folder: URL) throws -> [String: UInt64] {
        try LiftoffCoreTests.files(below: folder).keys.reduce(into: [:]) { $0[$1] = FileStamp.of(folder.appendingPathComponent($1).path)?.inode }
    }

    /// Documents of random words; each build's edits keep, reword, lengthen or add documents.
    @Test func aPatchedIndexIsByteForByteTheIndexMadeWhole() throws {
        var generator = SeededGenerator(seed: 18)
        let words = (0..<400).map { "w\($0)" } + ["pricing", "rate", "limit", "画像", "生成", "café"]
        func document(_ count: Int) -> SearchDocument {
            let title = "Title \(Int.random(in: 0..<50, using: &generator))"
            // Zipf-like: a few words on every page (long lines, shards of their own), most rare.
            let body = (0..<count).map { _ in words[Int(pow(Double.random(in: 0..<1, using: &generator), 3) * Double(words.count))] }
            return SearchVocabulary.document { vocabulary in
                vocabulary.add(title, weight: SearchDocument.Weight.title)
                vocabulary.add(body.joined(separator: " "), weight: SearchDocument.Weight.body)
            }
        }
        var documents = (0..<600).map { _ in document(Int.random(in: 20..<200, using: &generator)) }
        var keys = (0..<600).map { _ in Digest(high: UInt64.random(in: 0...UInt64.max, using: &generator), low: 0) }
        func entries() -> [SearchIndex.Entry] { keys.indices.map { SearchIndex.Entry(path: "p\($0)", key: keys[$0]) } }
        func shown(_ position: Int) -> SearchIndex.Shown { SearchIndex.Shown(url: "/p\(position)/", title: "P\(position)") }
        var last = SearchIndex.build(entries(), documents: { documents[$0] }, shown: shown)
        var published = Dictionary(last.files.map { ($0.path, $0.bytes) }) { $1 }
        var patches = 0
        for round in 0..<40 {
            let previousDocuments = Dictionary(uniqueKeysWithValues: keys.indices.map { ("p\($0)", (keys[$0], documents[$0])) })
            // An edit: a word added, a document rewritten (another length), or documents appended.
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<documents.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    documents[position] = SearchVocabulary.document { vocabulary in
                        documents[position].forEachTerm { term in vocabulary.add(String(decoding: term, as: UTF8.self), weight: 1) }
                        vocabulary.add("pricing w\(round)", weight: SearchDocument.Weight.body)
                    }
                case 1: documents[position] = document(Int.random(in: 20..<200, using: &generator))
                default:
                    documents.append(document(100))
                    keys.append(Digest.zero)
                }
                keys[min(position, keys.count - 1)] = Digest(high: UInt64(round + 1), low: UInt64(position))
                if keys.last == .zero { keys[keys.count - 1] = Digest(high: UInt64(round + 1), low: UInt64(keys.count)) }
            }
            let patched = SearchIndex.build(
                entries(), documents: { documents[$0] }, shown: shown, previous: last.state,
                previousDocument: { path, key in previousDocuments[path].flatMap { $0.0 == key ? $0.1 : nil } },
                previousShard: { published[SearchIndex.folder + $0] })
            let whole = SearchIndex.build(entries(), documents: { documents[$0] }, shown: shown)
            if patched.patched { patches += 1 }
            #expect(patched.state == whole.state, "round \(round)")
            let patchedFiles = Dictionary(patched.files.map { ($0.path, $0.bytes) }) { $1 }.merging(patched.unchanged.map { ($0, published[$0]!) }) { $1 }
            #expect(patchedFiles == Dictionary(whole.files.map { ($0.path, $0.bytes) }) { $1 }, "round \(round)")
            published = patchedFiles
            last = patched
        }
        #expect(patches >= 30, "most rounds patch the last index (the others change the average length)")
    }

    @Test func theIndexDoesNotDependOnHowItsWorkIsSplitAcrossCores() {
        var generator = SeededGenerator(seed: 18)
        let words = ["pricing", "rate", "limit", "waitlist", "access", "preview", "model", "画像", "生成", "café", "launch", "day"]
        let documents = (0..<300).map { number -> SearchDocument in
            let body = (0..<40).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] + "\(Int.random(in: 0..<300, using: &generator))" }
            return SearchVocabulary.document { vocabulary in
                vocabulary.add("Title \(number)", weight: SearchDocument.Weight.title)
                vocabulary.add(body.joined(separator: " "), weight: SearchDocument.Weight.body)
            }
        }
        let entries = (0..<300).map { SearchIndex.Entry(path: "articles/a\($0)/index.html", key: .zero) }
        func shown(_ n: Int) -> SearchIndex.Shown { SearchIndex.Shown(url: "/articles/a\(n)/", title: "Title \(n)", date: "2026-11-20", dateText: "November 20, 2026") }
        let one = SearchIndex.build(entries, documents: { documents[$0] }, shown: shown, parts: 1).files
        #expect(one.filter { $0.path.contains("terms-") }.count > 3, "the test needs several shards")
        for parts in [2, 3, 7] {
            let split = SearchIndex.build(entries, documents: { documents[$0] }, shown: shown, parts: parts).files
            #expect(split.map(\.path) == one.map(\.path), "\(parts)")
            #expect(split.map(\.bytes) == one.map(\.bytes), "\(parts)")
        }
    }

    @Test func aWordRanksByWhereItIsTitleHeadingTagOrDescriptionThenBody() throws {
        // Pages of the same length, each with "zebra" once in another place; the newer a page, the
        // lower its field, so that the order comes from the scores and not from the tie rule. The
        // oldest says it twice in its text: more than a tag or a description says.
        func page(_ title: String, _ date: String, heading: String = "Plain part", tags: String = "[notes]",
                  description: String = "Plain words.", text: String = "Alpha beta gamma.") -> String {
            article(title, date: date, extra: "tags: \(tags)\n", body: "## \(heading)\n\n\(text)", description: description)
        }
        let site = try TestSite([
            "content/title.md": page("Zebra", "2026-11-16"),
            "content/heading.md": page("Notes", "2026-11-17", heading: "Zebra part"),
            "content/description.md": page("Notes", "2026-11-18", description: "Zebra words."),
            "content/tag.md": page("Notes", "2026-11-19", tags: "[zebra]"),
            "content/body.md": page("Notes", "2026-11-20", text: "Alpha beta zebra."),
            "content/twice.md": page("Notes", "2026-11-15", text: "Zebra beta zebra."),
        ])
        defer { site.remove() }
        let found = try SearchReader(try site.build()).search("zebra").map { $0.url.split(separator: "/").last.map(String.init) ?? "" }
        #expect(found.count == 6)
        #expect(Array(found.prefix(3)) == ["title", "heading", "twice"] && Set(found[3...4]) == ["description", "tag"]
            && found.last == "body", "\(found)")
    }

    @Test func anAuthorsNameFindsTheArticlesTheyWrote() throws {
        let site = try TestSite(AuthorTests.articles, siteYML: TestSite.siteYML + AuthorTests.authors)
        defer { site.remove() }
        let index = try SearchReader(try site.build())
        #expect(index.search("okafor").map(\.title) == ["Two"])
        #expect(Set(index.search("chen").map(\.title)) == ["One", "Two"])
    }

    @Test func aDescriptionMadeFromTheTLDRIsNotCountedTwice() throws {
        // Same words, same length: one in a TL;DR that is also the page's description, one in a paragraph.
        let site = try TestSite([
            "content/a.md": article("First", date: "2026-11-20", body: "TL;DR: zebra crossing at noon.", description: nil),
            "content/b.md": article("Second", date: "2026-11-19", body: "Zebra crossing at noon."),
        ])
        defer { site.remove() }
        let index = try SearchReader(try site.build())
        let scores = try #require(index.postings["zebra"])
        #expect(scores.count == 2 && Set(scores.values).count == 1, "\(scores)")
    }

    @Test func searchFalseLeavesNoIndexNoBoxAndNoPage() throws {
        let site = try TestSite(Self.articles, siteYML: TestSite.siteYML + "\nsearch: false\n")
        defer { site.remove() }
        let pages = try site.build()
        #expect(!pages.keys.contains { $0.hasPrefix("search/") })
        #expect(pages["index.html"]?.contains("data-search") == false)
        #expect(pages["index.html"]?.contains("search-box") == false)
    }

    @Test func underASubpathEveryURLCarriesIt() throws {
        let site = try TestSite(Self.articles, siteYML: TestSite.siteYML.replacingOccurrences(of: "https://example.org/", with: "https://example.org/news/"))
        defer { site.remove() }
        let pages = try site.build()
        let index = try SearchReader(pages)
        #expect(index.documents.allSatisfy { $0.url.hasPrefix("/news/") })
        let home = try #require(pages["index.html"])
        #expect(home.contains("action=\"/news/search/\"") && home.contains("data-search-index=\"/news/search/\""))
    }

    @Test func aContentFileInTheIndexsPlaceIsAnError() throws {
        let site = try TestSite(Self.articles.merging(["content/search/index.json": "{}"]) { $1 })
        defer { site.remove() }
        #expect(site.failures().contains { $0.contains("search/index.json") && $0.contains("replaces") })
    }

    static func files(below folder: URL) throws -> [String: [UInt8]] {
        try LiftoffCoreTests.files(below: folder)
    }
}

/// The published index read back, and queried as `search.js` queries it.
struct SearchReader {
    struct Document { var url: String, title: String, date: String? }
    var documents: [Document] = []
    /// Term → document number → score (× 1000).
    var postings: [String: [Int: Int]] = [:]

    init(_ pages: [String: String]) throws {
        try self.init { pages[$0].map { Data($0.utf8) } }
    }

    init(_ output: URL) throws {
        try self.init { try? Data(contentsOf: output.appendingPathComponent($0)) }
    }

    init(read: (String) throws -> Data?) throws {
        let manifestData = try #require(try read("search/index.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let count = try #require(manifest["documents"] as? Int), packSize = try #require(manifest["pack"] as? Int)
        for pack in 0..<((count + packSize - 1) / packSize) {
            let data = try #require(try read("search/packs/\(pack).json"))
            for entry in try #require(try JSONSerialization.jsonObject(with: data) as? [[String]]) {
                documents.append(Document(url: entry[0], title: entry[1], date: entry.count > 2 ? entry[2] : nil))
            }
        }
        var previousFirst = ""
        for shard in try #require(manifest["shards"] as? [[String]]) {
            #expect(shard[0] > previousFirst || previousFirst.isEmpty)
            previousFirst = shard[0]
            let text = String(decoding: try #require(try read("search/" + shard[1])), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t")
                let pairs = Self.decode(pairs: parts[2])
                #expect(Self.decode(parts[1]) == pairs.count, "a line's second field counts its documents")
                // BM25's idf, as search.js computes it.
                let df = Double(pairs.count), idf = max(0.001, log(1 + (Double(count) - df + 0.5) / (df + 0.5)))
                postings[String(parts[0])] = pairs.mapValues { Int(Double($0) * idf * 1000) }
            }
        }
    }

    /// One base-32 number.
    static func decode(_ text: Substring) -> Int {
        let last = Array("0123456789abcdefghijklmnopqrstuv"), more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_")
        return text.reduce(0) { $0 * 32 + (more.firstIndex(of: $1) ?? last.firstIndex(of: $1)!) }
    }

    /// Base-32 numbers, pairs of (document delta, term-frequency part).
    static func decode(pairs text: Substring) -> [Int: Int] {
        let last = Array("0123456789abcdefghijklmnopqrstuv"), more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_")
        var scores: [Int: Int] = [:]
        var numbers: [Int] = []
        var number = 0
        for character in text {
            if let digit = more.firstIndex(of: character) { number = number * 32 + digit; continue }
            number = number * 32 + last.firstIndex(of: character)!
            numbers.append(number)
            number = 0
        }
        var document = 0
        for pair in stride(from: 0, to: numbers.count, by: 2) {
            document = pair == 0 ? numbers[0] : document + numbers[pair]
            scores[document] = numbers[pair + 1]
        }
        return scores
    }

    /// Documents holding the query's words (the last as a prefix when asked), best first.
    func search(_ query: String, prefix: Bool = false) -> [Document] {
        let words = SearchTokenizer.terms(query)
        var found: [Int: (words: Int, score: Double)] = [:]
        for (index, word) in words.enumerated() {
            var best: [Int: Double] = [:]
            for (term, scores) in postings where term == word || (prefix && index == words.count - 1 && term.hasPrefix(word)) {
                for (document, score) in scores { best[document] = max(best[document] ?? 0, Double(score) * (term == word ? 1 : 0.7)) }
            }
            for (document, score) in best { found[document, default: (0, 0)].words += 1; found[document, default: (0, 0)].score += score }
        }
        // Ties: the newer article (the higher number) first.
        return found.sorted { ($0.value.words, $0.value.score, $0.key) > ($1.value.words, $1.value.score, $1.key) }.map { documents[$0.key] }
    }
}
