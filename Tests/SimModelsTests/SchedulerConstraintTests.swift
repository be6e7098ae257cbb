import Testing
import SimEngine
@testable import SimModels

@Suite struct SchedulerConstraintTests {
    static func error(_ expressions: [String]) -> String? {
        if case let .failure(error) = PlacementConstraint.parse(expressions) { return error.message }
        return nil
    }

    @Test func invalidConstraintsGiveSwarmKitTexts() {
        #expect(Self.error(["nodeabc"]) == "constraint expected one operator from ==, !=")
        #expect(Self.error(["node ~ abc"]) == "constraint expected one operator from ==, !=")
        #expect(Self.error([""]) == "constraint expected one operator from ==, !=")
        #expect(Self.error(["1node==a2"]) == "key '1node' is invalid")
        #expect(Self.error(["no de== node1"]) == "key 'no de' is invalid")
        #expect(Self.error(["==node1"]) == "key '' is invalid")
        #expect(Self.error(["node=="]) == "value '' is invalid")
        #expect(Self.error(["node== "]) == "value '' is invalid")
        #expect(Self.error(["node==a>b"]) == "value 'a>b' is invalid")
    }

    @Test func validConstraintsParse() {
        #expect(Self.error([" node == node1", "NoDe==node1", "_node==_node1", "node==[a-b]+c*(n|b)/", "node==node 1"]) == nil)
        guard case let .success(parsed) = PlacementConstraint.parse(["node.labels.zone != east"]) else {
            Issue.record("expected a constraint")
            return
        }
        #expect(parsed == [PlacementConstraint(key: "node.labels.zone", op: .notEqual, value: "east")])
    }

    static func matches(_ expression: String, _ node: NodeObject) -> Bool {
        guard case let .success(parsed) = PlacementConstraint.parse([expression]) else { return false }
        return PlacementConstraint.node(node, satisfies: parsed)
    }

    @Test func nodeAttributesMatchCaseInsensitively() {
        var node = Fixture.node("w1", role: .manager, labels: ["zone": "east"], engineLabels: ["disk": "ssd"])
        node.status.address = "10.1.2.3"
        #expect(Self.matches("node.hostname==W1", node))
        #expect(Self.matches("node.id==w1", node))
        #expect(Self.matches("node.role==manager", node))
        #expect(Self.matches("node.role!=worker", node))
        #expect(Self.matches("node.platform.os==linux", node))
        #expect(Self.matches("node.platform.arch==x86_64", node))
        #expect(Self.matches("node.labels.zone==EAST", node))
        #expect(Self.matches("engine.labels.disk==ssd", node))
        #expect(Self.matches("node.ip==10.1.2.3", node))
        #expect(Self.matches("node.ip==10.1.0.0/16", node))
        #expect(!Self.matches("node.ip!=10.1.0.0/16", node))
    }

    @Test func missingLabelsCompareAsEmpty() {
        let node = Fixture.node("w1")
        #expect(!Self.matches("node.labels.zone==east", node))
        #expect(Self.matches("node.labels.zone!=east", node))
        #expect(!Self.matches("engine.labels.disk==ssd", node))
        // Label names are case-sensitive.
        #expect(!Self.matches("node.labels.Zone==east", Fixture.node("w2", labels: ["zone": "east"])))
    }

    @Test func unknownKeysNeverMatch() {
        #expect(!Self.matches("node.colour==blue", Fixture.node("w1")))
        #expect(!Self.matches("node.colour!=blue", Fixture.node("w1")))
    }
}
