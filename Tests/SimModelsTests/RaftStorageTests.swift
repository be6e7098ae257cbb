import Testing
@testable import SimModels
import SimEngine

/// What production writes is what a restart reads: a one-member cluster runs on a simulated
/// host under `RaftHost`, exactly as a manager's Raft does, and is rebuilt from its disk.
@Suite struct RaftStorageTests {
    /// The application: the commands applied, in order.
    private final class Applied {
        var commands: [String] = []
    }

    /// A single-member cluster run by production's shell, snapshotting every few entries so
    /// that snapshots, log compaction and entries all reach the disk.
    private static let config = RaftConfig(snapshotInterval: 4, logEntriesForSlowFollowers: 1)

    private static func startMember(on host: Host, in sim: Simulation, app: Applied) -> RaftHost<String, [String]> {
        let node = TestNode.bootstrap(id: 1, members: [RaftMember(id: 1, address: host.name)], config: config,
                                      random: sim.stream(named: "raft"))
        let callbacks = RaftHost<String, [String]>.Callbacks(
            send: { _ in }, apply: { entry in if let command = entry.command { app.commands.append(command) } },
            restore: { app.commands = $0 }, snapshotState: { app.commands },
            softStateChanged: { _ in }, event: { _ in })
        let raft = RaftHost(node: node, simulation: sim, host: host, tickInterval: .milliseconds(100), callbacks: callbacks)
        var phase = sim.stream(named: "phase")
        raft.start(phase: &phase)
        return raft
    }

    /// Runs a member to leadership and commits `count` commands.
    private static func runMember(on host: Host, in sim: Simulation, commands count: Int) -> RaftHost<String, [String]> {
        let raft = startMember(on: host, in: sim, app: Applied())
        sim.run(for: .seconds(5))
        #expect(raft.node.isLeader)
        for i in 0..<count {
            raft.withNode { _ = $0.propose("c\(i)") }
            sim.run(for: .milliseconds(10))
        }
        return raft
    }

    @Test func aRestartedNodeReadsBackExactlyWhatProductionWrote() {
        let sim = Simulation(seed: 3)
        let host = sim.addHost(named: "m1") { _ in nil }
        host.powerOn()
        let before = Self.runMember(on: host, in: sim, commands: 11).node
        #expect(before.snapshot != nil, "the run took snapshots")
        #expect(!host.disk.hasUnsyncedWrites)

        host.crash()
        let persisted = TestStorage(disk: host.disk).read()
        let snapshotIndex = before.snapshot?.index ?? 0
        #expect(persisted.hardState == before.hardState)
        #expect(persisted.snapshot == before.snapshot)
        #expect(persisted.entries == before.logEntries.filter { $0.index > snapshotIndex })

        let after = TestNode(id: 1, config: Self.config, persisted: persisted, random: RandomStream(seed: 4))
        #expect(after.hardState == before.hardState)
        #expect(after.lastIndex == before.lastIndex)
        #expect(after.logEntries.filter { $0.index > snapshotIndex } == persisted.entries)
        #expect(after.membership == before.membership)
    }

    /// `RaftHost` writes a proposal at once and sends nothing before its sync: a crash in
    /// between loses the entry, and the disk then holds exactly what the host said was durable.
    @Test func aCrashBeforeTheSyncLosesTheEntryProductionWrote() {
        let sim = Simulation(seed: 3)
        let host = sim.addHost(named: "m1") { _ in nil }
        host.powerOn()
        let raft = Self.runMember(on: host, in: sim, commands: 2)
        let durable = raft.durableLastIndex
        raft.withNode { _ = $0.propose("lost") }
        #expect(raft.node.lastIndex == durable + 1)
        #expect(TestStorage(disk: host.disk).read().entries.last?.command == "lost", "written")

        host.crash()
        let persisted = TestStorage(disk: host.disk).read()
        #expect((persisted.entries.last?.index ?? persisted.snapshot?.index) == durable)
        #expect(!persisted.entries.contains { $0.command == "lost" })
    }
}
