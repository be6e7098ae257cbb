/// What a `docker -H <manager>:4000 ...` command got back (SCENARIO_FORMAT §10 actions).
public enum ClassicCommandResult: Sendable {
    case info(ClassicInfo)
    case ps([ClassicPsRow])
    /// `docker run -d`: the new container's ID.
    case created(id: String)
    /// `rm`, `stop`, `start` succeeded.
    case done
    /// The line the client prints: `Error response from daemon: <text>` for an API error,
    /// `An error occurred trying to connect: EOF` when the connection closed, or
    /// `Cannot connect to the Docker daemon. Is the docker daemon running on this host?` when
    /// nothing answered. (For `rm` the 1.9 client adds a second line,
    /// `Error: failed to remove containers: [<name>]`, which the renderer prints.)
    case failed(String)

    /// The Docker 1.9 client's text when it reaches no daemon.
    public static let cannotConnect = "Cannot connect to the Docker daemon. Is the docker daemon running on this host?"
}

/// What `swarm list consul://...` printed: one `ip:port` per line, or `Timed out`.
public enum SwarmListResult: Equatable, Sendable {
    case addresses([String])
    case timedOut
}
