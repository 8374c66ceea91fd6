/// Known names, indexed once, for "did you mean": the closest within one edit (short names) or
/// two (insert, delete, replace, swap of neighbours).
///
/// The names are walked in sorted order as the branches of a trie: a prefix shared with the
/// previous name reuses its rows of the edit table, and a prefix already too far from the typo
/// skips every name that starts with it. A lookup among 100,000 names visits only the few
/// branches near the typo, not every name.
package struct NameIndex: Sendable {
    /// The names in the order given (ties go to the earlier one).
    private let names: [String]
    /// Each name's scalars, and the names' positions sorted by them.
    private let scalars: [[UInt32]]
    private let order: [Int]

    package init(_ candidates: some Sequence<String>) {
        names = Array(candidates)
        let scalars = names.map { $0.unicodeScalars.map(\.value) }
        self.scalars = scalars
        order = scalars.indices.sorted { scalars[$0].lexicographicallyPrecedes(scalars[$1]) }
    }

    /// The name `name` most likely meant, if one is close enough (and is not `excluded`).
    package func closest(to name: String, excluding excluded: String? = nil) -> String? {
        lookup(name, excluding: excluded).name
    }

    /// The closest name, and how many rows of the edit table the lookup filled (its cost).
    func lookup(_ name: String, excluding excluded: String? = nil) -> (name: String?, rows: Int) {
        let length = name.count
        let limit = length <= 3 ? 1 : 2
        let query = name.lowercased().unicodeScalars.map(\.value)
        let width = query.count + 1
        var rows = Array(0..<width)  // row d: distances from the first d scalars of a name
        var rowMinimum = [0]
        var best: (distance: Int, index: Int)?
        var previous: [UInt32] = []
        var computed = 0  // rows valid for `previous[..<computed]`
        var position = 0, filled = 0
        while position < order.count {
            let index = order[position]
            let candidate = scalars[index]
            var depth = min(computed, Self.commonPrefix(previous, candidate))
            var pruned: Int?
            while depth < candidate.count {
                depth += 1
                filled += 1
                Self.fill(row: depth, of: &rows, width: width, query: query, name: candidate)
                if rowMinimum.count <= depth { rowMinimum.append(0) }
                rowMinimum[depth] = rows[(depth * width)..<((depth + 1) * width)].min()!
                // No name with this prefix can come within the limit (a swap reaches back two rows).
                if rowMinimum[depth] > limit, rowMinimum[depth - 1] + 1 > limit {
                    pruned = depth
                    break
                }
            }
            previous = candidate
            computed = depth
            if let pruned {
                position = nextPosition(after: position, withoutPrefix: candidate[..<pruned])
                continue
            }
            let distance = rows[candidate.count * width + query.count]
            if distance <= limit, distance < length, names[index] != excluded,
               best.map({ distance < $0.distance || (distance == $0.distance && index < $0.index) }) ?? true {
                best = (distance, index)
            }
            position += 1
        }
        return (best.map { names[$0.index] }, filled)
    }

    /// Row `depth` of the edit table (optimal string alignment) from rows `depth - 1` and `depth - 2`.
    private static func fill(row depth: Int, of rows: inout [Int], width: Int, query: [UInt32], name: [UInt32]) {
        if rows.count < (depth + 1) * width { rows.append(contentsOf: repeatElement(0, count: width)) }
        let current = depth * width, above = current - width, twoAbove = above - width
        let letter = name[depth - 1]
        rows[current] = depth
        for column in 1..<width {
            let cost = query[column - 1] == letter ? 0 : 1
            var value = min(rows[above + column] + 1, rows[current + column - 1] + 1, rows[above + column - 1] + cost)
            if depth > 1, column > 1, query[column - 1] == name[depth - 2], query[column - 2] == letter {
                value = min(value, rows[twoAbove + column - 2] + 1)
            }
            rows[current + column] = value
        }
    }

    /// How many leading scalars `a` and `b` share.
    private static func commonPrefix(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var count = 0
        while count < a.count, count < b.count, a[count] == b[count] { count += 1 }
        return count
    }

    /// The first sorted position after `position` whose name does not start with `prefix`
    /// (names that do are contiguous in sorted order: a binary search finds their end).
    private func nextPosition(after position: Int, withoutPrefix prefix: ArraySlice<UInt32>) -> Int {
        var low = position + 1, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if scalars[order[middle]].starts(with: prefix) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The known name a typo most likely meant: within one edit for short names, two for longer.
/// (For many lookups among the same names, keep a `NameIndex`.)
package func closest(to name: String, in candidates: [String]) -> String? {
    NameIndex(candidates).closest(to: name)
}
