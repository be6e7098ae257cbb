/// A docker CLI command for the control API, as the engine the CLI talked to sends it on.
public struct ControlRequest: Sendable {
    public var requestID: UInt64
    public var command: ControlCommand
    /// The node whose engine the CLI talked to (`*` in `docker node ls`, `docker info`).
    public var queriedNodeID: NodeID

    public init(requestID: UInt64, command: ControlCommand, queriedNodeID: NodeID) {
        self.requestID = requestID
        self.command = command
        self.queriedNodeID = queriedNodeID
    }
}

/// The control API's answer: what the CLI prints on standard output, and the error if it failed.
public struct ControlReply: Sendable {
    public var requestID: UInt64
    /// Standard output, laid out when first read.
    public var printed: CommandOutput
    /// Nil on success; Docker's error text otherwise.
    public var error: String?

    public init(requestID: UInt64, output: CommandOutput, error: String?) {
        self.requestID = requestID
        self.printed = output
        self.error = error
    }

    public init(requestID: UInt64, output: String, error: String?) {
        self.init(requestID: requestID, output: CommandOutput(output), error: error)
    }

    /// Standard output.
    public var output: String { printed.text }
}
