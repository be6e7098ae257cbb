/// Why a call from the manager to an engine failed, as `CheckConnectionErr` tells the kinds apart
/// by their text (`cluster/engine.go`): which kinds count towards `--engine-failure-retry`
/// depends on the release (`ClassicSwarmVersion.countsTowardsFailures`).
public enum EngineCallFailure: Error, Equatable, Sendable {
    /// The host answered and nothing listened (`connection refused`).
    case connectionRefused(String)
    /// No answer within the request timeout.
    case timedOut(String)
    /// `no route to host`.
    case noRouteToHost(String)
    /// Any other error (a 500 from the engine, a bad reply): ambiguous, never counted.
    case other(String)

    /// The error's text, kept as the engine's last error when it counts.
    public var text: String {
        switch self {
        case let .connectionRefused(text), let .timedOut(text), let .noRouteToHost(text), let .other(text): return text
        }
    }
}
