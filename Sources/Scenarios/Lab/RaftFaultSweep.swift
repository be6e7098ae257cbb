import SimEngine
import SimModels

/// One randomized run of a Raft lab cluster: random crashes and restarts, partitions, one-way
/// drops, loss and latency while a client keeps proposing; then every fault is healed, every
/// host restarted, and a quiet period follows. The run passes if no safety invariant was ever
/// violated, a leader exists soon after the faults stop, and every acknowledged proposal is
/// applied on every member.
public struct RaftFaultSweep {
    /// The outcome of one seed.
    public struct Outcome: Sendable {
        public var seed: UInt64
        public var managers: Int
        public var violations: [String]
        /// Time from the end of the faults to the first leader, if one was elected.
        public var recovery: SimDuration?
        public var acknowledged: Int
        /// Problems with liveness or durability (no leader, acknowledged entry missing...).
        public var failures: [String]
        public var events: Int

        public var passed: Bool { violations.isEmpty && failures.isEmpty }
    }

    public var faultPeriod = SimDuration.seconds(120)
    public var quietPeriod = SimDuration.seconds(240)
    /// A leader must exist this long after the faults stop. Without PreVote a member whose log is
    /// behind can win no election but still resets everyone's election timer when it campaigns
    /// (etcd's `becomeFollower` on a higher-term MsgVote), so recovery takes a random number
    /// of 10–19 s rounds; 180 s leaves room for about ten.
    public var recoveryBound = SimDuration.seconds(180)

    public init() {}

    public func run(seed: UInt64, managers: Int) -> Outcome {
        let lab = RaftLabCluster(seed: seed, managers: managers, network: LinkParameters(latency: .milliseconds(1), jitter: .milliseconds(1)))
        let sim = lab.simulation
        defer { sim.tearDown() }  // frees the run's world
        let checker = RaftLabChecker(lab: lab)
        sim.afterEachInstant { _ in checker.check() }
        var random = sim.stream(named: "sweep")
        let faultEnd = sim.now + faultPeriod
        while sim.now < faultEnd {
            sim.run(for: .milliseconds(Int64(200 + random.nextInt(below: 3000))))
            lab.proposeOnLeader()
            if random.nextInt(below: 3) == 0 { applyRandomFault(lab, &random) }
        }
        // Faults stop: heal the network, restore link settings, boot every host.
        sim.network.heal()
        for a in sim.hosts { for b in sim.hosts where a.id != b.id { sim.network.setLink(from: a.id, to: b.id, sim.network.defaults) } }
        for host in sim.hosts where !host.isUp && host.state != .booting { host.boot() }
        let healedAt = sim.now
        var recovery: SimDuration?
        let quietEnd = healedAt + quietPeriod
        // Quiet: once a leader is back, a few more proposals, then 20 s for every member to catch up.
        while sim.now < quietEnd {
            sim.run(for: .milliseconds(100))
            if recovery == nil, lab.leader != nil { recovery = sim.now - healedAt }
            guard let recovery else { continue }
            let sinceRecovery = sim.now - (healedAt + recovery)
            if sinceRecovery < .seconds(5), random.nextInt(below: 10) == 0 { lab.proposeOnLeader() }
            // A member that rejoins with a higher term forces one more election: wait for
            // every member to hold and apply the leader's whole log.
            if sinceRecovery >= .seconds(10), lab.isConverged { break }
        }
        var failures: [String] = []
        if let recovery {
            if recovery > recoveryBound { failures.append("leader only \(recovery) after the faults stopped") }
        } else {
            failures.append("no leader \(quietPeriod) after the faults stopped")
        }
        let acknowledged = lab.acknowledged.map(\.command)
        for name in lab.names {
            guard let applied = lab.appliedCommands(name) else {
                failures.append("\(name) is not up at the end")
                continue
            }
            let appliedSet = Set(applied)
            let missing = acknowledged.filter { !appliedSet.contains($0) }
            if !missing.isEmpty {
                failures.append("\(name) lacks \(missing.count) acknowledged commands, first \(missing[0])")
            }
        }
        return Outcome(seed: seed, managers: managers, violations: checker.violations, recovery: recovery,
                       acknowledged: acknowledged.count, failures: failures, events: sim.eventsProcessed)
    }

    private func applyRandomFault(_ lab: RaftLabCluster, _ random: inout RandomStream) {
        let sim = lab.simulation
        let count = sim.hosts.count
        let a = random.nextInt(below: count)
        let b = (a + 1 + random.nextInt(below: count - 1)) % count
        switch random.nextInt(below: 9) {
        case 0, 1:
            sim.hosts[a].crash()
        case 2, 3:
            for host in sim.hosts where !host.isUp && host.state != .booting { host.boot(after: .seconds(1)) }
        case 4:
            var ids = Array(0..<count)
            random.shuffle(&ids)
            let cut = 1 + random.nextInt(below: count - 1)
            sim.network.partition([Array(ids.prefix(cut))])
        case 5:
            sim.network.dropOneWay(from: a, to: b)
        case 6:
            let loss = Double(random.nextInt(below: 40)) / 100
            sim.network.setLink(from: a, to: b, LinkParameters(latency: .milliseconds(1), jitter: .milliseconds(1), loss: loss))
            sim.network.setLink(from: b, to: a, LinkParameters(latency: .milliseconds(1), jitter: .milliseconds(1), loss: loss))
        case 7:
            let latency = SimDuration.milliseconds(Int64(random.nextInt(below: 1500)))
            sim.network.setLink(from: a, to: b, LinkParameters(latency: latency, jitter: .milliseconds(5)))
        default:
            sim.network.heal()
        }
    }
}
