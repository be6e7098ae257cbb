import Testing
@testable import Scenarios
import SimEngine

/// One expectation of every WHEN and CONDITION form of SCENARIO_FORMAT §6, run against the
/// same small cluster; each is known to hold or to fail, and the run must agree.
@Suite struct ExpectationFormTests {
    /// 1 manager, 2 workers; w1 drained at 20 s; w2 crashes at 40 s (Down 13.5–22 s later).
    static let cluster = """
    scenario: expectation forms
    seed: 5
    duration: 90s
    cluster:
      managers: 1
      workers: 2
    services:
      web:
        image: nginx:1.25
        deploy:
          replicas: 4
          placement:
            constraints: [node.role == worker]
    timeline:
      - at 5s: docker service create --name gone --replicas 1 nginx:1.25
      - at 10s: docker service rm gone
      - at 20s: docker node update --availability drain w1
      - at 40s: crash w2
    expect:

    """

    static let holding = [
        "at 10s: leader is m1",
        "at 10s: leader is not w1",
        "at 10s: leader is one of m1, w2",
        "never: leader is none",
        "always: term is at least 1",
        "at 10s: term is 2",
        "at 10s: quorum is ok",
        "from 5s to 19s: node w1 is ready",
        "at 10s: node w1 is active",
        "at 30s: node w1 is drain",
        "at 10s: node m1 is leader",
        "by 65s: node w2 is down",
        "at 15s: service web has 4 running tasks",
        "at 15s: service web is 4/4",
        "at 15s: service web is balanced",
        "at 15s: service web is converged",
        "at 30s: node w1 has 0 tasks",
        "at 30s: node w2 has 4 tasks of web",
        "at 30s: node m1 has at most 0 tasks",
        "at end: service gone is absent",
        "at 60s: service web has 0 running tasks",
    ]

    static let failing = [
        "at 10s: leader is none",
        "at 10s: leader is not m1",
        "at 10s: term is at least 99",
        "at 10s: quorum is lost",
        "by 15s: node w1 is down",
        "at 15s: service web is 5/4",
        "always: node w1 is active",
        "never: node w1 is drain",
        "from 40s to 70s: node w2 is ready",
        "at end: service web is absent",
        "at end: service web has at least 5 running tasks",
        "at 10s: node m1 is unreachable",
        "at 7s: service gone is absent",
    ]

    @Test func everyFormHoldsOrFailsAsExpected() throws {
        let source = Self.cluster + (Self.holding + Self.failing).map { "  - \($0)\n" }.joined()
        let (result, _) = try #require(ScenarioTestSupport.run(source))
        let byText = Dictionary(uniqueKeysWithValues: result.expectations.map { ($0.text, $0) })
        for text in Self.holding {
            let outcome = try #require(byText[text], "missing \(text)")
            #expect(outcome.passed, "should hold: \(text) — \(outcome.detail) at \(outcome.decidedAt)")
        }
        for text in Self.failing {
            let outcome = try #require(byText[text], "missing \(text)")
            #expect(!outcome.passed, "should fail: \(text) — \(outcome.detail) at \(outcome.decidedAt)")
        }
        #expect(!result.passed)
    }

    @Test func decisiveTimesAreWhenItFirstHeldOrFirstFailed() throws {
        let source = Self.cluster + """
          - by 65s: node w2 is down
          - always: node w1 is active
          - from 5s to 19s: node w1 is ready
          - at end: service web has 2 running tasks

        """
        let (result, _) = try #require(ScenarioTestSupport.run(source))
        let down = result.expectations[0]
        // w2's last heartbeat came at most 5.5 s before the crash; Down is 3 periods after it.
        #expect(down.passed && down.decidedAt > SimInstant.zero + .seconds(48) && down.decidedAt < SimInstant.zero + .seconds(57), "\(down.decidedAt)")
        let active = result.expectations[1]
        #expect(!active.passed && active.decidedAt >= SimInstant.zero + .seconds(20) && active.decidedAt < SimInstant.zero + .seconds(21))
        let ready = result.expectations[2]
        #expect(ready.passed && ready.decidedAt == SimInstant.zero + .seconds(19))
        #expect(result.expectations[3].decidedAt == SimInstant.zero + .seconds(90))
    }

    /// Windows that open at a quiet instant (nothing the condition reads changes then) are still
    /// judged at that instant: a condition already false when the window opens fails right then.
    @Test func windowsOpeningAtQuietInstantsAreJudgedThen() throws {
        let source = Self.cluster + """
          - from 33s to 36s: node w1 is active
          - at 33500ms: leader is w2
          - by 34s: node w1 is down

        """
        let (result, _) = try #require(ScenarioTestSupport.run(source))
        let window = result.expectations[0]
        #expect(!window.passed && window.decidedAt == SimInstant.zero + .seconds(33), "\(window.decidedAt)")
        let at = result.expectations[1]
        #expect(!at.passed && at.decidedAt == SimInstant.zero + .milliseconds(33500), "\(at.decidedAt)")
        let by = result.expectations[2]
        #expect(!by.passed && by.decidedAt == SimInstant.zero + .seconds(34), "\(by.decidedAt)")
    }
}
