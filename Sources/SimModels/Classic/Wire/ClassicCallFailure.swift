/// Why an HTTP call between classic Swarm's processes got no answer.
public enum ClassicCallFailure: Error, Equatable, Sendable {
    /// The host answered with a reset: nothing listens on the port.
    case refused
    /// No answer within the caller's timeout (the host is down or cut off).
    case timedOut
    /// The address is no host of the deployment.
    case noRoute
    /// The connection closed before an answer (the serving process died).
    case closed

    /// Go's `net` error text for a dial to `address` (`dial tcp <addr>: ...`).
    public func dialText(_ address: String) -> String {
        switch self {
        case .refused: return "dial tcp \(address): getsockopt: connection refused"
        case .timedOut: return "dial tcp \(address): i/o timeout"
        case .noRoute: return "dial tcp \(address): getsockopt: no route to host"
        case .closed: return "EOF"
        }
    }
}
