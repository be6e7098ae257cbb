/// A problem with how simrun was called: printed as `Error: ...`, then the usage, exit status 2.
struct UsageError: Error {
    var message: String
    /// The command whose usage to show (`run`, `check`, `bench`...), or nil for the top level.
    var command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
}
