import Foundation
import Testing
@testable import Scenarios
import SimEngine

/// `--format perfetto` writes trace-event JSON by the Trace Event Format's rules, with a
/// process per node and the tracks a reader looks for.
@Suite struct PerfettoWriterTests {
    typealias Event = [String: Any]

    @Test(arguments: ScenarioTestSupport.libraryFiles)
    func everyLibraryScenarioGivesValidTraceEventJSON(file: String) throws {
        let scenario = try #require(PictureTestSupport.libraryScenario(file))
        let (chronicle, json) = PictureTestSupport.draw(scenario, as: .perfetto)
        let events = try Self.events(json)
        try Self.checkRules(events, file: file)

        // A process per node, named with its role; the scenario's own process first.
        let processes = Self.names(events, "process_name")
        #expect(processes[1] == "scenario")
        for (index, node) in chronicle.nodes.enumerated() {
            #expect(processes[index + 2] == node.name + (node.isManager ? " (manager)" : " (worker)"), "\(file)")
            let threads = Self.threadNames(events, pid: index + 2)
            #expect(threads.contains("dispatcher"), "\(file): \(node.name) has a dispatcher track")
            if node.isManager { #expect(threads.contains("raft"), "\(file): \(node.name) has a raft track") }
        }
        let scenarioThreads = Self.threadNames(events, pid: 1)
        #expect(scenarioThreads.contains("expectations"))
        #expect(scenarioThreads.contains("faults"))
        // Every expectation and every fault is an instant on the scenario's process.
        let instants = events.filter { $0["ph"] as? String == "i" && $0["pid"] as? Int == 1 }.compactMap { $0["name"] as? String }
        for result in chronicle.expectations { #expect(instants.contains((result.passed ? "PASS " : "FAIL ") + result.text), "\(file)") }
        for fault in chronicle.faults { #expect(instants.contains(fault.text), "\(file)") }
        // Some leader, some task bar.
        #expect(events.contains { ($0["name"] as? String)?.hasPrefix("leader t") == true && $0["ph"] as? String == "X" }, "\(file)")
        #expect(events.contains { $0["cat"] as? String == "task" && $0["ph"] as? String == "X" } || scenario.services.isEmpty, "\(file)")
    }

    @Test func failoverShowsTheCrashedLeaderAndItsSuccessor() throws {
        let scenario = try #require(PictureTestSupport.libraryScenario("scenarios/failover.scn"))
        let (_, json) = PictureTestSupport.draw(scenario, as: .perfetto)
        let events = try Self.events(json)
        let leaders = events.filter { ($0["name"] as? String)?.hasPrefix("leader t") == true }
        // m1 (pid 2) leads until the crash at 30 s; another manager afterwards.
        let first = try #require(leaders.first { $0["pid"] as? Int == 2 })
        let end = (first["ts"] as! Double) + (first["dur"] as! Double)
        #expect(abs(end - 30_000_000) < 0.001)
        #expect(leaders.contains { ($0["pid"] as? Int).map { $0 == 3 || $0 == 4 } == true && ($0["ts"] as! Double) > 30_000_000 })
        // The crash is in force from 30 s to the restart at 100 s.
        let crash = try #require(events.first { $0["name"] as? String == "crash m1" && $0["ph"] as? String == "X" })
        #expect(crash["ts"] as? Double == 30_000_000)
        #expect(crash["dur"] as? Double == 70_000_000)
        // Same run, same bytes.
        #expect(PictureTestSupport.draw(scenario, as: .perfetto).1 == json)
    }

    @Test func microsecondsAreWrittenExactly() {
        #expect(PerfettoWriter.microseconds(0) == "0")
        #expect(PerfettoWriter.microseconds(30_000_000_000) == "30000000")
        #expect(PerfettoWriter.microseconds(1_500) == "1.5")
        #expect(PerfettoWriter.microseconds(181_480_020) == "181480.02")
        #expect(PerfettoWriter.microseconds(7) == "0.007")
    }

    // MARK: - The format's rules

    static func events(_ json: String) throws -> [Event] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["traceEvents"] as? [Event])
    }

    /// Every event has name, ph, ts, pid and tid; B and E balance per thread; X has a `dur`
    /// and the X events of a thread nest; every process and thread with events is named.
    static func checkRules(_ events: [Event], file: String) throws {
        var open: [String: Int] = [:]
        var spans: [String: [(start: Double, end: Double)]] = [:]
        var named = Set<String>()
        for event in events {
            let phase = try #require(event["ph"] as? String, "\(file): \(event)")
            #expect(event["name"] is String && event["ts"] is NSNumber && event["pid"] is Int && event["tid"] is Int, "\(file): \(event)")
            let pid = event["pid"] as? Int ?? -1, tid = event["tid"] as? Int ?? -1
            let thread = "\(pid)/\(tid)"
            switch phase {
            case "M":
                let name = event["name"] as? String ?? ""
                #expect((event["args"] as? [String: Any])?.isEmpty == false, "\(file): \(event)")
                if name == "process_name" { named.insert("\(pid)") }
                if name == "thread_name" { named.insert(thread) }
            case "B": open[thread, default: 0] += 1
            case "E":
                open[thread, default: 0] -= 1
                #expect(open[thread, default: 0] >= 0, "\(file): E before its B on \(thread)")
            case "X":
                let start = event["ts"] as? Double ?? 0
                let duration = try #require(event["dur"] as? Double, "\(file): X without dur: \(event)")
                #expect(duration >= 0)
                spans[thread, default: []].append((start, start + duration))
            case "i":
                #expect(["t", "p", "g"].contains(event["s"] as? String ?? "t"))
            default:
                Issue.record("\(file): unexpected phase \(phase)")
            }
        }
        for (thread, count) in open { #expect(count == 0, "\(file): B and E do not balance on \(thread)") }
        for event in events where event["ph"] as? String != "M" {
            let pid = event["pid"] as? Int ?? -1, tid = event["tid"] as? Int ?? -1
            #expect(named.contains("\(pid)") && named.contains("\(pid)/\(tid)"), "\(file): \(pid)/\(tid) has no name")
        }
        for (thread, list) in spans {
            var stack: [Double] = []
            for span in list.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
                while let top = stack.last, top <= span.start + 0.001 { stack.removeLast() }
                if let top = stack.last { #expect(span.end <= top + 0.001, "\(file): X events overlap on \(thread) at \(span.start)") }
                stack.append(span.end)
            }
        }
    }

    static func names(_ events: [Event], _ kind: String) -> [Int: String] {
        var names: [Int: String] = [:]
        for event in events where event["name"] as? String == kind {
            names[event["pid"] as? Int ?? -1] = (event["args"] as? [String: Any])?["name"] as? String
        }
        return names
    }

    static func threadNames(_ events: [Event], pid: Int) -> [String] {
        events.filter { $0["name"] as? String == "thread_name" && $0["pid"] as? Int == pid }
            .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
    }
}
