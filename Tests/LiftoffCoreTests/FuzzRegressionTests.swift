import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffRender

/// Inputs that once crashed (saved by `make fuzz` in Fuzz/regressions/) and the seed corpus
/// must go through every parsing stage without a crash; and a short seeded mutation run.
@Suite struct FuzzRegressionTests {
    static let folders = ["Fuzz/corpus", "Fuzz/regressions"]

    static var inputs: [String] {
        folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(folder).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    @Test(arguments: inputs)
    func replays(_ path: String) throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent(path))
        _ = ArticleCheck.diagnostics(for: [UInt8](data))
    }

    @Test func seededMutationsDoNotCrash() throws {
        let run = try CommandLineTests().run(
            CommandLineTests.built("liftoff-fuzz"),
            ["3", "42", repositoryRoot.appendingPathComponent("Fuzz/corpus").path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("without a crash"))
    }
}
