import SimEngine
import SimModels

/// A Raft message on the simulated network, for the Raft lab.
struct RaftLabWire: NetworkMessage {
    var message: RaftMessage<UInt64, [UInt64]>
}

/// A host running nothing but a Raft member whose state machine is the list of applied
/// commands: the smallest real application, for timing tests and randomized sweeps.
final class RaftLabServer: HostSoftware {
    let host: Host
    unowned let lab: RaftLabCluster
    private(set) var raft: RaftHost<UInt64, [UInt64]>!
    /// The state machine: every command applied, in order, with its log index.
    private(set) var applied: [(index: RaftIndex, command: UInt64)] = []

    init(host: Host, lab: RaftLabCluster) {
        self.host = host
        self.lab = lab
    }

    var raftID: RaftNodeID { RaftNodeID(host.id + 1) }

    func start() {
        let sim = lab.simulation
        lab.checker?.booted(raftID, firstTime: host.epoch == 0)
        let random = sim.stream(named: "raft/\(host.name)/\(host.epoch)")
        let persisted = RaftHost<UInt64, [UInt64]>.Storage(disk: host.disk).read()
        let node: RaftNode<UInt64, [UInt64]>
        if persisted.isEmpty {
            node = RaftNode.bootstrap(id: raftID, members: lab.initialMembers, config: lab.config, random: random)
        } else {
            node = RaftNode(id: raftID, config: lab.config, persisted: persisted, random: random)
        }
        let callbacks = RaftHost<UInt64, [UInt64]>.Callbacks(
            send: { [unowned self] message in
                sim.network.send(RaftLabWire(message: message), from: self.host.id, to: Int(message.to) - 1)
            },
            apply: { [unowned self] entry in
                if let command = entry.command { self.applied.append((entry.index, command)) }
                self.lab.didApply(entry, on: self)
            },
            restore: { [unowned self] state in
                // The lab's snapshot state is the applied commands; indexes are not kept in it.
                self.applied = state.map { (0, $0) }
                if let snapshot = self.raft?.node.snapshot {
                    self.lab.checker?.restored(index: snapshot.index, term: snapshot.term, by: self.raftID)
                }
            },
            snapshotState: { [unowned self] in self.applied.map(\.command) },
            softStateChanged: { [unowned self] soft in self.lab.softStateChanged(soft, on: self) },
            event: { [unowned self] event in
                sim.emit(node: self.host.name, component: "raft", kind: "raft.\(event.kind.rawValue)", event.text)
            })
        raft = RaftHost(node: node, simulation: sim, host: host, tickInterval: lab.tickInterval, callbacks: callbacks)
        var phase = sim.stream(named: "raft-phase/\(host.name)/\(host.epoch)")
        raft.start(phase: &phase)
    }

    func receive(_ envelope: Envelope) {
        guard let wire = envelope.message as? RaftLabWire else { return }
        raft.receive(wire.message)
    }
}
