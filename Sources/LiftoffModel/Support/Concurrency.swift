import Foundation

/// A small mutex; `NSLock` with a scoped helper.
package final class Lock: @unchecked Sendable {
    package init() {}

    private let lock = NSLock()

    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// Runs `body` for every index on all cores and returns the results in order.
package func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots[index] = body(index)
    }
    // Each value moved out of its slot (no copy, no count taken and given back), leaving the slots empty.
    return [T](unsafeUninitializedCapacity: count) { values, initialized in
        for index in 0..<count { (values.baseAddress! + index).initialize(to: (results.baseAddress! + index).move()!) }
        initialized = count
    }
}

/// Values made on first use, at most once each in the usual case (two threads asking at the same
/// moment may both make it; the values are equal and one is kept).
package final class Memo<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = Lock()

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func value(at index: Int, make: () -> Value) -> Value {
        if let known = lock.withLock({ slots[index] }) { return known }
        let made = make()
        lock.withLock { slots[index] = made }
        return made
    }
}

/// Work started on another thread now and waited for later (the search index is made while the
/// list pages render).
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    package init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result(catching: work)
            done.signal()
        }
    }

    private var finished = false

    /// The work's value (or error), once it is done (called from one thread; again, it returns at once).
    package func wait() throws -> Value {
        if !finished {
            done.wait()
            finished = true
        }
        return try result!.get()
    }
}
