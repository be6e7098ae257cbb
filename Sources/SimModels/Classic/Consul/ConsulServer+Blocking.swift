import SimEngine

// Blocking queries (hashicorp/consul `consul/rpc.go` `blockingRPC`): a read with `index` is
// held until the data under its key or prefix changes to an index past it, or until its wait
// (default 5 min, at most 10 min, plus a random `wait/16`) runs out.

extension ConsulServer {
    func block(_ request: ConsulRequest, waitIndex: UInt64, wait: SimDuration?, reply: @escaping (ConsulResponse) -> Void) {
        let now = read(request)
        if now.index > waitIndex {
            reply(now)
            return
        }
        var timeout = min(wait ?? ConsulTimings.defaultQueryWait, ConsulTimings.maxQueryWait)
        timeout = timeout + stagger(timeout / 16)
        let id = nextWaiterID
        nextWaiterID += 1
        let timer = simulation.schedule(after: timeout, for: self) { server in server.expireWaiter(id) }
        waiters.append(BlockingWaiter(id: id, request: request, waitIndex: waitIndex, reply: reply, timer: timer))
    }

    /// The wait ran out: answer with the data as it is now.
    private func expireWaiter(_ id: UInt64) {
        guard let position = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: position)
        waiter.reply(read(waiter.request))
    }

    /// Re-runs the queries watching any of `keys` (all of them for nil, after a snapshot) and
    /// answers those whose index moved past theirs (`state_store.go` prefix watches).
    func wakeWaiters(touching keys: [String]?) {
        guard !waiters.isEmpty else { return }
        var answered: [(BlockingWaiter, ConsulResponse)] = []
        waiters.removeAll { waiter in
            guard Self.watches(waiter.request, any: keys) else { return false }
            // A consistent query re-checks leadership at every wake-up (`blockingRPC` runs
            // `consistentRead` before each pass): a server that no longer leads fails it.
            if waiter.request.isConsistent, !isLeader {
                answered.append((waiter, .failure(ConsulErrorText.notLeader)))
                return true
            }
            let response = read(waiter.request)
            guard response.index > waiter.waitIndex else { return false }
            answered.append((waiter, response))
            return true
        }
        for (waiter, response) in answered {
            simulation.cancel(waiter.timer)
            waiter.reply(response)
        }
    }

    private static func watches(_ request: ConsulRequest, any keys: [String]?) -> Bool {
        guard let keys else { return true }
        switch request {
        case .kvGet(let key, _): return keys.contains { $0.hasPrefix(key) }
        case .kvList(let prefix, _): return keys.contains { $0.hasPrefix(prefix) }
        default: return false
        }
    }
}
