extension ConsulStoreData {
    /// Applies a committed command at Raft `index` (hashicorp/consul 0.6 `state_store.go`
    /// `kvsSetTxn`, `KVSSetCAS`, `KVSLock`, `KVSUnlock`, `kvsDeleteTxn`, `KVSDeleteTree`,
    /// `SessionCreate`, `deleteSessionTxn`).
    public mutating func apply(_ command: ConsulCommand, at index: UInt64) -> ConsulApplyOutcome {
        switch command {
        case .kvSet(let pair):
            set(pair, at: index, session: kv[pair.key]?.session)
            return ConsulApplyOutcome(answer: .bool(true), touched: [pair.key])
        case .kvCAS(let pair, let expected):
            let existing = kv[pair.key]
            guard expected == 0 ? existing == nil : existing?.modifyIndex == expected else {
                return ConsulApplyOutcome(answer: .bool(false))
            }
            set(pair, at: index, session: existing?.session)
            return ConsulApplyOutcome(answer: .bool(true), touched: [pair.key])
        case .kvLock(let pair, let session):
            return lock(pair, session: session, at: index)
        case .kvUnlock(let pair, let session):
            guard kv[pair.key]?.session == session else { return ConsulApplyOutcome(answer: .bool(false)) }
            set(pair, at: index, session: nil)
            return ConsulApplyOutcome(answer: .bool(true), touched: [pair.key])
        case .kvDelete(let key):
            if kv[key] != nil { delete(key, at: index) }
            return ConsulApplyOutcome(answer: .bool(true), touched: [key])
        case .kvDeleteTree(let prefix):
            let keys = kv.keys.filter { $0.hasPrefix(prefix) }.sorted()
            for key in keys { delete(key, at: index) }
            return ConsulApplyOutcome(answer: .bool(true), touched: keys)
        case .sessionCreate(var session):
            session.createIndex = index
            sessions[session.id] = session
            sessionsIndex = index
            return ConsulApplyOutcome(answer: .session(session.id))
        case .sessionDestroy(let id):
            return destroySession(id, at: index)
        }
    }

    /// `kvsSetTxn`: CreateIndex kept from an existing key, ModifyIndex set, the lock state as
    /// given (kept by a plain set, changed by lock and unlock).
    private mutating func set(_ pair: ConsulKVPair, at index: UInt64, session: String?, lockIndex: UInt64? = nil) {
        var entry = pair
        let existing = kv[pair.key]
        entry.createIndex = existing?.createIndex ?? index
        entry.modifyIndex = index
        entry.lockIndex = lockIndex ?? existing?.lockIndex ?? 0
        entry.session = session
        kv[pair.key] = entry
        tombstones[pair.key] = nil
        kvIndex = index
    }

    private mutating func delete(_ key: String, at index: UInt64) {
        kv[key] = nil
        tombstones[key] = index
        kvIndex = index
    }

    /// `KVSLock`: an unknown session is an error; a key locked by another session is not
    /// acquired; the holder re-acquiring only updates the value; otherwise LockIndex grows.
    /// (The lock-delay is checked by the leader before proposing, `kvs_endpoint.go`.)
    private mutating func lock(_ pair: ConsulKVPair, session: String, at index: UInt64) -> ConsulApplyOutcome {
        guard sessions[session] != nil else {
            return ConsulApplyOutcome(answer: .error("Invalid session \"\(session)\""))
        }
        let existing = kv[pair.key]
        if let holder = existing?.session {
            guard holder == session else { return ConsulApplyOutcome(answer: .bool(false)) }
            set(pair, at: index, session: session)
        } else {
            set(pair, at: index, session: session, lockIndex: (existing?.lockIndex ?? 0) + 1)
        }
        return ConsulApplyOutcome(answer: .bool(true), touched: [pair.key])
    }

    /// `deleteSessionTxn`: the session goes; each key it locked is released or deleted, per
    /// its behavior, and gets the session's lock-delay.
    private mutating func destroySession(_ id: String, at index: UInt64) -> ConsulApplyOutcome {
        guard let session = sessions.removeValue(forKey: id) else { return ConsulApplyOutcome(answer: .bool(true)) }
        sessionsIndex = index
        let held = keys(lockedBy: id)
        for key in held {
            switch session.behavior {
            case .release:
                if let pair = kv[key] { set(pair, at: index, session: nil) }
            case .delete:
                delete(key, at: index)
            }
        }
        return ConsulApplyOutcome(answer: .bool(true), touched: held, lockDelayedKeys: held, lockDelay: session.lockDelay)
    }
}
