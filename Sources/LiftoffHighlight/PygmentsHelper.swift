import Foundation

/// One long-lived Python process running Pygments, spoken to in JSON lines over its standard
/// input and output. It ends when its input closes: when the build lets go of it, and when
/// Liftoff exits or is killed (Ctrl-C reaches it too, in the same process group).
final class PygmentsHelper {
    /// The helper's whole program: a request `{"language", "code"}` a line, an answer `{"html"}` or
    /// `{"unknown": true}` a line; its first line is `{"version"}` or `{"error"}`.
    static let script = #"""
import json, sys
try:
    import pygments
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
except ImportError:
    print(json.dumps({"error": "Pygments is not installed (Debian: apt-get install python3-pygments)"}), flush=True)
    sys.exit(0)
print(json.dumps({"version": pygments.__version__}), flush=True)
formatter = HtmlFormatter(nowrap=True)
lexers = {}
for line in sys.stdin:
    request = json.loads(line)
    name = request["language"]
    try:
        if name not in lexers:
            lexers[name] = get_lexer_by_name(name, stripnl=False, ensurenl=False)
        answer = {"html": highlight(request["code"], lexers[name], formatter)}
    except ClassNotFound:
        answer = {"unknown": True}
    except Exception as error:
        answer = {"failed": str(error)}
    print(json.dumps(answer), flush=True)
"""#

    /// What the helper said of one block.
    enum Answer {
        case html(String)
        case unknownLanguage
        case failed(String)
    }

    private let process = Process()
    private let input: FileHandle
    private let output: Int32
    /// Kept so that the descriptor stays open as long as the helper.
    private let outputHandle: FileHandle
    private var buffer: [UInt8] = []
    /// Pygments' version (part of every cached block's key).
    let version: String

    /// The helper's process id (while it runs).
    var processIdentifier: Int32 { process.processIdentifier }

    /// Starts the helper (with `python`, else the system's); throws with the reason it cannot run.
    init(python: String? = nil) throws(HighlightError) {
        // A helper that died must not take Liftoff with it: writing to it then fails with EPIPE.
        _ = Self.ignorePipeSignal
        let toHelper = Pipe(), fromHelper = Pipe()
        // The system's Python (Debian's python3-pygments, installed by `make`), else the first on PATH.
        // -I: isolated from the user's site-packages and PYTHON* variables; -u: unbuffered.
        let arguments = ["-I", "-u", "-c", Self.script]
        if let python {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
        }
        process.standardInput = toHelper
        process.standardOutput = fromHelper
        process.standardError = FileHandle.nullDevice
        input = toHelper.fileHandleForWriting
        output = fromHelper.fileHandleForReading.fileDescriptor
        outputHandle = fromHelper.fileHandleForReading
        do {
            try process.run()
        } catch {
            version = ""
            throw HighlightError("python3 cannot be started: \(error.localizedDescription)")
        }
        let first = Self.readLine(output, &buffer)
        version = first?["version"] as? String ?? ""
        if version.isEmpty {
            try? input.close()
            process.waitUntilExit()
            throw HighlightError(first?["error"] as? String ?? "python3 with Pygments did not start")
        }
    }

    private static let ignorePipeSignal: Void = { signal(SIGPIPE, SIG_IGN) }()

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    func highlight(_ code: String, language: String) -> Answer {
        guard let request = try? JSONSerialization.data(withJSONObject: ["language": language, "code": code]) else {
            return .failed("cannot encode the block")
        }
        do {
            try input.write(contentsOf: request + [0x0A])
        } catch {
            return .failed("the helper is gone")
        }
        guard let answer = readAnswer() else { return .failed("the helper is gone") }
        if let html = answer["html"] as? String { return .html(html) }
        if answer["unknown"] != nil { return .unknownLanguage }
        return .failed(answer["failed"] as? String ?? "no answer")
    }

    /// The next JSON line from the helper; nil when it ended.
    private func readAnswer() -> [String: Any]? { Self.readLine(output, &buffer) }

    private static func readLine(_ descriptor: Int32, _ buffer: inout [UInt8]) -> [String: Any]? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }
}

/// Why code cannot be highlighted, in words for a warning.
struct HighlightError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
