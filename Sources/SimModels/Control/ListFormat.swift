/// The output flags `docker node ls`, `docker service ls`, `docker service ps` and `docker node
/// ps` share (docker/cli): `-q` prints IDs only, `--no-trunc` keeps task IDs and errors whole,
/// `--filter` keeps the objects dockerd's filters match.
public struct ListFormat: Equatable, Sendable {
    /// `-q`, `--quiet`: one ID per line (node IDs whole, service and task IDs cut to 12 unless
    /// `--no-trunc`, as each formatter's `ID()` does).
    public var quiet: Bool
    /// `--no-trunc` (`service ps`, `node ps`): whole task IDs and error texts.
    public var noTrunc: Bool
    /// `-f`, `--filter KEY=VALUE`, repeatable.
    public var filter: ListFilter

    public init(quiet: Bool = false, noTrunc: Bool = false, filter: ListFilter = ListFilter()) {
        self.quiet = quiet
        self.noTrunc = noTrunc
        self.filter = filter
    }
}
