// The disks of the Raft unit tests: real simulated disks, written and read by production's
// `RaftStorage`, so that the paper, election, membership and durability tests check the
// persistence path a manager takes, syncs and crash losses included.

@testable import SimModels
import SimEngine

typealias TestStorage = RaftStorage<String, [String]>
typealias TestReady = RaftReady<String, [String]>

/// One simulated host per Raft node, in a simulation of their own that runs only their syncs.
/// The instant test network waits for each sync by running that simulation past it, so a
/// ready's messages still leave only once what it promises is durable.
final class RaftTestDisks {
    let simulation: Simulation
    private var hosts: [RaftNodeID: Host] = [:]

    init(seed: UInt64 = 1) {
        simulation = Simulation(seed: seed)
    }

    /// The host of node `id`, running with an empty disk the first time it is asked for.
    func host(_ id: RaftNodeID) -> Host {
        if let host = hosts[id] { return host }
        let host = simulation.addHost(named: "m\(id)") { _ in nil }
        host.powerOn()
        hosts[id] = host
        return host
    }

    /// Production's view of node `id`'s disk.
    func storage(_ id: RaftNodeID) -> TestStorage {
        TestStorage(disk: host(id).disk)
    }

    /// What a node restarting on `id` recovers from.
    func read(_ id: RaftNodeID) -> TestDisk {
        storage(id).read()
    }

    /// Writes `ready` as `RaftHost` does and waits until the sync made it durable.
    func persist(_ ready: TestReady, on id: RaftNodeID) {
        guard storage(id).write(ready) else { return }
        let disk = host(id).disk
        var durable = false
        disk.sync { durable = true }
        simulation.run(for: disk.syncLatency)
        precondition(durable, "node \(id)'s host is down: its sync never completes")
    }

    /// Puts `state` on node `id`'s disk, durably, for a test that starts a node from a
    /// hand-made log: the ready a node would hand over to install it as a snapshot and log.
    func install(_ state: TestDisk, on id: RaftNodeID) {
        var ready = TestReady()
        ready.hardState = state.hardState
        if let snapshot = state.snapshot {
            ready.snapshot = snapshot
            ready.restoreSnapshot = true
        }
        if let first = state.entries.first {
            ready.overwriteFrom = first.index
            ready.entries = state.entries
        }
        persist(ready, on: id)
    }

    /// The host loses power: what was not synced is lost.
    func crash(_ id: RaftNodeID) {
        host(id).crash()
    }

    /// The host runs again, with what its disk kept.
    func powerOn(_ id: RaftNodeID) {
        host(id).powerOn()
    }
}
