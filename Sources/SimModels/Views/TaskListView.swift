import SimEngine

/// `docker service ps SERVICE...`, as the CLI prints it (docker/cli `cli/command/service/ps.go`,
/// `cli/command/task/print.go` and `formatter.go`; default table format `{{.ID}}\t{{.Name}}\t
/// {{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}`).
///
/// Every task of the services (history included), named `service.slot` or `service.<nodeID>`,
/// sorted by name in natural order and, within a name, newest first; older tasks of a slot get
/// the ` \_ ` prefix. NODE is the node's hostname (its ID once the node is deleted, empty before
/// the task is assigned). CURRENT STATE is the observed state and how long ago it was entered
/// (`Running 44 seconds ago`). ERROR is quoted and cut to 30 columns with "…".
public enum TaskListView {
    public static let header = ["ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS"]
    static let maxErrorLength = 30

    /// The CLI's answer to `docker service ps` naming `services`: each is matched by full ID, then
    /// exact name, then ID prefix ("multiple services found with provided prefix: X" if several);
    /// unmatched ones are "no such service: X", printed after the table of the others, or alone
    /// (the command fails) when none matched.
    public static func outcome(services inputs: [String], store: ClusterStore, now: SimInstant,
                               format: ListFormat = ListFormat()) -> ControlOutcome {
        var found: [ServiceObject] = []
        var notFound: [String] = []
        let all = store.servicesSortedByName.sorted { $0.id < $1.id }
        for input in inputs {
            if let service = store.service(ServiceID(input)) ?? store.service(named: input) {
                found.append(service)
                continue
            }
            let matches = all.filter { !input.isEmpty && $0.id.rawValue.hasPrefix(input) }
            if matches.count > 1 {
                return .failure("multiple services found with provided prefix: \(input)")
            }
            if let match = matches.first { found.append(match) } else { notFound.append("no such service: \(input)") }
        }
        if found.isEmpty { return .failure(notFound.joined(separator: "\n")) }
        var seen: Set<ServiceID> = []
        let services = found.filter { seen.insert($0.id).inserted }
        let kept: [(name: String, task: TaskObject)]
        switch filtered(entries(of: services, store: store), by: format.filter, store: store) {
        case let .failure(error): return .failure(error.text)
        case let .success(entries): kept = entries
        }
        if notFound.isEmpty { return .query(CommandOutput { render(kept, store: store, now: now, format: format) }) }
        return .partial([], reply: render(kept, store: store, now: now, format: format), error: notFound.joined(separator: "\n"))
    }

    /// The entries whose tasks `filter` keeps (`--filter`), or dockerd's refusal of the filter.
    static func filtered(_ entries: [(name: String, task: TaskObject)], by filter: ListFilter,
                         store: ClusterStore) -> Result<[(name: String, task: TaskObject)], ControlError> {
        guard !filter.isEmpty else { return .success(entries) }
        return filter.tasks(entries.map(\.task), store: store).map { kept in
            let ids = Set(kept.map(\.id))
            return entries.filter { ids.contains($0.task.id) }
        }
    }

    /// The table of the tasks of `services`.
    /// - Complexity: O(t log t) in their tasks.
    public static func render(services: [ServiceObject], store: ClusterStore, now: SimInstant, format: ListFormat = ListFormat()) -> String {
        render(entries(of: services, store: store), store: store, now: now, format: format)
    }

    public static func rows(services: [ServiceObject], store: ClusterStore, now: SimInstant) -> [[String]] {
        rows(entries(of: services, store: store), store: store, now: now)
    }

    private static func entries(of services: [ServiceObject], store: ClusterStore) -> [(name: String, task: TaskObject)] {
        var entries: [(name: String, task: TaskObject)] = []
        for service in services {
            for task in store.tasks(ofService: service.id) {
                entries.append((name(of: task, service: service.spec.name), task))
            }
        }
        return entries
    }

    /// The table, or with `-q` the task IDs one per line, in the table's order.
    static func render(_ entries: [(name: String, task: TaskObject)], store: ClusterStore, now: SimInstant, format: ListFormat) -> String {
        let rows = rows(entries, store: store, now: now, trunc: !format.noTrunc)
        if format.quiet { return rows.map { $0[0] }.joined(separator: "\n") }
        return TableWriter().render(header: header, rows: rows)
    }

    /// `docker node ps [NODE...]` (docker/cli `cli/command/node/ps.go`): the tasks on each node
    /// (history included), printed as `docker service ps` prints them. dockerd finds each node
    /// as it finds any (ID, hostname, ID prefix); those not found are reported after the table.
    public static func outcome(nodes inputs: [String], queried: NodeID, store: ClusterStore, now: SimInstant,
                               format: ListFormat = ListFormat()) -> ControlOutcome {
        var entries: [(name: String, task: TaskObject)] = []
        var errors: [String] = []
        for input in inputs.isEmpty ? [queried.rawValue] : inputs {
            switch ObjectResolver.node(input, in: store) {
            case let .failure(error): errors.append(error.text)
            case let .success(node):
                for task in store.tasks(onNode: node.id) {
                    entries.append((name(of: task, service: store.service(task.serviceID)?.spec.name ?? task.serviceName), task))
                }
            }
        }
        if entries.isEmpty && !errors.isEmpty { return .failure(errors.joined(separator: "\n")) }
        switch filtered(entries, by: format.filter, store: store) {
        case let .failure(error): return .failure(error.text)
        case let .success(kept): entries = kept
        }
        let table = CommandOutput { [entries] in render(entries, store: store, now: now, format: format) }
        return errors.isEmpty ? .query(table) : .partial([], reply: table.text, error: errors.joined(separator: "\n"))
    }

    /// `service.slot`, or `service.<nodeID>` for a global task.
    static func name(of task: TaskObject, service: String) -> String {
        "\(service).\(task.slot != 0 ? "\(task.slot)" : (task.nodeID?.rawValue ?? ""))"
    }

    /// The rows of `entries`, sorted and prefixed as the CLI does.
    static func rows(_ entries: [(name: String, task: TaskObject)], store: ClusterStore, now: SimInstant, trunc: Bool = true) -> [[String]] {
        var entries = entries
        // Natural order of name; newest first within a name (the API lists tasks by ID, and the
        // CLI's sort is stable, so equal creation times fall back to ID order).
        entries.sort { a, b in
            if a.name != b.name { return CLIText.naturalLess(a.name, b.name) }
            if a.task.createdAt != b.task.createdAt { return a.task.createdAt > b.task.createdAt }
            return a.task.id < b.task.id
        }
        var rows: [[String]] = []
        var previous = ""
        for (name, task) in entries {
            let shownName = name == previous ? " \\_ " + name : name
            previous = name
            rows.append([
                trunc ? CLIText.truncateID(task.id.rawValue) : task.id.rawValue,
                shownName,
                ServiceListView.displayImage(task.spec.image),
                nodeName(task.nodeID, store: store),
                CLIText.prettyPrint(task.desiredState.name),
                currentState(task.status, now: now),
                errorText(task.status.err, trunc: trunc),
                ports(of: task),
            ])
        }
        return rows
    }

    /// The CLI's ID resolver: the hostname, or the ID when the node is gone (or has no hostname).
    static func nodeName(_ id: NodeID?, store: ClusterStore) -> String {
        guard let id else { return "" }
        guard let node = store.node(id), !node.description.hostname.isEmpty else { return id.rawValue }
        return node.description.hostname
    }

    /// `Running 44 seconds ago`.
    public static func currentState(_ status: TaskStatus, now: SimInstant) -> String {
        "\(CLIText.prettyPrint(status.state.name)) \(CLIText.humanDuration(now - status.timestamp).lowercased()) ago"
    }

    /// The ERROR column: cut to 30 columns with "…", quoted; empty when there is no error.
    public static func errorText(_ error: String, trunc: Bool = true) -> String {
        let cut = trunc ? CLIText.ellipsis(error, maxWidth: maxErrorLength) : error
        return cut.isEmpty ? "" : "\"\(cut)\""
    }

    /// The PORTS column: the host-mode ports a running task publishes (its `PortStatus`).
    static func ports(of task: TaskObject) -> String {
        guard task.status.state == .running else { return "" }
        return task.hostPorts.compactMap { port in
            port.publishedPort.map { "*:\($0)->\(port.targetPort)/\(port.proto)" }
        }.joined(separator: ",")
    }
}
