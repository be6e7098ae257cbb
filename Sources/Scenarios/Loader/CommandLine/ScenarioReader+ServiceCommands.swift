import SimEngine
import SimModels

extension ScenarioReader {
    /// Reads `docker service SUBCOMMAND ...` (`command` is the full, canonical name).
    mutating func readServiceCommand(_ command: String, _ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        switch command {
        case "docker service create": return readServiceCreate(rest, in: action)
        case "docker service update": return readServiceUpdate(rest, in: action)
        case "docker service scale": return readServiceScale(rest, in: action)
        case "docker service ls":
            let args = parseArguments(rest, flags: [.bool("--quiet", "-q"), Self.filterFlag], command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command,
                                                   usage: "docker service ls [-q] [--filter KEY=VALUE]", in: action),
                  let format = readListFormat(args, in: action) else { return nil }
            return .serviceList(format)
        case "docker service rollback":
            let args = parseArguments(rest, flags: [.bool("--detach", "-d"), .bool("--quiet", "-q")], command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: command,
                                                   usage: "docker service rollback SERVICE", in: action),
                  let service = resolveService(args.positionals[0], in: action, command: command) else { return nil }
            return .serviceRollback(service: service)
        case "docker service inspect":
            guard let tokens = readInspectTargets(command, rest, what: "SERVICE", in: action) else { return nil }
            var services: [String] = []
            for token in tokens {
                guard let service = resolveService(token, in: action, command: command) else { return nil }
                services.append(service)
            }
            return .serviceInspect(services)
        default:
            let isRemove = command == "docker service rm"
            let args = parseArguments(rest, flags: isRemove ? [] : Self.taskListFlags, command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command,
                                                   usage: "\(command) SERVICE [SERVICE...]", in: action) else { return nil }
            var services: [String] = []
            var valid = true
            for token in args.positionals {
                if let service = resolveService(token, in: action, command: command) { services.append(service) } else { valid = false }
            }
            guard valid else { return nil }
            if isRemove { return .serviceRemove(services) }
            return readListFormat(args, in: action).map { .serviceTasks(services, $0) }
        }
    }

    /// `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`; the created name becomes known.
    private mutating func readServiceCreate(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker service create"
        let usage = "docker service create --name NAME [OPTIONS] IMAGE [COMMAND] [ARG...]"
        let args = parseArguments(rest, flags: ServiceFlags.createFlags, command: command, in: action, interspersed: false,
                                  sibling: ("docker service update", ServiceFlags.updateFlags))
        var valid = args.isValid
        var name: String?
        if let nameFlag = args.last("--name") {
            name = flagValue(nameFlag, in: action) { (text: String) throws(ValueParseError) in
                try NameSyntax.checkObjectName(text, what: "service")
            }
            if let name { names.addService(name) } else { names.servicesAreCertain = false }
        } else {
            names.servicesAreCertain = false
        }
        guard checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command, usage: usage, in: action) else {
            return nil
        }
        if args.last("--name") == nil {
            report("'\(command)' needs --name here", at: action.tokens[2], in: action,
                   hint: "the scenario refers to services by name; add --name NAME before the image")
            valid = false
        }
        let image = args.positionals[0].text
        var spec = ServiceSpec(name: name ?? "", image: image)
        spec.task.command = args.positionals.dropFirst().map(\.text)
        let changes = serviceChanges(args, in: action, valid: &valid)
        // The mode comes first, whatever the order of the flags, as Docker reads it.
        for change in changes { if case .mode = change { try? change.apply(to: &spec) } }
        if case .global = spec.mode {
            for flag in args.flags where flag.spec.long == "--replicas" || flag.spec.long == "--replicas-max-per-node" {
                report("\(flag.spec.long.dropFirst(2)) can only be used with replicated or replicated-job mode", at: flag.token, in: action)
                valid = false
            }
        }
        guard valid, name != nil else { return nil }
        for change in changes {
            if case .mode = change { continue }
            try? change.apply(to: &spec)
        }
        return .serviceCreate(spec)
    }

    /// `docker service update [OPTIONS] SERVICE`.
    private mutating func readServiceUpdate(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker service update"
        let args = parseArguments(rest, flags: ServiceFlags.updateFlags, command: command, in: action,
                                  sibling: ("docker service create", ServiceFlags.createFlags))
        guard args.isValid else { return nil }
        var valid = true
        let changes = serviceChanges(args, in: action, valid: &valid)
        let rollback = args.has("--rollback")
        if rollback, let other = args.flags.first(where: { !["--rollback", "--detach", "--quiet"].contains($0.spec.long) }) {
            report("other flags may not be combined with --rollback", at: other.token, in: action)
            valid = false
        }
        guard checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: command,
                                 usage: "docker service update [OPTIONS] SERVICE", in: action),
              let service = resolveService(args.positionals[0], in: action, command: command), valid else { return nil }
        return .serviceUpdate(ServiceUpdate(service: service, changes: changes, force: args.has("--force"), rollback: rollback))
    }

    /// The changes the spec-changing flags of `args` make, in order; `valid` is cleared on an error.
    private mutating func serviceChanges(_ args: ParsedArguments, in action: ActionText, valid: inout Bool) -> [ServiceChange] {
        var changes: [ServiceChange] = []
        for flag in args.flags {
            guard let reader = ServiceFlags.changingFlag(flag.spec.long) else { continue }
            let read: [ServiceChange]?
            if flag.spec.takesValue {
                read = flagValue(flag, in: action) { (text: String) throws(ValueParseError) in try reader.read(text) }
            } else {
                read = try? reader.read("")
            }
            if let read { changes.append(contentsOf: read) } else { valid = false }
        }
        return changes
    }

    /// `docker service scale SERVICE=REPLICAS...`.
    private mutating func readServiceScale(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> DockerCommand? {
        let command = "docker service scale"
        let usage = "docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]"
        let args = parseArguments(rest, flags: [.bool("--detach", "-d")], command: command, in: action)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command, usage: usage, in: action) else {
            return nil
        }
        var valid = true
        var scales: [ServiceScale] = []
        for token in args.positionals {
            let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                report("invalid scale specifier '\(token.text)'", at: token, in: action, hint: "usage: " + usage)
                valid = false
                continue
            }
            let nameLength = parts[0].unicodeScalars.count
            let nameToken = CommandToken(text: String(parts[0]), start: token.start, end: token.start + nameLength)
            let countToken = CommandToken(text: String(parts[1]), start: token.start + nameLength + 1, end: token.end)
            let service = resolveService(nameToken, in: action, command: command)
            do {
                let replicas = try ServiceFlags.parseReplicas(countToken.text)
                if let service { scales.append(ServiceScale(service: service, replicas: replicas)) } else { valid = false }
            } catch {
                report(error.message, at: countToken.text.isEmpty ? token : countToken, in: action, hint: error.hint)
                valid = false
            }
        }
        return valid ? .serviceScale(scales) : nil
    }
}
