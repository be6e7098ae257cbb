import Foundation
import Testing

/// `simrun state FILE --at TIME`: the cluster at an instant, as text or JSON; bad input is a
/// usage error with a hint.
@Suite struct StateCommandTests {
    @Test func printsTheClusterAtAnInstantAsTextAndJSON() throws {
        let text = try SimrunProcess.run(["state", "scenarios/failover.scn", "--at", "45s"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("cluster at 45.000s (scenarios/failover.scn, seed 7)\nleader: m2\n"))
        #expect(text.stdout.contains("$ docker node ls   (on the leader, m2)"))
        #expect(text.stdout.contains("$ docker service ps web"))
        #expect(text.stdout.contains("\nm1        down "))
        let json = try SimrunProcess.run(["state", "scenarios/failover.scn", "--at", "45s", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["leader"] as? String == "m2")
        #expect((object?["raft"] as? [[String: Any]])?.first?["role"] as? String == "down")
    }

    @Test func badInputIsAUsageError() throws {
        for (arguments, message) in [
            (["state", "scenarios/failover.scn"], "missing '--at TIME'"),
            (["state", "scenarios/failover.scn", "--at", "5m"], "is outside the run of scenarios/failover.scn (0s to 2m0s)"),
            (["state", "scenarios/failover.scn", "--at", "soon"], "'--at' needs a duration"),
            (["state", "scenarios/failover.scn", "--at", "5s", "--format", "jsno"], "Did you mean 'json'?"),
        ] {
            let outcome = try SimrunProcess.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
        }
    }
}
