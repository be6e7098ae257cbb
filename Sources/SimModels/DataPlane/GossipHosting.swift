import SimEngine

/// Host software that can run a NetworkDB: gossip messages reach it through `networkDB`, nil
/// until something starts one (nothing does by default: a run that observes no traffic never
/// simulates gossip).
public protocol GossipHosting: HostSoftware {
    var networkDB: NetworkDB? { get }
}
