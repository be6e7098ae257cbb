/// What a docker CLI command prints on standard output, laid out when first read.
///
/// A query's table (`docker node ls`, `docker service ps`, `docker info`) is rendered from a
/// snapshot taken when the leader serves it: the store and the Raft view are values, so the text
/// is the same whenever it is read. A run whose trace nobody reads (`simrun check`, the
/// benchmarks) never lays the table out; the command's request, reply and error are the same.
public final class CommandOutput: Equatable, @unchecked Sendable {
    // @unchecked: the cache is written on first read, by the one thread a world runs on.
    private var render: (@Sendable () -> String)?
    private var rendered: String?

    /// Output already known, such as "web scaled to 4".
    public init(_ text: String) {
        rendered = text
    }

    /// Output that `render` builds when it is first read.
    public init(rendering render: @escaping @Sendable () -> String) {
        self.render = render
    }

    /// The printed text, lines joined by `\n` without a final newline.
    public var text: String {
        if let rendered { return rendered }
        let text = render?() ?? ""
        rendered = text
        render = nil
        return text
    }

    /// Whether the text has been laid out yet.
    var isRendered: Bool { rendered != nil }

    public static func == (lhs: CommandOutput, rhs: CommandOutput) -> Bool {
        lhs === rhs || lhs.text == rhs.text
    }
}
