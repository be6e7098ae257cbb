import SimEngine
import SimModels

/// Gathers the summary's figures as the run goes: leader changes, time without a leader or
/// quorum, tasks created to replace others.
final class RunStatistics: TraceSink {
    private(set) var leaderChanges = 0
    private(set) var tasksRescheduled = 0
    private(set) var timeWithoutLeader = SimDuration.zero
    private(set) var timeWithoutQuorum = SimDuration.zero
    private var slotsSeen: Set<String> = []
    private var lastInstant: SimInstant = .zero
    private var hadLeader = false
    private var leaderNow = false
    private var quorumNow = true
    /// Set once every node that joins at the start has joined: quorum counts from then on.
    var swarmIsUp = false

    /// Only these kinds, and only their fields, are read.
    var readsText: Bool { false }
    var kinds: [String]? { ["raft.leader", "task.state"] }

    func record(_ event: TraceEvent) {
        switch event.kind {
        case "raft.leader":
            leaderChanges += 1
        case "task.state":
            guard case .string("new")? = event.field("state"), case let .string(service)? = event.field("service") else { return }
            let slot: String
            if case let .int(number)? = event.field("slot"), number > 0 { slot = "\(number)" } else if case let .string(target)? = event.field("target") { slot = target } else { slot = "" }
            let key = service + "/" + slot
            if slotsSeen.contains(key) { tasksRescheduled += 1 } else { slotsSeen.insert(key) }
        default:
            return
        }
    }

    /// The managers' and hosts' versions and the topology of the last sample.
    private var sampledStamp: GroundTruth.Stamp?
    private var sampledTopology = -1

    /// After every instant: accumulates the time spent since the previous instant in the
    /// state seen then. The leader and the quorum are functions of the stamp and the topology
    /// (GroundTruth caches them by those): while neither moved, the state is the one seen at
    /// the last sample, whose span simply goes on.
    func sample(at now: SimInstant, truth: GroundTruth) {
        let stamp = truth.stamp
        let topology = truth.topologyVersion
        if !truth.exhaustive && stamp == sampledStamp && topology == sampledTopology { return }
        sampledStamp = stamp
        sampledTopology = topology
        account(until: now)
        leaderNow = truth.leader != nil
        hadLeader = hadLeader || leaderNow
        // While the swarm forms, each manager that joins is a member for a few milliseconds
        // before its Raft node starts: that is formation, not a loss of quorum.
        quorumNow = truth.quorumIsOK || !swarmIsUp
    }

    /// Closes the accounting at the end of the run.
    func finish(at end: SimInstant) {
        account(until: end)
    }

    private func account(until now: SimInstant) {
        let span = now - lastInstant
        if hadLeader && !leaderNow { timeWithoutLeader = timeWithoutLeader + span }
        if hadLeader && !quorumNow { timeWithoutQuorum = timeWithoutQuorum + span }
        lastInstant = now
    }
}
