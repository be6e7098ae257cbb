import Foundation
import Testing
@testable import Scenarios

/// The whole text timeline of a small scenario, byte for byte. A change here changes what
/// users see: regenerate with `SIMRUN_REWRITE_GOLDEN=1 swift test --filter GoldenTimelineTests`
/// and commit only if you understand what caused it.
@Suite struct GoldenTimelineTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test func smallFailoverTimelineIsUnchanged() throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent("small-failover.scn"), encoding: .utf8)
        let (result, text) = try #require(ScenarioTestSupport.run(source))
        #expect(result.passed)
        let goldenURL = Self.folder.appendingPathComponent("small-failover.timeline")
        if ProcessInfo.processInfo.environment["SIMRUN_REWRITE_GOLDEN"] == "1" {
            try text.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(text == golden, "the timeline changed; see the comment on GoldenTimelineTests")
    }
}
