import Foundation
import LiftoffModel

/// One build of an output folder at a time: an advisory lock (`flock`) on a file beside it,
/// held until the lock is released or the process ends, however it ends.
public final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32

    /// `<parent>/.<output name>.liftoff-lock`; it stays in place between builds (removing a lock
    /// file another build is waiting on would let a third one in).
    static func location(for output: URL) -> URL {
        OutputWriter.beside(output, "lock")
    }

    /// Takes the lock of `output`, waiting for a build that holds it; `waiting` is called once
    /// before waiting.
    /// - Throws: when the lock file cannot be created (its folder is missing or read-only).
    public init(output: URL, waiting: () -> Void = {}) throws(BuildFailure) {
        let path = Self.location(for: output).path
        try? FileManager.default.createDirectory(at: output.standardizedFileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure(.error(output.path, 0, "cannot create the lock file \(path): \(String(cString: strerror(errno)))"))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw BuildFailure(.error(output.path, 0, "cannot lock \(path): \(String(cString: strerror(errno)))"))
            }
        }
    }

    deinit {
        close(descriptor)  // releases the lock
    }
}
