import Foundation
import Glibc

/// One HTTP/1.1 connection over a plain socket, for requests a client library would not send
/// (no Host, odd paths) and for streams that never end.
final class RawHTTP: @unchecked Sendable {
    private let socket: Int32

    /// Connects to `localhost:port` (IPv4 or IPv6, whichever the server listens on).
    init(port: Int) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0 else { throw POSIXError(.EHOSTUNREACH) }
        defer { freeaddrinfo(list) }
        var entry = list
        while let address = entry?.pointee {
            let candidate = Glibc.socket(address.ai_family, address.ai_socktype, address.ai_protocol)
            if candidate >= 0, connect(candidate, address.ai_addr, address.ai_addrlen) == 0 {
                socket = candidate
                // Generous: the preview's first build (the sample site's images included) can take
                // seconds on a busy machine; a test that hangs still ends.
                var timeout = timeval(tv_sec: 30, tv_usec: 0)
                setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                return
            }
            if candidate >= 0 { Glibc.close(candidate) }
            entry = address.ai_next
        }
        throw POSIXError(.ECONNREFUSED)
    }

    deinit { Glibc.close(socket) }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `marker` has arrived, the server closes, or five seconds pass without data.
    func read(until marker: String) -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Sends a request and reads the answer until `marker` (by default, to the end of the head).
    static func exchange(port: Int, _ request: String, until marker: String = "\r\n\r\n") async throws -> String {
        try await offThePool {
            let connection = try RawHTTP(port: port)
            connection.send(request)
            return connection.read(until: marker)
        }
    }

    /// Runs blocking socket work on a thread of its own, not on one of the few that run tasks.
    static func offThePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// The sockets this process has open.
    static func openSockets() -> Int {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.filter {
            ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) ?? "").hasPrefix("socket:")
        }.count
    }
}
