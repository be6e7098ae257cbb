import Foundation
import Testing
@testable import Scenarios
import SimEngine

/// The valid scenarios that crashed, hung or reported a false violation (issue #21), each run to
/// its end. Before the fixes: `crash-*` and `valid-crash-*` died reading a freed dispatcher,
/// `hang-*` and `valid-timeout-*` froze simulated time in the scheduler's debounce, and the
/// `slot-*` and `valid-invariant-*` files reported two tasks desired running in one slot. The
/// `fuzz-*` files are the minimized findings of `simrun fuzz`, each with its story in a comment.
@Suite struct ReproducerTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reproducers")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".scn") }.sorted()
    }

    @Test(arguments: files)
    func runsToItsEndWithNoFalseFinding(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let scenario = try #require(ScenarioTestSupport.scenario(source, file: name))
        let result = ScenarioRunner.run(scenario, options: RunOptions(statistics: false))
        #expect(result.failures.map(\.text) == [], "\(name)")
        #expect(result.summary.duration == scenario.duration)
    }

    /// Of two updates computed from the same version, the second fails as SwarmKit's store
    /// makes it fail, instead of silently undoing the first.
    @Test func theSecondOfTwoRacingUpdatesIsOutOfSequence() throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent("fuzz-update-out-of-sequence.scn"), encoding: .utf8)
        let (result, text) = try #require(ScenarioTestSupport.run(source))
        #expect(result.failures.isEmpty)
        #expect(text.contains("Error response from daemon: rpc error: code = Unknown desc = update out of sequence"))
    }

    /// The folder is read at run time: a reproducer lost on the way would pass unnoticed.
    @Test func theReproducersAreStillThere() {
        #expect(Self.files.count == 24)
    }
}
