import Foundation
import LiftoffModel
import LiftoffSource

/// What `liftoff build` knows of the output tree and of the spare tree beside it
/// (`.output.liftoff-spare`, the output before the last swap): every file of the output, whether
/// the spare's copy of it may differ, and the spare's files the output no longer has.
///
/// With it the next build turns the spare into its staging tree by touching only what changed
/// (a carried-over page costs nothing), instead of linking every page into an empty tree and
/// removing the old tree after the swap. It is written after each swap and removed before the
/// next one, so it is never read about a tree it does not describe.
struct TreeRecord: Equatable {
    /// The output folder's inode (the tree this record lists).
    var outputInode: UInt64
    /// The spare folder's inode; 0 when there is no spare.
    var spareInode: UInt64
    /// Every file of the output; each true when the spare's copy may differ from it (the build
    /// that made the output wrote it anew, or the spare lacks it).
    var paths: [String]
    var differs: [Bool]
    /// Files the spare has and the output does not.
    var spareOnly: [String]

    /// `<parent>/.<output name>.liftoff-tree`
    static func location(for output: URL) -> URL { OutputWriter.beside(output, "tree") }

    /// `<parent>/.<output name>.liftoff-spare`
    static func spareLocation(for output: URL) -> URL { OutputWriter.beside(output, "spare") }

    /// The record at `url` when this binary wrote it; nil otherwise.
    static func read(from url: URL) -> TreeRecord? {
        guard let bytes = KeptFiles.contents(url.path) else { return nil }
        return bytes.withUnsafeBytes { raw -> TreeRecord? in
            var reader = BinaryReader(raw: raw)
            guard reader.take(header.count).map(Array.init) == header, reader.string() == OutputWriter.toolIdentity,
                  let output = reader.wide(), let spare = reader.wide(), let count = reader.number(), Int(count) <= raw.count
            else { return nil }
            var paths: [String] = [], differs: [Bool] = []
            paths.reserveCapacity(Int(count))
            differs.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let path = reader.string(), let differ = reader.bool() else { return nil }
                paths.append(path)
                differs.append(differ)
            }
            guard let spareOnly = reader.strings(), reader.offset == raw.count else { return nil }
            return TreeRecord(
                outputInode: UInt64(truncatingIfNeeded: output), spareInode: UInt64(truncatingIfNeeded: spare), paths: paths, differs: differs,
                spareOnly: spareOnly)
        }
    }

    /// Writes the record (to a temporary file renamed over the old one).
    func write(to url: URL) {
        var writer = BinaryWriter(bytes: Self.header)
        writer.bytes.reserveCapacity(64 + paths.count * 48)
        writer.string(OutputWriter.toolIdentity)
        writer.wide(Int(truncatingIfNeeded: outputInode))
        writer.wide(Int(truncatingIfNeeded: spareInode))
        writer.number(UInt32(paths.count))
        for (path, differs) in zip(paths, differs) {
            writer.string(path)
            writer.bool(differs)
        }
        writer.strings(spareOnly)
        if !writer.write(atomicallyTo: url) { unlink(url.path) }
    }

    static func remove(at url: URL) { unlink(url.path) }

    private static let header = Array("liftoff-tree 1\n".utf8)
}
