/// A Consul HTTP answer: status, the `X-Consul-Index` header and the body.
public struct ConsulResponse: Sendable {
    public enum Body: Sendable {
        /// KV pairs (`GET /v1/kv/...`); empty with status 404 for a missing key or prefix.
        case pairs([ConsulKVPair])
        /// `true` / `false` (KV writes, session destroy).
        case bool(Bool)
        /// The new session's ID (`{"ID": ...}` of a create).
        case sessionID(String)
        /// The session itself (renew).
        case session(ConsulSession)
        /// The error text of a 4xx or 5xx answer, as Consul writes it.
        case error(String)
    }

    /// 200, 404 or 500.
    public var status: Int
    /// `X-Consul-Index`, 0 when absent.
    public var index: UInt64
    public var body: Body

    public init(status: Int, index: UInt64 = 0, body: Body) {
        self.status = status
        self.index = index
        self.body = body
    }

    /// A 500 with `text`, as Consul answers a failed RPC (`command/agent/http.go` `wrap`).
    public static func failure(_ text: String) -> ConsulResponse { ConsulResponse(status: 500, body: .error(text)) }
}

/// Consul's error texts (hashicorp/consul `consul/structs/structs.go` `ErrNoLeader`;
/// hashicorp/raft `api.go` `ErrLeadershipLost`, `ErrNotLeader`).
public enum ConsulErrorText {
    /// A server that knows no leader (`forward` in `consul/rpc.go`).
    public static let noLeader = "No cluster leader"
    /// A write or consistent read pending on a leader that stepped down.
    public static let leadershipLost = "leadership lost while committing log"
    /// A consistent read on a server that does not lead (hashicorp/raft `ErrNotLeader`).
    public static let notLeader = "node is not the leader"
}
