/// A refusal, kept in the parts Docker builds it from, so that the text printed is Docker's.
///
/// - SwarmKit's control API answers with a gRPC status; dockerd passes its text on, and the CLI
///   prints `Error response from daemon: rpc error: code = FailedPrecondition desc = <message>`.
/// - dockerd's own checks (resolving a name, a network name already taken) have no gRPC part:
///   `Error response from daemon: <message>`.
/// - The CLI's own checks print the message alone.
public struct ControlError: Error, Equatable, Sendable, CustomStringConvertible {
    /// gRPC status codes, named as Go's `codes.Code.String()` prints them.
    public enum Code: String, Sendable {
        case unknown = "Unknown"
        case invalidArgument = "InvalidArgument"
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case permissionDenied = "PermissionDenied"
        case failedPrecondition = "FailedPrecondition"
        case unimplemented = "Unimplemented"
        case unavailable = "Unavailable"
    }

    /// Where the error was raised.
    public enum Origin: Equatable, Sendable {
        /// SwarmKit's control API (a gRPC status), relayed by dockerd.
        case swarmkit(Code)
        /// dockerd itself.
        case daemon
        /// The docker CLI, before or after talking to the daemon.
        case client
    }

    public var origin: Origin
    /// The message as its origin wrote it (`node w1 is not down and can't be removed`).
    public var message: String

    public init(_ origin: Origin, _ message: String) {
        self.origin = origin
        self.message = message
    }

    /// The error string dockerd returns over its API (nil for a CLI error): the gRPC status text
    /// for SwarmKit errors.
    public var daemonMessage: String? {
        switch origin {
        case let .swarmkit(code): "rpc error: code = \(code.rawValue) desc = \(message)"
        case .daemon: message
        case .client: nil
        }
    }

    /// What the docker CLI prints.
    public var text: String {
        if let daemonMessage { return "Error response from daemon: " + daemonMessage }
        return message
    }

    public var description: String { text }
}
