import Foundation
import LiftoffModel
import LiftoffRender

// Two ways to run the same check over arbitrary bytes:
// - built with `-sanitize=fuzzer -DLIFTOFF_FUZZ` (`make fuzz`), libFuzzer drives it;
// - built plainly, it runs a seeded random mutation loop over the seed corpus.

/// Parses `bytes` as an article; any crash or hang here is a bug.
func check(_ bytes: [UInt8]) {
    _ = ArticleCheck.diagnostics(for: bytes, now: Timestamp(seconds: 1_795_539_600))
}

#if LIFTOFF_FUZZ
/// The function libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's entry for programs that have their own `main` (SwiftPM gives executables one).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct LibFuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { fuzzOne($0, $1) })
    }
}
#else
@main
struct SeededFuzz {
    /// `liftoff-fuzz [SECONDS] [SEED] [CORPUS_DIR]`
    static func main() {
        let arguments = CommandLine.arguments
        let seconds = arguments.count > 1 ? Double(arguments[1]) ?? 10 : 10
        var generator = SeededGenerator(seed: arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1)
        let corpusPath = arguments.count > 3 ? arguments[3] : "Fuzz/corpus"
        let seeds = (try? FileManager.default.contentsOfDirectory(atPath: corpusPath))?.sorted().compactMap {
            FileManager.default.contents(atPath: corpusPath + "/" + $0).map { [UInt8]($0) }
        } ?? []
        guard !seeds.isEmpty else {
            print("no seed files in \(corpusPath)")
            exit(2)
        }
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            var input = seeds[Int(generator.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + generator.next() % 8) { mutate(&input, &generator) }
            check(input)
            runs += 1
        }
        print("\(runs) inputs in \(Int(seconds)) s without a crash (\(runs / max(1, Int(seconds))) per second)")
    }

    static let tokens: [[UInt8]] = ["---\n", "\n", "TL;DR: ", "**TL;DR:**", "## FAQ\n", "### ", "## Sources\n", "| a | b |\n|---|---|\n",
                                    "```countdown\n", "```\n", "target: ", "related: [", "tags: ", "[x](y.md#z)", "\r\n", "\u{FEFF}",
                                    "date: 2026-02-30\n", "title: ", ": ", "- ", "&", "<script>", "\"", "'", "{", "]", "*", "~~"].map { Array($0.utf8) }

    static func mutate(_ input: inout [UInt8], _ generator: inout SeededGenerator) {
        let position = input.isEmpty ? 0 : Int(generator.next() % UInt64(input.count + 1))
        switch generator.next() % 5 {
        case 0: input.insert(contentsOf: tokens[Int(generator.next() % UInt64(tokens.count))], at: position)
        case 1: if position < input.count { input.remove(at: position) }
        case 2: if position < input.count { input[position] = UInt8(truncatingIfNeeded: generator.next()) }
        case 3:
            let end = min(input.count, position + Int(generator.next() % 64))
            if position < end { input.insert(contentsOf: Array(input[position..<end]), at: position) }
        default:
            let end = min(input.count, position + Int(generator.next() % 32))
            if position < end { input.removeSubrange(position..<end) }
        }
    }
}

#endif
