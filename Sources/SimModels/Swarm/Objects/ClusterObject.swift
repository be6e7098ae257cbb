import SimEngine

/// The swarm-wide settings object (`docker swarm init/update` flags).
public struct ClusterObject: Equatable, Sendable {
    public var id: SwarmID
    public var name: String = "default"
    /// Dispatcher heartbeat period (default 5 s).
    public var heartbeatPeriod: SimDuration = .seconds(5)
    /// Task history retention per slot (default 5).
    public var taskHistoryRetentionLimit: Int = 5
    public var createdAt: SimInstant
    /// The root CA certificate's SHA-256 digest (32 bytes), which every join token carries
    /// (`api.RootCA.CACertHash`); empty for a cluster object built without a CA (tests).
    public var rootCADigest: [UInt8] = []
    /// The worker and manager join tokens (`api.RootCA.JoinTokens`); nil without a CA.
    public var joinTokens: JoinTokens?
    /// `Spec.Raft`, as the first leader wrote it.
    public var raft = ClusterRaftSpec()

    public init(id: SwarmID, createdAt: SimInstant) {
        self.id = id
        self.createdAt = createdAt
    }

    /// The cluster object the first leader of a new swarm writes (SwarmKit `manager.go`
    /// `defaultClusterObject`): a root CA and a join token per role (`ca.GenerateJoinToken`),
    /// drawn from `certificateAuthority`.
    public init(id: SwarmID, createdAt: SimInstant, certificateAuthority random: inout RandomStream) {
        self.init(id: id, createdAt: createdAt)
        rootCADigest = JoinToken.rootDigest(using: &random)
        let digest = Base36.encode(rootCADigest, width: JoinToken.digestLength)
        joinTokens = JoinTokens(worker: JoinToken.generate(encodedDigest: digest, using: &random),
                                manager: JoinToken.generate(encodedDigest: digest, using: &random))
    }
}
