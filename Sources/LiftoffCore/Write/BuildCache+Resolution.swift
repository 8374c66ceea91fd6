import LiftoffModel
import LiftoffSource

/// Each language's `Resolution` (the default's first), and the digest of everything they were
/// made from (`BuildRun.articlesKey` by each article's `SourceState.order(of:)`): a build whose inputs have the same digest takes them
/// instead of resolving its articles again.
struct KeptResolution: Sendable, Equatable {
    var key: Digest
    var languages: [Resolution]
}

extension BinaryWriter {
    mutating func resolution(_ kept: KeptResolution) {
        digest(kept.key)
        list(kept.languages) { writer, resolution in
            writer.positions(resolution.order)
            writer.positions(resolution.related.map(\.count))
            writer.positions(resolution.related.flatMap { $0 })
            writer.list(resolution.tags) { writer, tag in
                writer.string(tag.name)
                writer.string(tag.slug)
                writer.positions(tag.articles)
            }
            writer.list(resolution.byAuthor.sorted { $0.key < $1.key }) { writer, author in
                writer.string(author.key)
                writer.positions(author.value)
            }
        }
    }

    fileprivate mutating func positions(_ values: [Int]) { numbers(values.map { UInt32(truncatingIfNeeded: $0) }) }
}

extension BinaryReader {
    mutating func resolution() -> KeptResolution? {
        guard let key = digest(),
              let languages = list({ (reader: inout BinaryReader) -> Resolution? in
                  guard let order = reader.positions(), let counts = reader.positions(), let flat = reader.positions(),
                        counts.count == order.count, counts.reduce(0, +) == flat.count,
                        let tags = reader.list({ (reader: inout BinaryReader) -> Site.Tag? in
                            guard let name = reader.string(), let slug = reader.string(), let articles = reader.positions() else { return nil }
                            return Site.Tag(name: name, slug: slug, articles: articles)
                        }),
                        let authors = reader.list({ (reader: inout BinaryReader) -> (String, [Int])? in
                            guard let key = reader.string(), let positions = reader.positions() else { return nil }
                            return (key, positions)
                        })
                  else { return nil }
                  var related: [[Int]] = []
                  related.reserveCapacity(counts.count)
                  var start = 0
                  for count in counts {
                      related.append(Array(flat[start..<(start + count)]))
                      start += count
                  }
                  return Resolution(order: order, related: related, tags: tags, byAuthor: Dictionary(authors) { first, _ in first })
              })
        else { return nil }
        return KeptResolution(key: key, languages: languages)
    }

    fileprivate mutating func positions() -> [Int]? { numbers()?.map { Int($0) } }
}
