import SimEngine

/// The failure detector's settings: hashicorp/memberlist `DefaultLANConfig` (`config.go`),
/// which libnetwork's NetworkDB uses unchanged apart from names and addresses (moby libnetwork
/// `networkdb/cluster.go` `clusterInit`). NETWORK_FACTS.md §0.
public struct MemberlistConfig: Sendable {
    /// How often a node probes one peer (`ProbeInterval`, 1 s).
    public var probeInterval: SimDuration = .seconds(1)
    /// How long the direct ping waits for its ack before indirect probes (`ProbeTimeout`, 500 ms).
    public var probeTimeout: SimDuration = .milliseconds(500)
    /// Peers asked to probe on our behalf (`IndirectChecks`, 3).
    public var indirectChecks = 3
    /// Scales the suspicion timeout (`SuspicionMult`: 4 since memberlist `3d8438d`, Docker ≥18.03).
    public var suspicionMult = 4
    /// The longest suspicion, as a multiple of the shortest (`SuspicionMaxTimeoutMult`, 6).
    public var suspicionMaxTimeoutMult = 6
    /// How often queued broadcasts are gossiped (`GossipInterval`, 200 ms).
    public var gossipInterval: SimDuration = .milliseconds(200)
    /// Peers each gossip round goes to (`GossipNodes`, 3).
    public var gossipNodes = 3
    /// Dead nodes are still gossiped to this long, then forgotten (`GossipToTheDeadTime`, 30 s).
    public var gossipToTheDeadTime: SimDuration = .seconds(30)
    /// Each broadcast is sent `RetransmitMult × ⌈log10(n + 1)⌉` times (`RetransmitMult`, 4).
    public var retransmitMult = 4
    /// Full state exchange with one random peer (`PushPullInterval`, 30 s, scaled above 32 nodes).
    public var pushPullInterval: SimDuration = .seconds(30)
    /// A TCP exchange (push-pull, join) gives up after this (`TCPTimeout`, 10 s).
    public var tcpTimeout: SimDuration = .seconds(10)
    /// How long `leave` waits for its dead broadcast to go out (libnetwork `clusterLeave`: 1 s).
    public var leaveTimeout: SimDuration = .seconds(1)
    /// Room in one UDP packet (`UDPBufferSize`, 1400; libnetwork's `PacketBufferSize` too).
    public var udpBufferSize = 1400

    public init() {}

    /// `DefaultLANConfig`.
    public static let defaultLAN = MemberlistConfig()

    /// The push-pull interval for `nodes` members: memberlist `util.go` `pushPullScale` doubles
    /// it for every doubling of the cluster above 32 nodes.
    public func pushPullInterval(nodes: Int) -> SimDuration {
        let threshold = 32
        guard nodes > threshold else { return pushPullInterval }
        // ⌈log2(n) − log2(32)⌉ + 1, in integers: the doublings of 32 needed to reach n, plus one.
        var doublings = 0
        while threshold << doublings < nodes { doublings += 1 }
        return pushPullInterval * Int64(doublings + 1)
    }
}
