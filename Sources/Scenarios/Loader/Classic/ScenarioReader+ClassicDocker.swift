import SimEngine
import SimModels

extension ScenarioReader {
    /// The docker commands a classic manager serves in a timeline (SCENARIO_FORMAT §10).
    static let classicDockerCommands = ["info", "ps", "rm", "stop", "start", "run"]
    /// The flags of `docker run` a classic timeline takes.
    static let classicRunFlags: [FlagSpec] = [
        .bool("--detach", "-d"), .value("--name"), .value("--env", "-e"), .value("--memory", "-m"),
        .value("--cpu-shares", "-c"), .value("--publish", "-p"), .value("--label", "-l"),
        .value("--link"), .value("--volumes-from"), .value("--net"),
    ]

    /// Reads `docker info | ps [-a] | rm [-f] NAME | stop NAME | start NAME | run ...`.
    mutating func readClassicDockerCommand(_ action: ActionText) -> ClassicDockerCommand? {
        let tokens = action.tokens
        let all = Self.classicDockerCommands.joined(separator: ", ")
        guard tokens.count >= 2 else {
            reportMissing("missing command after 'docker'", in: action, hint: "classic docker commands: " + all)
            return nil
        }
        let word = tokens[1]
        let rest = tokens[2...]
        let command = "docker \(word.text)"
        switch word.text {
        case "info":
            let args = parseArguments(rest, flags: [], command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command, usage: command, in: action)
            else { return nil }
            return .info
        case "ps":
            let args = parseArguments(rest, flags: [.bool("--all", "-a")], command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 0, maximum: 0, command: command,
                                                   usage: "docker ps [-a]", in: action) else { return nil }
            return .ps(all: args.has("--all"))
        case "rm", "stop", "start":
            let flags: [FlagSpec] = word.text == "rm" ? [.bool("--force", "-f")] : []
            let usage = word.text == "rm" ? "docker rm [-f] CONTAINER" : "\(command) CONTAINER"
            let args = parseArguments(rest, flags: flags, command: command, in: action)
            guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: 1, command: command, usage: usage, in: action)
            else { return nil }
            let name = args.positionals[0].text
            switch word.text {
            case "rm": return .rm(name: name, force: args.has("--force"))
            case "stop": return .stop(name: name)
            default: return .start(name: name)
            }
        case "run":
            return readClassicRun(rest, in: action).map(ClassicDockerCommand.run)
        default:
            let swarmMode = Self.dockerCommands.map(\.group)
            let hint = swarmMode.contains(word.text)
                ? "'\(command)' is a Swarm-mode command; this file has 'mode: classic' (classic docker commands: \(all))"
                : Suggestions.nearest(to: word.text, among: Self.classicDockerCommands).map { "did you mean 'docker \($0)'?" }
                    ?? "classic docker commands: " + all
            report("unknown command '\(command)'", at: word, in: action, hint: hint)
            return nil
        }
    }

    /// `docker run [-d] [--name N] [-e K] [-m 512m] [-c N] [-p 80:80] [--label k=v] IMAGE [CMD...]`.
    private mutating func readClassicRun(_ rest: ArraySlice<CommandToken>, in action: ActionText) -> ClassicRun? {
        let command = "docker run"
        let usage = "docker run [-d] [--name NAME] [-e constraint:K==V] [-m 512m] [-c N] [-p 80:80] [--label K=V] IMAGE [CMD...]"
        let args = parseArguments(rest, flags: Self.classicRunFlags, command: command, in: action, interspersed: false)
        guard args.isValid, checkArgumentCount(args.positionals, minimum: 1, maximum: nil, command: command, usage: usage, in: action)
        else { return nil }
        var valid = true
        var config = ClassicContainerConfig(image: args.positionals[0].text, command: args.positionals.dropFirst().map(\.text))
        var name: String?
        var bindings: [ClassicPortBinding] = []
        for flag in args.flags {
            guard let value = flag.value else { continue }
            switch flag.spec.long {
            case "--name":
                if value.text.isEmpty {
                    report("empty container name", at: value, in: action)
                    valid = false
                }
                name = value.text
            case "--env": config.env.append(value.text)
            case "--memory":
                if let bytes = flagValue(flag, in: action, { (text: String) throws(ValueParseError) in try DockerRAMSyntax.parse(text) }) {
                    config.memory = bytes
                } else {
                    valid = false
                }
            case "--cpu-shares":
                if let cpus = flagValue(flag, in: action, { (text: String) throws(ValueParseError) in
                    try WholeNumberSyntax.parse(text, what: "cpu shares", in: 0...1_024)
                }) {
                    config.cpuShares = Int64(cpus)
                } else {
                    valid = false
                }
            case "--publish":
                if let binding = ClassicPortBinding.parse(value.text) {
                    bindings.append(binding)
                } else {
                    report("invalid port '\(value.text)'", at: value, in: action, hint: "write -p HOST:CONTAINER, such as -p 80:80")
                    valid = false
                }
            case "--label":
                let parts = value.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0])
                config.labels[key] = Self.swarmListLabel(key: key, value: parts.count == 2 ? String(parts[1]) : "")
            case "--link": config.links.append(value.text)
            case "--volumes-from": config.volumesFrom.append(value.text)
            default: config.networkMode = value.text  // --net
            }
        }
        guard valid else { return nil }
        config = ClassicContainerConfig(image: config.image, command: config.command, env: config.env, labels: config.labels,
                                        memory: config.memory, cpuShares: config.cpuShares, portBindings: bindings,
                                        networkMode: config.networkMode, links: config.links, volumesFrom: config.volumesFrom)
        return ClassicRun(name: name, detach: args.has("--detach"), config: config)
    }

    /// A `com.docker.swarm.*` list label as JSON. The shell removes the quotes of
    /// `--label com.docker.swarm.reschedule-policies=["on-node-failure"]` unless the word is
    /// quoted, as the format's example writes it; the list is what the user meant, so its items
    /// are quoted again. Other labels are kept as written.
    static func swarmListLabel(key: String, value: String) -> String {
        guard key.hasPrefix(ClassicContainerConfig.labelNamespace + "."), value.hasPrefix("["), value.hasSuffix("]"),
              !value.contains("\"") else { return value }
        let items = value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        return "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}

extension Substring {
    /// The text without `characters` at either end.
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
