import SimEngine

/// `docker ps [-a] [-q]` on one engine, as the CLI prints its containers (docker/cli
/// `cli/command/formatter/container.go`, default table format `{{.ID}}\t{{.Image}}\t
/// {{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}`; moby
/// `container/state.go` `State.String` for STATUS).
///
/// dockerd lists the containers it runs itself, newest first: without `-a` the running ones
/// only. CONTAINER ID is the engine's ID cut to 12 characters; COMMAND is quoted and cut to 20
/// columns with "…"; CREATED and an `Up`/`Exited (N)` STATUS are go-units human durations on the
/// engine's clock; NAMES is `service.slot.taskID`.
///
/// Not modelled, so not printed: an image's own default command (a task without a command
/// shows `""`), the ports an image exposes, health.
public enum ContainerListView {
    public static let header = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]

    public static func render(_ containers: [Container], now: SimInstant, all: Bool, quiet: Bool) -> String {
        let listed = all ? containers : containers.filter(\.isRunning)
        if quiet { return listed.map { CLIText.truncateID($0.engineID) }.joined(separator: "\n") }
        return TableWriter().render(header: header, rows: listed.map { row($0, now: now) })
    }

    static func row(_ container: Container, now: SimInstant) -> [String] {
        [
            CLIText.truncateID(container.engineID),
            container.image,
            quoted(CLIText.ellipsis(commandText(container.command), maxWidth: 20)),
            CLIText.humanDuration(now - container.createdAt) + " ago",
            status(container, now: now),
            "",
            container.name,
        ]
    }

    /// moby's `State.String`: `Up 5 minutes` while running (or stopping), `Exited (137) 3
    /// seconds ago` once it exited, `Created` when it never started.
    static func status(_ container: Container, now: SimInstant) -> String {
        switch container.state {
        case .running, .stopping:
            return "Up " + CLIText.humanDuration(now - (container.startedAt ?? now))
        case let .exited(code):
            guard container.startedAt != nil, let finished = container.finishedAt else { return "Created" }
            return "Exited (\(code)) \(CLIText.humanDuration(now - finished)) ago"
        case .created, .starting:
            return "Created"
        }
    }

    /// dockerd's COMMAND (moby `daemon/list.go`): the path and its arguments joined by spaces, an
    /// argument that holds a space in single quotes (`nginx -g 'daemon off;'`).
    static func commandText(_ command: [String]) -> String {
        command.enumerated().map { index, word in index > 0 && word.contains(" ") ? "'\(word)'" : word }.joined(separator: " ")
    }

    /// Go's `strconv.Quote` of plain text: quotes, with `\` and `"` escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\\" || character == "\"" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
