/// A command's failure as the Docker CLI would print it (without `Error response from daemon:`).
public struct DockerCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Docker's error text.
    public var message: String

    /// An error with Docker's text.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
