/// Why a libkv operation on Consul failed (docker/libkv `store/store.go`, `store/consul/consul.go`).
public enum ConsulStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The HTTP call failed.
    case client(ConsulClientError)
    /// `Put` with a TTL could not create or renew its session in `RenewSessionRetryMax` tries
    /// (`ErrSessionRenew`).
    case sessionRenew
    /// The key was not found where it had to exist.
    case keyNotFound
    /// The lock key holds something that is not a lock (hashicorp/consul `api/lock.go`
    /// `ErrLockConflict`).
    case lockConflict

    public var description: String {
        switch self {
        case .client(let error): return error.description
        case .sessionRenew: return "cannot set or renew session for ttl, unable to operate on sessions"
        case .keyNotFound: return "Key not found in store"
        case .lockConflict: return "Existing key does not match lock use"
        }
    }
}
