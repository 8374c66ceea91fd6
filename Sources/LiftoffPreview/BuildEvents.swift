import LiftoffCore
import LiftoffModel

/// The outcome of the latest preview build, handed to every open page.
public enum BuildState: Sendable, Equatable {
    /// `stylesheets`: when only stylesheets changed, their names (`style.css`) and new URLs, for
    /// open pages to swap without reloading.
    case succeeded(generation: Int, stylesheets: [String: String] = [:])
    case failed(generation: Int, messages: [String])

    public var generation: Int {
        switch self {
        case .succeeded(let generation, _), .failed(let generation, _): return generation
        }
    }
}

/// Broadcasts build results to the pages listening on the events endpoint.
public actor BuildEvents {
    public private(set) var state: BuildState = .succeeded(generation: 0)
    private var listeners: [Int: AsyncStream<BuildState>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    /// How many streams are open.
    var subscriberCount: Int { listeners.count }

    /// Records a build's result and tells every listener.
    public func publish(_ diagnostics: [Diagnostic]?, stylesheets: [String: String] = [:]) {
        let generation = state.generation + 1
        state = diagnostics.map { .failed(generation: generation, messages: $0.map(\.description)) }
            ?? .succeeded(generation: generation, stylesheets: stylesheets)
        for listener in listeners.values { listener.yield(state) }
    }

    /// A stream of every state from now on, starting with the current one.
    public func subscribe() -> AsyncStream<BuildState> {
        let (stream, continuation) = AsyncStream<BuildState>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.yield(state)
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }

    /// Ends every stream (at shutdown).
    public func finish() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }
}
