import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// Every WHEN and CONDITION of SCENARIO_FORMAT §6 parses; mistakes get precise errors.
@Suite struct ExpectationTests {
    typealias T = LoaderTestSupport

    private func condition(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Condition? {
        T.expectation("at end: " + text, sourceLocation: sourceLocation)?.condition
    }

    private func window(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ExpectationWindow? {
        T.expectation(text + ": quorum is ok", sourceLocation: sourceLocation)?.window
    }

    private func errors(_ entry: String) -> [String] {
        T.load(T.scenario(expect: [entry])).diagnostics.map(\.message)
    }

    private static func at(_ seconds: Int64) -> SimInstant { SimInstant(nanoseconds: seconds * 1_000_000_000) }

    @Test func everyWhen() {
        #expect(window("at 30s") == .at(Self.at(30)))
        #expect(window("at end") == .atEnd)
        #expect(window("by 50s") == .by(Self.at(50)))
        #expect(window("from 10s to 20s") == .during(from: Self.at(10), to: Self.at(20)))
        #expect(window("from 10s to 10s") == .during(from: Self.at(10), to: Self.at(10)))
        #expect(window("always") == .always)
        #expect(window("never") == .never)
        #expect(window("at 1m") == .at(Self.at(60)))
    }

    @Test func leaderConditions() {
        #expect(condition("leader is m1") == .leader(.is("m1")))
        #expect(condition("leader is not m2") == .leader(.isNot("m2")))
        #expect(condition("leader is none") == .leader(.none))
        #expect(condition("leader is one of m2, m3") == .leader(.oneOf(["m2", "m3"])))
        #expect(condition("leader is one of m1,m2,m3") == .leader(.oneOf(["m1", "m2", "m3"])))
        #expect(condition("leader is one of m1 m2 or m3") == .leader(.oneOf(["m1", "m2", "m3"])))
    }

    @Test func termAndQuorum() {
        #expect(condition("term is 3") == .term(.exactly(3)))
        #expect(condition("term is at least 2") == .term(.atLeast(2)))
        #expect(condition("term is at most 9") == .term(.atMost(9)))
        #expect(condition("quorum is ok") == .quorum(isOK: true))
        #expect(condition("quorum is lost") == .quorum(isOK: false))
    }

    @Test func nodeConditions() {
        #expect(condition("node w1 is ready") == .nodeStatus(node: "w1", .ready))
        #expect(condition("node w1 is down") == .nodeStatus(node: "w1", .down))
        #expect(condition("node w1 is unknown") == .nodeStatus(node: "w1", .unknown))
        #expect(condition("node w1 is disconnected") == .nodeStatus(node: "w1", .disconnected))
        #expect(condition("node w2 is active") == .nodeAvailability(node: "w2", .active))
        #expect(condition("node w2 is pause") == .nodeAvailability(node: "w2", .pause))
        #expect(condition("node w2 is drain") == .nodeAvailability(node: "w2", .drain))
        #expect(condition("node m1 is leader") == .nodeManagerStatus(node: "m1", .leader))
        #expect(condition("node m2 is reachable") == .nodeManagerStatus(node: "m2", .reachable))
        #expect(condition("node m3 is unreachable") == .nodeManagerStatus(node: "m3", .unreachable))
        #expect(condition("node w3 has 2 tasks") == .nodeTasks(node: "w3", .exactly(2), service: nil))
        #expect(condition("node w3 has 1 task") == .nodeTasks(node: "w3", .exactly(1), service: nil))
        #expect(condition("node w3 has at least 1 tasks of web") == .nodeTasks(node: "w3", .atLeast(1), service: "web"))
        #expect(condition("node w3 has at most 0 tasks of app") == .nodeTasks(node: "w3", .atMost(0), service: "app"))
    }

    @Test func serviceConditions() {
        #expect(condition("service web is 3/3") == .serviceReplicas(service: "web", running: 3, desired: 3))
        #expect(condition("service web is 2/1") == .serviceReplicas(service: "web", running: 2, desired: 1))
        #expect(condition("service web has 3 running tasks") == .serviceRunningTasks(service: "web", .exactly(3)))
        #expect(condition("service web has 1 running task") == .serviceRunningTasks(service: "web", .exactly(1)))
        #expect(condition("service web has at least 2 running tasks") == .serviceRunningTasks(service: "web", .atLeast(2)))
        #expect(condition("service app has at most 4 running tasks") == .serviceRunningTasks(service: "app", .atMost(4)))
        #expect(condition("service web is balanced") == .serviceBalanced(service: "web"))
        #expect(condition("service web is converged") == .serviceConverged(service: "web"))
        #expect(condition("service web is absent") == .serviceAbsent(service: "web"))
    }

    @Test func entryKeepsItsTextAndLocation() throws {
        let expectation = try #require(T.expectation("by 50s:   leader is one of m2, m3"))
        #expect(expectation.text == "by 50s: leader is one of m2, m3")
        let line = T.prelude.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        #expect(expectation.location == SourceLocation(line: line, column: 5))
    }

    @Test func windowErrors() {
        #expect(errors("at 2h: quorum is ok") == ["2h is after the end of the run (duration 1m0s)"])
        #expect(errors("by soon: quorum is ok") == ["invalid duration 'soon': expected a number before 'soon'"])
        #expect(errors("from 20s to 10s: quorum is ok") == ["'from 20s to 10s' ends before it starts"])
        #expect(errors("from 20s until 30s: quorum is ok") == ["expected 'to' after 'from 20s'"])
        #expect(errors("alway: quorum is ok") == ["unknown time 'alway' in an expectation"])
        #expect(errors("always now: quorum is ok") == ["unexpected 'now' after 'always'"])
        #expect(errors("at: quorum is ok") == ["missing time after 'at'"])
    }

    @Test func conditionErrors() {
        #expect(errors("at end: leadr is m1") == ["unknown condition 'leadr'"])
        #expect(errors("at end: leader is m9") == ["unknown node 'm9' in 'leader is'"])
        #expect(errors("at end: leader was m1") == ["expected 'is' after 'leader', found 'was'"])
        #expect(errors("at end: leader is one of") == ["missing nodes after 'leader is one of'"])
        #expect(errors("at end: quorum is fine") == ["expected one of ok, lost after 'quorum is', found 'fine'"])
        #expect(errors("at end: term is many") == ["count must be a whole number, got 'many'"])
        #expect(errors("at end: node w1 is redy") == ["expected one of ready, down, unknown, disconnected, active, pause, drain, leader, reachable, unreachable after 'node w1 is', found 'redy'"])
        #expect(errors("at end: node w1 has 2 containers") == ["expected one of tasks, task after '2', found 'containers'"])
        #expect(errors("at end: service db is 3/3") == ["unknown service 'db' in 'service'"])
        #expect(errors("at end: service web is 3 of 3") == ["unknown service state '3'"])
        #expect(errors("at end: service web is 3/x") == ["desired replicas must be a whole number, got 'x'"])
        #expect(errors("at end: service web is convergd") == ["unknown service state 'convergd'"])
        #expect(errors("at end: service web has 3 tasks") == ["expected 'running' after '3', found 'tasks'"])
        #expect(errors("at end: quorum is ok today") == ["unexpected 'today' after the condition"])
        #expect(errors("at end: node") == ["missing node after 'node'"])
        #expect(errors("at end:") == ["missing value for 'at end'"])
    }

    @Test func suggestionsForConditions() {
        let diagnostics = T.load(T.scenario(expect: ["at end: service web is convergd", "at end: qourum is ok"])).diagnostics
        #expect(diagnostics.map(\.hint) == ["did you mean 'converged'?", "did you mean 'quorum'?"])
    }
}
