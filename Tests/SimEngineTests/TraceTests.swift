import Testing
@testable import SimEngine

@Suite struct TraceTests {
    final class Recorder: TraceSink {
        let kinds: [String]?
        let readsText: Bool
        var events: [TraceEvent] = []

        init(kinds: [String]?, readsText: Bool = true) {
            self.kinds = kinds
            self.readsText = readsText
        }

        func record(_ event: TraceEvent) { events.append(event) }
    }

    /// Emits one event of each kind, counting how many texts and field lists were built.
    private func emitAll(_ sim: Simulation) -> (texts: Int, fields: Int) {
        var texts = 0
        var fields = 0
        for kind in ["raft.leader", "task.state", "command"] {
            sim.emit(node: "m1", component: "test", kind: kind, { texts += 1; return kind }(),
                     fields: { fields += 1; return [TraceField("kind", kind)] }())
        }
        return (texts, fields)
    }

    /// A sink that names its kinds gets only those, and events no sink reads are never built.
    @Test func eventsOfKindsNoSinkReadsAreNotBuilt() {
        let sim = Simulation(seed: 1)
        let statistics = Recorder(kinds: ["raft.leader", "task.state"], readsText: false)
        sim.trace.add(statistics)
        let built = emitAll(sim)
        #expect(statistics.events.map(\.kind) == ["raft.leader", "task.state"])
        #expect(statistics.events.allSatisfy { $0.text.isEmpty })
        #expect(built.texts == 0 && built.fields == 2)
    }

    /// A sink without a list of kinds gets every event, and the other sinks still their own.
    @Test func aSinkOfEveryKindGetsEveryEvent() {
        let sim = Simulation(seed: 1)
        let statistics = Recorder(kinds: ["task.state"], readsText: false)
        let reporter = Recorder(kinds: nil)
        sim.trace.add(statistics)
        sim.trace.add(reporter)
        let built = emitAll(sim)
        #expect(reporter.events.map(\.kind) == ["raft.leader", "task.state", "command"])
        #expect(reporter.events.map(\.text) == ["raft.leader", "task.state", "command"])
        #expect(statistics.events.map(\.kind) == ["task.state"])
        #expect(built.texts == 3 && built.fields == 3)
    }
}
