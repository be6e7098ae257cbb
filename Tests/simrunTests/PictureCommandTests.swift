import Foundation
import Testing

/// `simrun FILE --format perfetto|html`: one run drawn, the same bytes in any process; the
/// formats that draw one run are refused where there are many.
@Suite struct PictureCommandTests {
    @Test(arguments: ["perfetto", "html"])
    func aPictureIsTheSameInTwoProcesses(format: String) throws {
        let first = try SimrunProcess.run(["scenarios/failover.scn", "--format", format])
        let second = try SimrunProcess.run(["run", "scenarios/failover.scn", "--format", format])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix(format == "html" ? "<!DOCTYPE html>" : "{\"displayTimeUnit\""))
    }

    @Test func picturesOfManyRunsAreRefusedWithAHint() throws {
        let check = try SimrunProcess.run(["check", "scenarios/failover.scn", "--format", "perfetto"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("perfetto draws one run: simrun FILE --format perfetto"))
        let seeds = try SimrunProcess.run(["scenarios/failover.scn", "--seeds", "1..2", "--format", "perfetto"])
        #expect(seeds.status == 2)
        #expect(seeds.stderr.contains("'--format perfetto' draws one run"))
        let typo = try SimrunProcess.run(["scenarios/failover.scn", "--format", "perfeto"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Did you mean 'perfetto'?"))
    }
}
