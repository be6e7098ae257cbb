import Foundation
import SimEngine
import Testing
@testable import Scenarios

/// The JSON lines stream, to the byte: key order, field types, escaping, stable kinds.
@Suite struct ReportJSONLinesTests {
    typealias F = ReportFixtures

    private func stream(result: RunResult? = F.failing) -> String {
        let buffer = TimelineBuffer()
        let reporter = JSONLinesReporter(output: buffer)
        for event in F.events { reporter.record(event) }
        if let result { reporter.finish(result) }
        return buffer.text
    }

    static let eventLines = #"""
        {"t_ns":250000000,"node":"m1","component":"raft","kind":"raft.term","text":"term 1: starting an election","term":1}
        {"t_ns":251000000,"node":"m1","component":"raft","kind":"raft.leader","text":"elected leader for term 1","term":1}
        {"t_ns":2000000000,"node":"m1","component":"dispatcher","kind":"node.status","text":"node w1 is Ready","target":"w1","status":"ready"}
        {"t_ns":3500000000,"node":"m1","component":"orchestrator","kind":"task.state","text":"web.1 running on w1","task":"k2x9","service":"web","slot":1,"target":"w1","state":"running"}
        {"t_ns":30000000000,"node":null,"component":"timeline","kind":"fault","text":"crash m1","action":"crash m1"}
        {"t_ns":41203000000,"node":"m2","component":"raft","kind":"raft.leader","text":"elected leader for term 2","term":2}
        {"t_ns":45000000000,"node":"m2","component":"cli","kind":"command","text":"docker node ls","command":"docker node ls","ok":true,"output":"ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS\n1dvs0fzm6ozuxpxsiqhfnt9zy     m1         Down      Active         Unreachable\nax3kr2cuyzvi8ubx7gxu0c0w2 *   m2         Ready     Active         Leader\n"}
        {"t_ns":50007000000,"node":"m2","component":"raft","kind":"raft.stepdown","text":"stepped down: saw \"term 3\" from m3\tC:\\raft\u0001","term":2,"reason":"saw \"term 3\"\nfrom m3"}
        {"t_ns":60000000000,"node":"m2","component":"cli","kind":"command","text":"docker service scale web=8","command":"docker service scale web=8","ok":false,"error":"Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader."}
        {"t_ns":119999000000,"node":"w1","component":"agent","kind":"agent.session","text":"session established with m3"}

        """#

    static let closingLines = #"""
        {"t_ns":41203000000,"node":null,"component":"expect","kind":"expect","text":"by 50s: leader is one of m2, m3","ok":true,"detail":"leader was m2","file":"scenarios/failover.scn","line":31,"column":5}
        {"t_ns":120000000000,"node":null,"component":"expect","kind":"expect","text":"at end: service web is 8/8","ok":false,"detail":"REPLICAS was 6/8","file":"scenarios/failover.scn","line":32,"column":5}
        {"t_ns":60000000000,"node":null,"component":"command","kind":"failure","text":"docker service scale web=8 (line 24): expected ok, got error \"The swarm does not have a leader.\"","failure":"command"}
        {"t_ns":101500000000,"node":null,"component":"invariant","kind":"failure","text":"election safety: two leaders in term 3\nm2 and m3","failure":"invariant"}
        {"t_ns":120000000000,"node":null,"component":"summary","kind":"summary","text":"FAIL: 1 of 2 expectations held, 2 failures","ok":false,"events":98765,"messages":12345,"dropped":12,"scenario":"leader failover","file":"scenarios/failover.scn","seed":7,"duration_ns":120000000000,"leader_changes":2,"no_leader_ns":11203000000,"no_quorum_ns":90500000000,"final_leader":null,"services":[{"name":"web","replicas":"6/6"},{"name":"api","replicas":"2/2"}],"tasks_rescheduled":3,"expectations":2,"expectations_failed":1,"failures":2,"replay":"simrun scenarios/failover.scn --seed 7"}

        """#

    @Test func goldenStream() {
        #expect(stream(result: nil) == Self.eventLines)
        #expect(stream() == Self.eventLines + Self.closingLines)
    }

    @Test func passingSummaryNamesTheFinalLeader() {
        let buffer = TimelineBuffer()
        JSONLinesReporter(output: buffer).writeSummary(F.passing)
        #expect(buffer.text.contains(#""text":"PASS: 2 of 2 expectations held","ok":true,"#))
        #expect(buffer.text.contains(#""final_leader":"m2","#))
        #expect(buffer.text.contains(#""no_leader_ns":11203456789,"no_quorum_ns":0,"#))
    }

    @Test func everyLineIsValidJSONWithTheStableKinds() throws {
        var kinds: [String] = []
        for line in stream().split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["t_ns"] is Int)
            #expect(object["node"] is String || object["node"] is NSNull, "a node's name, or null for none")
            #expect(object["component"] is String && object["text"] is String)
            kinds.append(try #require(object["kind"] as? String))
        }
        for kind in ["fault", "command", "raft.term", "raft.leader", "raft.stepdown", "node.status", "task.state", "expect", "summary"] {
            #expect(kinds.contains(kind), "kind \(kind)")
        }
        #expect(kinds.last == "summary")
    }

    @Test func escaping() throws {
        var awkward = ""
        for value in UInt32(0) ..< 0x20 { awkward.unicodeScalars.append(Unicode.Scalar(value)!) }
        awkward += "\u{7F}\"\\/ é✔\u{2028}\u{2029}🐳"
        #expect(JSONText.quoted(awkward) == #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\n\u000b\u000c\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
            + #"\u007f\"\\/ é✔\u2028\u2029🐳""#)
        #expect(JSONText.quoted("plain ascii") == #""plain ascii""#)
        #expect(JSONText.quoted("") == #""""#)
        // Round trip through a real parser.
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + JSONText.quoted(awkward) + "]").utf8)) as? [String]
        #expect(decoded == [awkward])
    }

    @Test func fieldsNamedLikeTheLeadingKeysAreRenamed() {
        let event = TraceEvent(time: F.at(1), node: "m1", component: "x", kind: "k", text: "t",
                               fields: [TraceField("text", "other"), TraceField("kind", 3), TraceField("big", UInt64.max)])
        #expect(JSONLinesReporter(output: TimelineBuffer()).line(for: event)
            == #"{"t_ns":1000000,"node":"m1","component":"x","kind":"k","text":"t","field_text":"other","field_kind":3,"big":-1}"# + "\n")
    }

    @Test func filterHidesEvents() {
        let buffer = TimelineBuffer()
        let reporter = JSONLinesReporter(output: buffer, filter: { $0.kind == "fault" })
        for event in F.events { reporter.record(event) }
        #expect(buffer.text == #"{"t_ns":30000000000,"node":null,"component":"timeline","kind":"fault","text":"crash m1","action":"crash m1"}"# + "\n")
    }
}
