import SimEngine
import Testing
@testable import Scenarios

/// Every fault of SCENARIO_FORMAT §5 parses, with `leader` for any node.
@Suite struct CommandLineFaultTests {
    typealias T = LoaderTestSupport

    @Test func hostFaults() {
        #expect(T.fault("crash m1") == .crash(.named("m1")))
        #expect(T.fault("crash leader") == .crash(.leader))
        #expect(T.fault("restart w2") == .restart(.named("w2")))
        #expect(T.fault("stop leader") == .stop(.leader))
        #expect(T.fault("isolate m3") == .isolate(.named("m3")))
        #expect(T.fault("heal") == .heal)
    }

    @Test func partitions() {
        #expect(T.fault("partition m1 m2 | m3 w1") == .partition([[.named("m1"), .named("m2")], [.named("m3"), .named("w1")]]))
        #expect(T.fault("partition m1|m2|leader") == .partition([[.named("m1")], [.named("m2")], [.leader]]))
        #expect(T.fault("partition m1") == .partition([[.named("m1")]]))
    }

    @Test func linkFaults() {
        #expect(T.fault("drop m1 -> m2") == .drop(from: .named("m1"), to: .named("m2")))
        #expect(T.fault("drop leader -> w1") == .drop(from: .leader, to: .named("w1")))
        #expect(T.fault("latency m1 m2 200ms") == .latency(.between(.named("m1"), .named("m2")), .milliseconds(200)))
        #expect(T.fault("latency * 1m30s") == .latency(.all, .seconds(90)))
        #expect(T.fault("latency leader w1 0") == .latency(.between(.leader, .named("w1")), .zero))
        #expect(T.fault("loss m1 w4 20%") == .loss(.between(.named("m1"), .named("w4")), 0.2))
        #expect(T.fault("loss * 0.5%") == .loss(.all, 0.005))
    }

    @Test func taskAndPullFaults() {
        #expect(T.fault("kill web.2") == .kill(.replica(service: "web", slot: 2)))
        #expect(T.fault("kill app@w1") == .kill(.global(service: "app", node: .named("w1"))))
        #expect(T.fault("kill app@leader") == .kill(.global(service: "app", node: .leader)))
        #expect(T.fault("fail w3 image-pull") == .failImagePulls(.named("w3")))
        #expect(T.fault("fail leader image-pull") == .failImagePulls(.leader))
        #expect(Fault.failImagePulls(.leader).name == "fail")
        #expect(TaskReference.global(service: "app", node: .leader).description == "app@leader")
    }

    @Test func faultErrors() {
        let cases: [(String, String)] = [
            ("crash", "'crash' requires exactly 1 argument"),
            ("crash m1 m2", "'crash' requires exactly 1 argument"),
            ("heal now", "'heal' accepts no arguments"),
            ("partition m1 | | m2", "empty group in 'partition'"),
            ("partition m1 |", "empty group in 'partition'"),
            ("partition m1 m2 | m1", "node 'm1' is in more than one group of 'partition'"),
            ("partition", "'partition' needs at least one group of nodes"),
            ("drop m1 m2", "'drop' needs two nodes and an arrow"),
            ("drop m1 to m2", "expected '->' between the two nodes of 'drop'"),
            ("drop m1 -> m1", "'drop' needs two different nodes"),
            ("latency m1 200ms", "'latency' needs two nodes (or *) and a value"),
            ("latency m1 m2 fast", "invalid duration 'fast': expected a number before 'fast'"),
            ("latency m1 m2 -5ms", "latency must not be negative, got '-5ms'"),
            ("loss * 120%", "percentage '120%' is over 100%"),
            ("loss m1 m1 5%", "'loss' needs two different nodes"),
            ("kill web", "invalid task 'web'"),
            ("kill web.0", "task slot must be at least 1, got '0'"),
            ("kill db.1", "unknown service 'db' in 'kill'"),
            ("kill app@w9", "unknown node 'w9' in 'kill'"),
            ("fail w1 disk", "unknown failure 'disk'"),
            ("fail w1", "'fail' needs a node and what fails"),
            ("isolate w9", "unknown node 'w9' in 'isolate'"),
        ]
        for (action, message) in cases {
            #expect(T.errors(timeline: action).map(\.message) == [message], "\(action)")
        }
    }
}
