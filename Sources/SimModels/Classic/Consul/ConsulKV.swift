import SimEngine

/// docker/libkv's Consul store (`store/consul/consul.go`) over a `ConsulHTTPClient`: `Get`,
/// `List`, `Put` (with a TTL: an ephemeral key bound to a session), `Delete`, `AtomicPut`,
/// `WatchTree` and `NewLock`. Results come back through completions, as each call is a
/// message over the simulated network.
public final class ConsulKV {
    public let client: ConsulHTTPClient
    /// `Put` tries this many times to create or renew a TTL key's session
    /// (`RenewSessionRetryMax`).
    public static let renewSessionRetryMax = 5

    public init(client: ConsulHTTPClient) {
        self.client = client
    }

    var simulation: Simulation { client.simulation }

    // MARK: - Reads

    /// `Get`: the pair, or nil when the key does not exist.
    public func get(_ key: String, consistency: ConsulConsistency = .default,
                    completion: @escaping (Result<ConsulKVPair?, ConsulStoreError>) -> Void) {
        client.call(.kvGet(key: key, ConsulQueryOptions(consistency: consistency))) { result in
            completion(Self.pairs(result).map(\.pairs.first))
        }
    }

    /// `List`: every pair under `prefix`, sorted by key (empty when none).
    public func list(_ prefix: String, completion: @escaping (Result<[ConsulKVPair], ConsulStoreError>) -> Void) {
        client.call(.kvList(prefix: prefix, ConsulQueryOptions())) { result in
            completion(Self.pairs(result).map(\.pairs))
        }
    }

    /// The pairs of a read and its index; a 404 is "nothing there", not an error.
    static func pairs(_ result: Result<ConsulResponse, ConsulClientError>)
        -> Result<(pairs: [ConsulKVPair], index: UInt64), ConsulStoreError> {
        switch result {
        case .failure(let error): return .failure(.client(error))
        case .success(let response):
            switch (response.status, response.body) {
            case (200, .pairs(let pairs)): return .success((pairs, response.index))
            case (404, _): return .success(([], response.index))
            default: return .failure(.client(Self.unexpected(response)))
            }
        }
    }

    static func unexpected(_ response: ConsulResponse) -> ConsulClientError {
        if case .error(let text) = response.body { return .unexpectedResponse(status: response.status, body: text) }
        return .unexpectedResponse(status: response.status, body: "")
    }

    /// The boolean answer of a write.
    static func bool(_ result: Result<ConsulResponse, ConsulClientError>) -> Result<Bool, ConsulStoreError> {
        switch result {
        case .failure(let error): return .failure(.client(error))
        case .success(let response):
            if response.status == 200, case .bool(let value) = response.body { return .success(value) }
            return .failure(.client(unexpected(response)))
        }
    }

    // MARK: - Writes

    /// `Put`. With a TTL (libkv `renewSession`): the key's session is looked up (the key's
    /// `Session`); if there is none, one is created (TTL ttl/2, behavior delete, lock-delay
    /// 1 ms: Consul expires it 2 × TTL = ttl after the last renewal) and the key acquired with
    /// it; then the session is renewed and the value written. Creating or renewing is tried
    /// `renewSessionRetryMax` times before failing with `ErrSessionRenew`.
    public func put(_ key: String, value: String, ttl: SimDuration? = nil,
                    completion: @escaping (Result<Void, ConsulStoreError>) -> Void) {
        let write = { [client] in
            client.call(.kvPut(ConsulKVPair(key: key, value: value, flags: ConsulLock.lockFlagValue), .plain)) { result in
                completion(Self.bool(result).map { _ in () })
            }
        }
        guard let ttl, ttl > .zero else {
            write()
            return
        }
        renewSession(key: key, ttl: ttl, attempt: 1) { renewed in
            if renewed { write() } else { completion(.failure(.sessionRenew)) }
        }
    }

    private func renewSession(key: String, ttl: SimDuration, attempt: Int, done: @escaping (Bool) -> Void) {
        let retry = { [self] in
            if attempt >= Self.renewSessionRetryMax { done(false) } else { renewSession(key: key, ttl: ttl, attempt: attempt + 1, done: done) }
        }
        get(key) { [self] result in
            guard case .success(let pair) = result else { return retry() }
            let renew = { (session: String) in
                self.client.call(.sessionRenew(id: session)) { result in
                    if case .success(let response) = result, response.status == 200 { done(true) } else { retry() }
                }
            }
            if let session = pair?.session {
                renew(session)
                return
            }
            client.call(.sessionCreate(ttl: ttl / 2, lockDelay: .milliseconds(1), behavior: .delete)) { result in
                guard case .success(let response) = result, response.status == 200,
                      case .sessionID(let session) = response.body else { return retry() }
                // libkv locks the key with the new session and ignores whether it got it.
                let placeholder = ConsulKVPair(key: key, value: "", flags: ConsulLock.lockFlagValue)
                self.client.call(.kvPut(placeholder, .acquire(session: session))) { _ in renew(session) }
            }
        }
    }

    /// `AtomicPut`: writes only if the key's ModifyIndex is still `previousIndex` (0: only
    /// if absent); answers whether it wrote.
    public func atomicPut(_ key: String, value: String, previousIndex: UInt64,
                          completion: @escaping (Result<Bool, ConsulStoreError>) -> Void) {
        client.call(.kvPut(ConsulKVPair(key: key, value: value), .checkAndSet(index: previousIndex))) { result in
            completion(Self.bool(result))
        }
    }

    /// `Delete`.
    public func delete(_ key: String, completion: @escaping (Result<Void, ConsulStoreError>) -> Void) {
        client.call(.kvDelete(key: key, recurse: false)) { result in completion(Self.bool(result).map { _ in () }) }
    }
}
