import SimEngine
import SimModels

extension ScenarioReader {
    /// The docker command groups and their subcommands (aliases after the first name).
    static let dockerCommands: [(group: String, subcommands: [[String]])] = [
        ("swarm", [["init"], ["join"], ["join-token"], ["leave"]]),
        ("node", [["update"], ["promote"], ["demote"], ["rm", "remove"], ["ls", "list"], ["ps"], ["inspect"]]),
        ("service", [["create"], ["update"], ["scale"], ["rm", "remove"], ["ls", "list"], ["ps"], ["rollback"], ["inspect"]]),
        ("network", [["create"], ["ls", "list"], ["inspect"], ["rm", "remove"]]),
        ("exec", []),
        ("info", []),
        ("ps", []),
    ]

    /// Reads `docker GROUP SUBCOMMAND ...`.
    mutating func readDockerCommand(_ action: ActionText) -> DockerCommand? {
        let tokens = action.tokens
        let groups = Self.dockerCommands.map(\.group)
        guard tokens.count >= 2 else {
            reportMissing("missing command after 'docker'", in: action, hint: "docker commands: " + groups.joined(separator: ", "))
            return nil
        }
        let groupToken = tokens[1]
        guard let group = Self.dockerCommands.first(where: { $0.group == groupToken.text }) else {
            let classicOnly = ["ps", "rm", "stop", "start", "run"].contains(groupToken.text)
            let hint = classicOnly ? Self.classicOnlyHint("'docker \(groupToken.text)' through a manager")
                : Suggestions.nearest(to: groupToken.text, among: groups).map { "did you mean 'docker \($0)'?" }
                ?? "docker commands: " + groups.joined(separator: ", ")
            report("unknown command 'docker \(groupToken.text)'", at: groupToken, in: action, hint: hint)
            return nil
        }
        if group.group == "info" {
            let args = parseArguments(tokens[2...], flags: [], command: "docker info", in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: "docker info",
                                                   usage: "docker info", in: action) else { return nil }
            return .info
        }
        if group.group == "ps" {
            let args = parseArguments(tokens[2...], flags: [.bool("--all", "-a"), .bool("--quiet", "-q")], command: "docker ps", in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: "docker ps",
                                                   usage: "docker ps [-a] [-q]", in: action) else { return nil }
            return .containerList(all: args.has("--all"), quiet: args.has("--quiet"))
        }
        let prefix = "docker \(group.group)"
        let subcommands = group.subcommands.map { $0[0] }
        guard tokens.count >= 3 else {
            reportMissing("missing command after '\(prefix)'", in: action,
                          hint: "'\(prefix)' commands: " + subcommands.joined(separator: ", "))
            return nil
        }
        let subToken = tokens[2]
        guard let names = group.subcommands.first(where: { $0.contains(subToken.text) }) else {
            let hint = Suggestions.nearest(to: subToken.text, among: group.subcommands.flatMap { $0 }).map { "did you mean '\(prefix) \($0)'?" }
                ?? "'\(prefix)' commands: " + subcommands.joined(separator: ", ")
            report("unknown command '\(prefix) \(subToken.text)'", at: subToken, in: action, hint: hint)
            return nil
        }
        let command = "\(prefix) \(names[0])"
        let rest = tokens[3...]
        switch command {
        case "docker swarm init": return readSwarmInit(rest, in: action)
        case "docker swarm join": return readSwarmJoin(rest, in: action)
        case "docker swarm join-token": return readSwarmJoinToken(rest, in: action)
        case "docker swarm leave": return readSwarmLeave(rest, in: action)
        case "docker node update": return readNodeUpdate(rest, in: action)
        case "docker node promote", "docker node demote", "docker node rm": return readNodeList(command, rest, in: action)
        case "docker node ls":
            let args = parseArguments(rest, flags: [.bool("--quiet", "-q"), Self.filterFlag], command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command,
                                                   usage: "docker node ls [-q] [--filter KEY=VALUE]", in: action),
                  let format = readListFormat(args, in: action) else { return nil }
            return .nodeList(format)
        case "docker node ps":
            let args = parseArguments(rest, flags: Self.taskListFlags, command: command, in: action)
            guard args.isValid, let format = readListFormat(args, in: action) else { return nil }
            var nodes: [NodeReference] = []
            for token in args.positionals {
                guard let node = resolveDockerNode(token, in: action, command: command) else { return nil }
                nodes.append(node)
            }
            return .nodeTasks(nodes, format)
        case "docker node inspect":
            guard let tokens = readInspectTargets(command, rest, what: "NODE", in: action) else { return nil }
            var nodes: [NodeReference] = []
            for token in tokens {
                guard let node = resolveDockerNode(token, in: action, command: command) else { return nil }
                nodes.append(node)
            }
            return .nodeInspect(nodes)
        case "docker network create": return readNetworkCreate(rest, in: action)
        case "docker network ls":
            return readQuery(command, rest, in: action) ? .networkList : nil
        case "docker network inspect", "docker network rm":
            return readNetworkNames(command, rest, in: action)
        default: return readServiceCommand(command, rest, in: action)
        }
    }

    /// `-q`, `--no-trunc` and `--filter` of `docker service ps` and `docker node ps`.
    static let taskListFlags: [FlagSpec] = [.bool("--quiet", "-q"), .bool("--no-trunc"), filterFlag]

    /// `-f`, `--filter KEY=VALUE` of the list commands, repeatable.
    static let filterFlag = FlagSpec.value("--filter", "-f")

    /// The output flags of a list command, its `--filter` terms read as docker/cli's
    /// `opts.FilterOpt.Set` reads them (key lowercased, both sides trimmed); a term without `=`
    /// is the CLI's flag error. Nil after an error.
    mutating func readListFormat(_ args: ParsedArguments, in action: ActionText) -> ListFormat? {
        var format = ListFormat(quiet: args.has("--quiet"), noTrunc: args.has("--no-trunc"))
        var valid = true
        for flag in args.flags where flag.spec == Self.filterFlag {
            let term = flagValue(flag, in: action) { (text: String) throws(ValueParseError) -> ListFilter.Term? in
                guard !text.isEmpty else { return nil }
                guard let equals = text.firstIndex(of: "=") else {
                    throw ValueParseError("invalid argument \"\(text)\" for \"-f, --filter\" flag: bad format of filter (expected name=value)",
                                          hint: "write --filter KEY=VALUE")
                }
                return ListFilter.Term(key: text[..<equals].trimmingCharacters(in: .whitespaces).lowercased(),
                                       value: text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            }
            switch term {
            case let .some(.some(term)): format.filter.terms.append(term)
            case .some(.none): break
            case .none: valid = false
            }
        }
        return valid ? format : nil
    }

    /// The objects of `docker service|node inspect --pretty OBJECT...` (the JSON form is not
    /// simulated); nil after an error.
    mutating func readInspectTargets(_ command: String, _ rest: ArraySlice<CommandToken>, what: String,
                                     in action: ActionText) -> [CommandToken]? {
        let args = parseArguments(rest, flags: [.bool("--pretty")], command: command, in: action)
        let usage = "\(command) --pretty \(what) [\(what)...]"
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command, usage: usage, in: action) else {
            return nil
        }
        guard args.has("--pretty") else {
            report("only '\(command) --pretty' is simulated", at: action.tokens[2], in: action, hint: "usage: " + usage)
            return nil
        }
        return args.positionals
    }

    /// A command that takes no arguments and no flags; false after an error.
    mutating func readQuery(_ command: String, _ rest: ArraySlice<CommandToken>, in action: ActionText) -> Bool {
        let args = parseArguments(rest, flags: [], command: command, in: action)
        return args.isValid && checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command, usage: command, in: action)
    }

    private mutating func readSwarmInit(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker swarm init"
        let args = parseArguments(rest, flags: [.bool("--force-new-cluster"), .value("--advertise-addr"), .value("--listen-addr")],
                                  command: command, in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command,
                                               usage: "docker swarm init [--force-new-cluster]", in: action) else { return nil }
        return .swarmInit(forceNewCluster: args.has("--force-new-cluster"))
    }

    private mutating func readSwarmJoin(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker swarm join"
        let usage = "docker swarm join --token TOKEN|worker|manager [--availability active|pause|drain] [MANAGER[:2377]]"
        let args = parseArguments(rest, flags: [.value("--token"), .value("--availability"), .value("--advertise-addr"), .value("--listen-addr")],
                                  command: command, in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 1, command: command, usage: usage, in: action) else {
            return nil
        }
        guard let tokenFlag = args.last("--token"), let tokenWord = tokenFlag.value else {
            reportMissing("'\(command)' needs --token", in: action,
                          hint: "write a token (SWMTKN-1-...), or worker or manager for the token `docker swarm join-token` prints then")
            return nil
        }
        var join = SwarmJoin(token: NodeRole(rawValue: tokenWord.text).map { .current($0) } ?? .literal(tokenWord.text))
        if let flag = args.last("--availability") {
            guard let availability = flagValue(flag, in: action, Self.availability) else { return nil }
            join.availability = availability
        }
        if let address = args.positionals.first {
            var name = Substring(address.text)
            if let colon = name.lastIndex(of: ":") {
                let port = name[name.index(after: colon)...]
                guard port == "2377" else {
                    report("managers listen on port 2377, not '\(port)'", at: address, in: action, hint: "write MANAGER or MANAGER:2377")
                    return nil
                }
                name = name[..<colon]
            }
            let nameToken = CommandToken(text: String(name), start: address.start, end: address.start + name.unicodeScalars.count)
            guard let node = resolveNode(nameToken, in: action, command: command) else { return nil }
            join.manager = node
        }
        return .swarmJoin(join)
    }

    /// `--availability`'s value (`docker node update`, `docker swarm join`).
    static func availability(_ text: String) throws(ValueParseError) -> NodeAvailability {
        guard let availability = NodeAvailability(rawValue: text) else {
            throw ValueParseError("invalid availability '\(text)'", hint: "the availabilities are active, pause and drain")
        }
        return availability
    }

    private mutating func readSwarmJoinToken(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker swarm join-token"
        let usage = "docker swarm join-token [-q] [--rotate] worker|manager"
        let args = parseArguments(rest, flags: [.bool("--quiet", "-q"), .bool("--rotate")], command: command, in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: command, usage: usage, in: action) else {
            return nil
        }
        let roleWord = args.positionals[0]
        guard let role = NodeRole(rawValue: roleWord.text) else {
            // docker/cli `join_token.go`: "unknown role <ROLE>".
            report("unknown role \(roleWord.text)", at: roleWord, in: action, hint: "usage: " + usage)
            return nil
        }
        return .swarmJoinToken(role: role, rotate: args.has("--rotate"), quiet: args.has("--quiet"))
    }

    private mutating func readSwarmLeave(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker swarm leave"
        let args = parseArguments(rest, flags: [.bool("--force", "-f")], command: command, in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command,
                                               usage: "docker swarm leave [--force]", in: action) else { return nil }
        return .swarmLeave(force: args.has("--force"))
    }

    private mutating func readNodeUpdate(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker node update"
        let usage = "docker node update [--availability active|pause|drain] [--role manager|worker] [--label-add KEY=VALUE] [--label-rm KEY] NODE"
        let args = parseArguments(rest, flags: [.value("--availability"), .value("--role"), .value("--label-add"), .value("--label-rm")],
                                  command: command, in: action)
        guard args.isValid else { return nil }
        var valid = true
        var update = NodeUpdate(node: .leader)
        for flag in args.flags {
            switch flag.spec.long {
            case "--availability":
                if let value = flagValue(flag, in: action, Self.availability) { update.availability = value } else { valid = false }
            case "--role":
                if let value = flagValue(flag, in: action, { (text: String) throws(ValueParseError) in
                    guard let role = NodeRole(rawValue: text) else {
                        throw ValueParseError("invalid role '\(text)'", hint: "the roles are manager and worker")
                    }
                    return role
                }) { update.role = value } else { valid = false }
            case "--label-add":
                if let value = flagValue(flag, in: action, { (text: String) throws(ValueParseError) in
                    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    if parts[0].isEmpty { throw ValueParseError("invalid label '\(text)'", hint: "write --label-add KEY=VALUE") }
                    return Label(String(parts[0]), parts.count == 2 ? String(parts[1]) : "")
                }) { update.labelsToAdd.append(value) } else { valid = false }
            default:
                if let value = flag.value?.text, !value.isEmpty { update.labelsToRemove.append(value) }
            }
        }
        guard checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: command, usage: usage, in: action),
              let node = resolveDockerNode(args.positionals[0], in: action, command: command), valid else { return nil }
        update.node = node
        return .nodeUpdate(update)
    }

    private mutating func readNodeList(_ command: String, _ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let isRemove = command == "docker node rm"
        let args = parseArguments(rest, flags: isRemove ? [.bool("--force", "-f")] : [], command: command, in: action)
        let usage = isRemove ? "docker node rm [--force] NODE [NODE...]" : "\(command) NODE [NODE...]"
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command, usage: usage, in: action) else {
            return nil
        }
        var nodes: [NodeReference] = []
        var valid = true
        for token in args.positionals {
            if let node = resolveDockerNode(token, in: action, command: command) { nodes.append(node) } else { valid = false }
        }
        guard valid else { return nil }
        switch command {
        case "docker node promote": return .nodePromote(nodes)
        case "docker node demote": return .nodeDemote(nodes)
        default: return .nodeRemove(nodes, force: args.has("--force"))
        }
    }

    /// `docker network inspect NAME...` and `docker network rm NAME...`: the names are checked
    /// when the command runs, as Docker does (`network NET not found`).
    private mutating func readNetworkNames(_ command: String, _ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let args = parseArguments(rest, flags: command == "docker network rm" ? [.bool("--force", "-f")] : [],
                                  command: command, in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command,
                                               usage: "\(command) NETWORK [NETWORK...]", in: action) else { return nil }
        let names = args.positionals.map(\.text)
        return command == "docker network rm" ? .networkRemove(names) : .networkInspect(names)
    }

    private mutating func readNetworkCreate(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker network create"
        let usage = "docker network create -d overlay [--subnet CIDR] NAME"
        let args = parseArguments(rest, flags: [.value("--driver", "-d"), .value("--subnet"), .bool("--attachable")],
                                  command: command, in: action)
        guard args.isValid else { return nil }
        var valid = true
        var network = NetworkCreation(name: "")
        if let driver = args.last("--driver") {
            if let word = driver.value, word.text != "overlay" {
                report("only overlay networks are simulated, not '\(word.text)'", at: word, in: action, hint: "usage: " + usage)
                valid = false
            }
        } else if valid {
            reportMissing("'\(command)' needs -d overlay: a swarm service can only use an overlay network", in: action,
                          hint: "usage: " + usage)
            valid = false
        }
        if let subnet = args.last("--subnet") {
            if let value = flagValue(subnet, in: action, CIDRSyntax.check) { network.subnet = value } else { valid = false }
        }
        network.attachable = args.has("--attachable")
        guard checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: command, usage: usage, in: action) else { return nil }
        let nameToken = args.positionals[0]
        do {
            network.name = try NameSyntax.checkObjectName(nameToken.text, what: "network")
        } catch {
            report(error.message, at: nameToken, in: action, hint: error.hint)
            valid = false
        }
        return valid ? .networkCreate(network) : nil
    }
}
