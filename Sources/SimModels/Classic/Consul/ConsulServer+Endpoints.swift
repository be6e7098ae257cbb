import SimEngine

// The HTTP endpoints as a server serves them: routing to the leader, then the KV and session
// endpoints on the leader (hashicorp/consul `consul/kvs_endpoint.go`, `session_endpoint.go`,
// `command/agent/kvs_endpoint.go`, `session_endpoint.go`).

extension ConsulServer {
    /// Serves an HTTP call: stale reads here, everything else on the leader.
    func handle(_ request: ConsulRequest, reply: @escaping (ConsulResponse) -> Void) {
        if request.isStale {
            serveRead(request, reply: reply)
        } else {
            route(request, heldSince: simulation.now, reply: reply)
        }
    }

    /// `consul/rpc.go` `forward`: the leader serves, a follower forwards to the leader it
    /// knows; with no leader, 0.6 fails at once and 0.7 holds the call up to `RPCHoldTimeout`,
    /// retrying after a random `RPCHoldTimeout/16`.
    func route(_ request: ConsulRequest, heldSince start: SimInstant, reply: @escaping (ConsulResponse) -> Void) {
        if isLeader {
            serveAsLeader(request, reply: reply)
        } else if let leader = softState.leaderID {
            forward(request, to: leader, reply: reply)
        } else if simulation.now - start < timings.rpcHoldTimeout {
            let pause = stagger(timings.rpcHoldTimeout / 16)
            simulation.schedule(after: pause, for: self) { server in
                server.route(request, heldSince: start, reply: reply)
            }
        } else {
            reply(.failure(ConsulErrorText.noLeader))
        }
    }

    /// The RPC endpoints on the leader (a forwarded call reaching a server that no longer
    /// leads is routed again, as Consul's endpoints call `forward` first).
    func serveAsLeader(_ request: ConsulRequest, reply: @escaping (ConsulResponse) -> Void) {
        guard isLeader else {
            route(request, heldSince: simulation.now, reply: reply)
            return
        }
        switch request {
        case .kvGet(_, let options), .kvList(_, let options):
            if options.consistency == .consistent {
                verifyLeader(request, reply: reply)
            } else {
                serveRead(request, reply: reply)
            }
        case .kvPut(let pair, let mode):
            switch mode {
            case .plain: write(.kvSet(pair), reply: reply)
            case .checkAndSet(let index): write(.kvCAS(pair, index: index), reply: reply)
            case .acquire(let session):
                // `kvs_endpoint.go` Apply: a key under lock-delay is not acquired.
                if let until = lockDelays[pair.key], until > simulation.now {
                    simulation.emit(node: host.name, component: "consul", kind: "consul.kv.lockDelay",
                                    "consul.kvs: Rejecting lock of \(pair.key) due to lock-delay until \(until)")
                    reply(ConsulResponse(status: 200, body: .bool(false)))
                } else {
                    write(.kvLock(pair, session: session), reply: reply)
                }
            case .release(let session): write(.kvUnlock(pair, session: session), reply: reply)
            }
        case .kvDelete(let key, let recurse):
            write(recurse ? .kvDeleteTree(prefix: key) : .kvDelete(key: key), reply: reply)
        case .sessionCreate(let ttl, let lockDelay, let behavior):
            createSession(ttl: ttl, lockDelay: lockDelay, behavior: behavior, reply: reply)
        case .sessionRenew(let id):
            renewSession(id, reply: reply)
        case .sessionDestroy(let id):
            write(.sessionDestroy(id: id), reply: reply)
        }
    }

    /// Answers a read from this server's state, blocking if it asks to.
    func serveRead(_ request: ConsulRequest, reply: @escaping (ConsulResponse) -> Void) {
        switch request {
        case .kvGet(_, let options), .kvList(_, let options):
            if options.waitIndex > 0 {
                block(request, waitIndex: options.waitIndex, wait: options.waitTime, reply: reply)
            } else {
                reply(read(request))
            }
        default:
            preconditionFailure("serveRead(_:reply:) takes reads only")
        }
    }

    /// A read's answer now: 404 for a missing key or an empty prefix, with the index either way.
    func read(_ request: ConsulRequest) -> ConsulResponse {
        switch request {
        case .kvGet(let key, _):
            let (index, pair) = store.get(key)
            return ConsulResponse(status: pair == nil ? 404 : 200, index: index, body: .pairs(pair.map { [$0] } ?? []))
        case .kvList(let prefix, _):
            let (index, pairs) = store.list(prefix)
            return ConsulResponse(status: pairs.isEmpty ? 404 : 200, index: index, body: .pairs(pairs))
        default:
            preconditionFailure("read(_:) takes reads only")
        }
    }

    /// Proposes `command` and answers once its entry is applied here, or fails when this
    /// server's leadership ends first (hashicorp/raft `Apply` → `ErrLeadershipLost`).
    func write(_ command: ConsulCommand, reply: @escaping (ConsulResponse) -> Void) {
        propose(command) { outcome in reply(Self.response(to: outcome)) }
    }

    func propose(_ command: ConsulCommand, completion: @escaping (ConsulApplyOutcome?) -> Void) {
        let result = raft.withNode { $0.propose(command) }
        guard case .accepted(let index, let term) = result else {
            completion(nil)
            return
        }
        pendingWrites[index] = PendingWrite(term: term, reply: completion)
    }

    static func response(to outcome: ConsulApplyOutcome?) -> ConsulResponse {
        guard let outcome else { return .failure(ConsulErrorText.leadershipLost) }
        switch outcome.answer {
        case .bool(let value): return ConsulResponse(status: 200, body: .bool(value))
        case .error(let text): return .failure(text)
        case .session(let id): return ConsulResponse(status: 200, body: .sessionID(id))
        }
    }

    /// A random duration in [0, `interval`) (`lib.RandomStagger`).
    func stagger(_ interval: SimDuration) -> SimDuration {
        guard interval.nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64(random.nextInt(below: Int(interval.nanoseconds))))
    }
}
