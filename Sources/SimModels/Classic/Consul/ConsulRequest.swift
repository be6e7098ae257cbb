import SimEngine

/// How a read may be served (hashicorp/consul HTTP API "Consistency Modes").
public enum ConsulConsistency: Sendable {
    /// Served by the leader from its state, without checking it still leads.
    case `default`
    /// `?consistent`: the leader first checks it still has a quorum (`VerifyLeader`).
    case consistent
    /// `?stale`: any server answers from its own state.
    case stale
}

/// The query options of a read: consistency and blocking (`?index=` and `?wait=`).
public struct ConsulQueryOptions: Sendable {
    public var consistency: ConsulConsistency
    /// A blocking query waits until the index moves past this; 0 does not block.
    public var waitIndex: UInt64
    /// The longest wait (`?wait=`); nil is the server's default (5 min).
    public var waitTime: SimDuration?

    public init(consistency: ConsulConsistency = .default, waitIndex: UInt64 = 0, waitTime: SimDuration? = nil) {
        self.consistency = consistency
        self.waitIndex = waitIndex
        self.waitTime = waitTime
    }
}

/// How a `PUT /v1/kv/<key>` writes.
public enum ConsulPutMode: Equatable, Sendable {
    case plain
    /// `?cas=<index>`.
    case checkAndSet(index: UInt64)
    /// `?acquire=<session>`.
    case acquire(session: String)
    /// `?release=<session>`.
    case release(session: String)
}

/// One call of Consul's HTTP API (port 8500) that this model serves: the KV and session
/// endpoints libkv and docker/leadership use (hashicorp/consul `command/agent/kvs_endpoint.go`,
/// `session_endpoint.go`).
public enum ConsulRequest: Sendable {
    /// `GET /v1/kv/<key>`.
    case kvGet(key: String, ConsulQueryOptions)
    /// `GET /v1/kv/<prefix>?recurse`.
    case kvList(prefix: String, ConsulQueryOptions)
    /// `PUT /v1/kv/<key>` with the mode's query parameter.
    case kvPut(ConsulKVPair, ConsulPutMode)
    /// `DELETE /v1/kv/<key>[?recurse]`.
    case kvDelete(key: String, recurse: Bool)
    /// `PUT /v1/session/create`; a nil lock-delay is the server's default (15 s).
    case sessionCreate(ttl: SimDuration, lockDelay: SimDuration?, behavior: ConsulSessionBehavior)
    /// `PUT /v1/session/renew/<id>`.
    case sessionRenew(id: String)
    /// `PUT /v1/session/destroy/<id>`.
    case sessionDestroy(id: String)

    /// Whether it reads without going through the leader (`?stale`).
    var isStale: Bool {
        switch self {
        case .kvGet(_, let options), .kvList(_, let options): return options.consistency == .stale
        default: return false
        }
    }

    /// Whether it is a `?consistent` read.
    var isConsistent: Bool {
        switch self {
        case .kvGet(_, let options), .kvList(_, let options): return options.consistency == .consistent
        default: return false
        }
    }

    /// The longest a server may hold it: a blocking read's wait plus its jitter, else nothing.
    var blockingWait: SimDuration? {
        switch self {
        case .kvGet(_, let options), .kvList(_, let options):
            guard options.waitIndex > 0 else { return nil }
            let wait = min(options.waitTime ?? ConsulTimings.defaultQueryWait, ConsulTimings.maxQueryWait)
            return wait + wait / 16
        default: return nil
        }
    }
}
