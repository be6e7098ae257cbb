import SimEngine
import SimModels

/// The flags of `docker service create` and `update` that change the spec, and the
/// value readers they share with the Compose keys.
enum ServiceFlags {
    /// One spec-changing flag: where it may be used and how its value becomes changes.
    struct Flag: Sendable {
        let spec: FlagSpec
        let inCreate: Bool
        let inUpdate: Bool
        let read: @Sendable (String) throws(ValueParseError) -> [ServiceChange]
    }

    /// Flags accepted and ignored (they change nothing the simulator models).
    static let ignored: [(FlagSpec, create: Bool, update: Bool)] = [
        (.value("--env", "-e"), true, false), (.value("--env-add"), false, true), (.value("--env-rm"), false, true),
        (.value("--label", "-l"), true, false), (.value("--label-add"), false, true), (.value("--label-rm"), false, true),
        (.value("--container-label"), true, false), (.value("--container-label-add"), false, true),
        (.value("--container-label-rm"), false, true),
        (.bool("--detach", "-d"), true, true), (.bool("--quiet", "-q"), true, true),
        (.bool("--with-registry-auth"), true, true),
    ]

    /// Every spec-changing flag.
    static let changing: [Flag] = [
        both(.value("--replicas")) { (text: String) throws(ValueParseError) in [.replicas(try parseReplicas(text))] },
        create(.value("--mode")) { (text: String) throws(ValueParseError) in [.mode(try parseMode(text))] },
        update(.value("--image")) { (text: String) throws(ValueParseError) in [.image(try nonEmpty(text, what: "image"))] },
        update(.value("--args")) { (text: String) throws(ValueParseError) in [.command(try words(text))] },
        both(.value("--replicas-max-per-node")) { (text: String) throws(ValueParseError) in [.maxReplicasPerNode(try parseMaxReplicas(text))] },
        // Constraints go to the daemon as written: SwarmKit refuses a malformed one at run time
        // with its own text (the command fails), and `TimelineWarnings` warns of it.
        create(.value("--constraint")) { (text: String) throws(ValueParseError) in [.addConstraint(text.trimmingWhitespace())] },
        update(.value("--constraint-add")) { (text: String) throws(ValueParseError) in [.addConstraint(text.trimmingWhitespace())] },
        update(.value("--constraint-rm")) { (text: String) throws(ValueParseError) in [.removeConstraint(text.trimmingWhitespace())] },
        create(.value("--placement-pref")) { (text: String) throws(ValueParseError) in [.addSpreadPreference(try spreadLabel(text))] },
        update(.value("--placement-pref-add")) { (text: String) throws(ValueParseError) in [.addSpreadPreference(try spreadLabel(text))] },
        update(.value("--placement-pref-rm")) { (text: String) throws(ValueParseError) in [.removeSpreadPreference(try spreadLabel(text))] },
        create(.value("--publish", "-p")) { (text: String) throws(ValueParseError) in try PortSyntax.parseFlag(text).map { .addPort($0) } },
        update(.value("--publish-add")) { (text: String) throws(ValueParseError) in try PortSyntax.parseFlag(text).map { .addPort($0) } },
        update(.value("--publish-rm")) { (text: String) throws(ValueParseError) in try PortSyntax.parseFlag(text).map { .removePort(targetPort: $0.targetPort, proto: $0.proto) } },
        create(.value("--network")) { (text: String) throws(ValueParseError) in [.addNetwork(try NameSyntax.checkObjectName(text, what: "network"))] },
        update(.value("--network-add")) { (text: String) throws(ValueParseError) in [.addNetwork(try NameSyntax.checkObjectName(text, what: "network"))] },
        update(.value("--network-rm")) { (text: String) throws(ValueParseError) in [.removeNetwork(try NameSyntax.checkObjectName(text, what: "network"))] },
        both(.value("--reserve-cpu")) { (text: String) throws(ValueParseError) in [.reserveCPUs(try DecimalSyntax.parseCPUs(text, what: "reserve-cpu"))] },
        both(.value("--reserve-memory")) { (text: String) throws(ValueParseError) in [.reserveMemory(try SizeFormat.parse(text))] },
        both(.value("--limit-cpu")) { (text: String) throws(ValueParseError) in [.limitCPUs(try DecimalSyntax.parseCPUs(text, what: "limit-cpu"))] },
        both(.value("--limit-memory")) { (text: String) throws(ValueParseError) in [.limitMemory(try SizeFormat.parse(text))] },
        both(.value("--restart-condition")) { (text: String) throws(ValueParseError) in [.restart(try restartSetting("condition", text))] },
        both(.value("--restart-delay")) { (text: String) throws(ValueParseError) in [.restart(try restartSetting("delay", text))] },
        both(.value("--restart-max-attempts")) { (text: String) throws(ValueParseError) in [.restart(try restartSetting("max_attempts", text))] },
        both(.value("--restart-window")) { (text: String) throws(ValueParseError) in [.restart(try restartSetting("window", text))] },
        both(.value("--update-parallelism")) { (text: String) throws(ValueParseError) in [.update(try updateSetting("parallelism", text, isRollback: false))] },
        both(.value("--update-delay")) { (text: String) throws(ValueParseError) in [.update(try updateSetting("delay", text, isRollback: false))] },
        both(.value("--update-failure-action")) { (text: String) throws(ValueParseError) in [.update(try updateSetting("failure_action", text, isRollback: false))] },
        both(.value("--update-monitor")) { (text: String) throws(ValueParseError) in [.update(try updateSetting("monitor", text, isRollback: false))] },
        both(.value("--update-max-failure-ratio")) { (text: String) throws(ValueParseError) in [.update(try updateSetting("max_failure_ratio", text, isRollback: false))] },
        both(.value("--update-order")) { (text: String) throws(ValueParseError) in [.update(try updateSetting("order", text, isRollback: false))] },
        both(.value("--rollback-parallelism")) { (text: String) throws(ValueParseError) in [.rollback(try updateSetting("parallelism", text, isRollback: true))] },
        both(.value("--rollback-delay")) { (text: String) throws(ValueParseError) in [.rollback(try updateSetting("delay", text, isRollback: true))] },
        both(.value("--rollback-failure-action")) { (text: String) throws(ValueParseError) in [.rollback(try updateSetting("failure_action", text, isRollback: true))] },
        both(.value("--rollback-monitor")) { (text: String) throws(ValueParseError) in [.rollback(try updateSetting("monitor", text, isRollback: true))] },
        both(.value("--rollback-max-failure-ratio")) { (text: String) throws(ValueParseError) in [.rollback(try updateSetting("max_failure_ratio", text, isRollback: true))] },
        both(.value("--rollback-order")) { (text: String) throws(ValueParseError) in [.rollback(try updateSetting("order", text, isRollback: true))] },
        both(.value("--stop-grace-period")) { (text: String) throws(ValueParseError) in [.stopGracePeriod(try DurationSyntax.parse(text, what: "stop-grace-period"))] },
        both(.value("--health-cmd")) { (text: String) throws(ValueParseError) in [.health(.test(["CMD-SHELL", try nonEmpty(text, what: "health-cmd")]))] },
        both(.value("--health-interval")) { (text: String) throws(ValueParseError) in [.health(.interval(try DurationSyntax.parse(text, what: "health-interval")))] },
        both(.value("--health-timeout")) { (text: String) throws(ValueParseError) in [.health(.timeout(try DurationSyntax.parse(text, what: "health-timeout")))] },
        both(.value("--health-retries")) { (text: String) throws(ValueParseError) in [.health(.retries(try WholeNumberSyntax.parse(text, what: "health-retries", in: 0...1000)))] },
        both(.value("--health-start-period")) { (text: String) throws(ValueParseError) in [.health(.startPeriod(try DurationSyntax.parse(text, what: "health-start-period")))] },
        both(.bool("--no-healthcheck")) { (_: String) throws(ValueParseError) in [.health(.disable)] },
        both(.value("--x-sim-pull")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("pull", text))] },
        both(.value("--x-sim-start")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("start", text))] },
        both(.value("--x-sim-stop")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("stop", text))] },
        both(.value("--x-sim-fail-after")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("fail_after", text))] },
        both(.value("--x-sim-exit-code")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("exit_code", text))] },
        both(.value("--x-sim-boot")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("boot", text))] },
        both(.value("--x-sim-serve")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("serve", text))] },
        both(.value("--x-sim-sick-after")) { (text: String) throws(ValueParseError) in [.simulation(try simulationSetting("sick_after", text))] },
        both(.value("--endpoint-mode")) { (text: String) throws(ValueParseError) in [.endpointMode(try parseEndpointMode(text))] },
    ]

    /// The flags `docker service create` accepts, `--name` included.
    static let createFlags: [FlagSpec] = [.value("--name")]
        + changing.filter(\.inCreate).map(\.spec) + ignored.filter(\.create).map(\.0)

    /// The flags `docker service update` accepts, `--force` and `--rollback` included.
    static let updateFlags: [FlagSpec] = [.bool("--force"), .bool("--rollback")]
        + changing.filter(\.inUpdate).map(\.spec) + ignored.filter(\.update).map(\.0)

    /// The changing flag whose long name is `long`, if any.
    static func changingFlag(_ long: String) -> Flag? {
        changing.first { $0.spec.long == long }
    }

    private static func both(_ spec: FlagSpec, _ read: @escaping @Sendable (String) throws(ValueParseError) -> [ServiceChange]) -> Flag {
        Flag(spec: spec, inCreate: true, inUpdate: true, read: read)
    }

    private static func create(_ spec: FlagSpec, _ read: @escaping @Sendable (String) throws(ValueParseError) -> [ServiceChange]) -> Flag {
        Flag(spec: spec, inCreate: true, inUpdate: false, read: read)
    }

    private static func update(_ spec: FlagSpec, _ read: @escaping @Sendable (String) throws(ValueParseError) -> [ServiceChange]) -> Flag {
        Flag(spec: spec, inCreate: false, inUpdate: true, read: read)
    }

    // MARK: - Value readers shared with the Compose keys

    /// The most replicas (and max replicas per node) a service may ask for.
    static let maximumReplicas = 100_000

    /// `replicated` or `global`.
    static func parseMode(_ text: String) throws(ValueParseError) -> ServiceMode {
        switch text.trimmingWhitespace() {
        case "replicated": return .replicated(replicas: 1)
        case "global": return .global
        case "replicated-job", "global-job":
            throw ValueParseError("job services ('\(text)') are not simulated", hint: "the modes are replicated and global")
        default:
            throw ValueParseError("invalid mode '\(text)'", hint: "the modes are replicated and global")
        }
    }

    /// A replica count, 0 to `maximumReplicas`.
    static func parseReplicas(_ text: String) throws(ValueParseError) -> Int {
        try WholeNumberSyntax.parse(text, what: "replicas", in: 0...maximumReplicas)
    }

    /// A `max_replicas_per_node`, 0 (no limit) to `maximumReplicas`.
    static func parseMaxReplicas(_ text: String) throws(ValueParseError) -> Int {
        try WholeNumberSyntax.parse(text, what: "max replicas per node", in: 0...maximumReplicas)
    }

    /// One `restart_policy` key (`condition`, `delay`, `max_attempts`, `window`).
    static func restartSetting(_ key: String, _ text: String) throws(ValueParseError) -> RestartSetting {
        switch key {
        case "condition":
            guard let condition = RestartPolicy.Condition(rawValue: text.trimmingWhitespace()) else {
                throw ValueParseError("invalid restart condition '\(text)'", hint: "the conditions are none, on-failure and any")
            }
            return .condition(condition)
        case "delay": return .delay(try DurationSyntax.parse(text, what: "restart delay"))
        case "max_attempts": return .maxAttempts(try WholeNumberSyntax.parse(text, what: "max_attempts", in: 0...1_000_000))
        default: return .window(try DurationSyntax.parse(text, what: "restart window"))
        }
    }

    /// One `update_config` / `rollback_config` key.
    static func updateSetting(_ key: String, _ text: String, isRollback: Bool) throws(ValueParseError) -> UpdateSetting {
        let value = text.trimmingWhitespace()
        switch key {
        case "parallelism": return .parallelism(try WholeNumberSyntax.parse(text, what: "parallelism", in: 0...maximumReplicas))
        case "delay": return .delay(try DurationSyntax.parse(text, what: "delay"))
        case "failure_action":
            let allowed: [UpdateConfig.FailureAction] = isRollback ? [.pause, .continue] : [.pause, .continue, .rollback]
            guard let action = UpdateConfig.FailureAction(rawValue: value), allowed.contains(action) else {
                throw ValueParseError(
                    "invalid failure action '\(text)'",
                    hint: "the failure actions\(isRollback ? " of a rollback" : "") are " + allowed.map(\.rawValue).joined(separator: ", ")
                )
            }
            return .failureAction(action)
        case "monitor": return .monitor(try DurationSyntax.parse(text, what: "monitor"))
        case "max_failure_ratio": return .maxFailureRatio(try DecimalSyntax.parseRatio(text, what: "max_failure_ratio"))
        default:
            guard let order = UpdateConfig.Order(rawValue: value) else {
                throw ValueParseError("invalid update order '\(text)'", hint: "the orders are stop-first and start-first")
            }
            return .order(order)
        }
    }

    /// One `x-sim` key (`pull`, `start`, `stop`, `fail_after`, `exit_code`).
    static func simulationSetting(_ key: String, _ text: String) throws(ValueParseError) -> SimulationSetting {
        switch key {
        case "pull": return .pull(try DurationSyntax.parse(text, what: "pull"))
        case "start": return .start(try DurationSyntax.parse(text, what: "start"))
        case "stop": return .stop(try DurationSyntax.parse(text, what: "stop"))
        case "fail_after": return .failAfter(try DurationSyntax.parse(text, what: "fail_after"))
        case "boot": return .boot(try DurationSyntax.parse(text, what: "boot"))
        case "serve": return .serve(try DurationSyntax.parse(text, what: "serve"))
        case "sick_after": return .sickAfter(try DurationSyntax.parse(text, what: "sick_after"))
        default: return .exitCode(try WholeNumberSyntax.parse(text, what: "exit_code", in: 0...255))
        }
    }

    /// `vip` or `dnsrr`, as `--endpoint-mode` and `deploy.endpoint_mode` take it.
    static func parseEndpointMode(_ text: String) throws(ValueParseError) -> EndpointSpec.Mode {
        let word = text.trimmingWhitespace()
        guard let mode = EndpointSpec.Mode(rawValue: word) else {
            throw ValueParseError("invalid endpoint mode '\(word)'", hint: "the endpoint modes are vip and dnsrr")
        }
        return mode
    }

    private static func spreadLabel(_ text: String) throws(ValueParseError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("spread=") else {
            throw ValueParseError("invalid placement preference '\(text)'", hint: "write spread=node.labels.KEY")
        }
        return try PlacementSyntax.checkSpreadLabel(String(trimmed.dropFirst("spread=".count)))
    }

    private static func nonEmpty(_ text: String, what: String) throws(ValueParseError) -> String {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw ValueParseError("\(what) must not be empty") }
        return trimmed
    }

    private static func words(_ text: String) throws(ValueParseError) -> [String] {
        do {
            return try CommandTokenizer.tokenize(text).map(\.text)
        } catch {
            throw ValueParseError("invalid args: \(error.message)")
        }
    }
}
