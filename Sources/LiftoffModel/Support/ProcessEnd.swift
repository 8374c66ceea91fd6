/// Values a process holds until it ends, never freed: a command that exits right after its work
/// leaves their memory to the system instead of releasing a large graph object by object.
package enum ProcessEnd {
    private final class Held {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    /// Holds `value` until the process ends.
    package static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Held(value))
    }
}
