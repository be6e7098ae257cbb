import SimEngine
import SimModels

/// Measures how long a Raft lab cluster goes without a leader after its leader crashes.
public enum ElectionTiming {
    /// Time from the leader's crash to the next leader, or nil if none within `limit`.
    public static func measure(seed: UInt64, managers: Int, config: RaftConfig = RaftConfig(),
                               limit: SimDuration = .seconds(120)) -> SimDuration? {
        let lab = RaftLabCluster(seed: seed, managers: managers, config: config)
        let sim = lab.simulation
        defer { sim.tearDown() }  // frees the run's world
        var first: String?
        while first == nil && sim.now < SimInstant.zero + limit {
            sim.run(for: .milliseconds(100))
            first = lab.leader
        }
        guard let first else { return nil }
        // Let the cluster settle into steady heartbeats at a seed-dependent phase.
        var random = sim.stream(named: "election-timing")
        sim.run(for: .milliseconds(Int64(3000 + random.nextInt(below: 5000))))
        guard lab.leader == first else { return nil }
        sim.host(named: first)!.crash()
        let crashedAt = sim.now
        while sim.now - crashedAt < limit {
            sim.run(for: .milliseconds(1))
            if lab.leader != nil { return sim.now - crashedAt }
        }
        return nil
    }
}
