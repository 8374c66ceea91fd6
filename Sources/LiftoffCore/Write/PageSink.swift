import Foundation
import LiftoffModel

/// Where rendered pages go: a folder on disk, or memory in tests and `liftoff check`.
public protocol PageSink: Sendable {
    /// Stores `bytes` at `path` (relative to the output root, `articles/x/index.html`).
    func write(_ bytes: [UInt8], to path: String) throws
    /// Stores a copy of the file at `source`.
    func copy(from source: URL, to path: String) throws
    /// Carries `path` over unchanged from the previous output; false when it cannot.
    func reuse(_ path: String) -> Bool
    /// Publishes the file at `source` (a file-system path), which never changes once written (a cached image), at `path`.
    func hardLink(from source: String, to path: String) throws
    /// The bytes of `path` in the previous output (nil: none).
    func previous(_ path: String) -> [UInt8]?
}

extension PageSink {
    /// Reads the file and writes its bytes.
    public func copy(from source: URL, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw BuildFailure(.error(source.path, 0, "cannot read file"))
        }
        try write([UInt8](data), to: path)
    }

    public func reuse(_ path: String) -> Bool { false }

    public func previous(_ path: String) -> [UInt8]? { nil }

    public func hardLink(from source: String, to path: String) throws { try copy(from: URL(fileURLWithPath: source), to: path) }
}

/// A file the output could not take, and why: `…/output/articles/x/index.html: cannot write: No space left on device`.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's place in the output folder (absolute).
    public var path: String
    /// The system's words (`strerror`).
    public var reason: String

    public var description: String { "\(path): cannot write: \(reason)" }
}

/// Keeps pages in memory: for `liftoff check` and tests.
public final class MemorySink: PageSink, @unchecked Sendable {
    private let lock = Lock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public var files: [String: [UInt8]] { lock.withLock { storage } }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.withLock { storage[path] = bytes }
    }

    public func copy(from source: URL, to path: String) throws {
        let data = FileManager.default.contents(atPath: source.path) ?? Data()
        lock.withLock { storage[path] = [UInt8](data) }
    }

    /// Cached files (images) published by the build, not read: `check` would hold every image in memory.
    public var linked: [String: String] { lock.withLock { links } }
    private var links: [String: String] = [:]

    public func hardLink(from source: String, to path: String) throws {
        lock.withLock { links[path] = source }
    }
}
