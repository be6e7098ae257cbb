import SimEngine
import SimModels

/// The classic `cluster:` as read: the settings, and which role counts the file gave (a count
/// left out defaults to what the hosts of `nodes:` provide).
struct ClassicClusterCounts {
    var settings: ClassicSettings
    /// The roles whose count the file gave, with the count's node (for errors).
    var given: [ClassicRole: YAMLNode] = [:]
    /// False after an error in a count: host names are then uncertain.
    var countsAreCertain = true
}

extension ScenarioReader {
    /// The `cluster:` keys that only Swarm mode reads.
    static let swarmOnlyClusterKeys = ["workers", "raft", "dispatcher"]
    /// The `cluster:` keys that only classic mode reads.
    static var classicOnlyClusterKeys: [String] {
        KeyReference.keys(.classicCluster).filter { !KeyReference.keys(.cluster).contains($0) }
    }

    /// Reads the `cluster:` of a classic file; docker/swarm's flag checks (`cli/manage.go`,
    /// `cli/join.go`) are errors here, with the texts swarm prints.
    mutating func readClassicCluster(_ node: YAMLNode) -> ClassicClusterCounts {
        var result = ClassicClusterCounts(settings: ClassicSettings())
        guard let pairs = mapping(node, what: "'cluster'") else {
            result.countsAreCertain = false
            names.nodesAreCertain = false
            return result
        }
        // The version first: it sets the defaults the other keys override.
        if let versionNode = node["version"], let text = text(versionNode, what: "'version'") {
            if let version = ClassicSwarmVersion(rawValue: text.trimmingWhitespace()) {
                result.settings.version = version
            } else {
                let versions = ClassicSwarmVersion.allCases.map(\.rawValue)
                let hint = Suggestions.nearest(to: text, among: versions).map { "did you mean '\($0)'? " } ?? ""
                report("unsupported classic Swarm version '\(text)'", at: versionNode,
                       hint: hint + "the simulated releases are " + versions.joined(separator: " and "))
            }
        }
        var settings = result.settings
        var heartbeatNode: YAMLNode?, ttlNode: YAMLNode?, minNode: YAMLNode?, maxNode: YAMLNode?
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "version": break
            case "consul", "managers", "engines":
                let role: ClassicRole = pair.keyText == "consul" ? .consul : pair.keyText == "managers" ? .manager : .engine
                let range = role == .consul ? 1...ClassicSettings.maximumConsulServers
                    : role == .manager ? 1...ClassicSettings.maximumManagers : 0...ClassicSettings.maximumEngines
                if let count = self.value(value, what: "'\(pair.keyText)'", { (text: String) throws(ValueParseError) in
                    try WholeNumberSyntax.parse(text, what: pair.keyText, in: range)
                }) {
                    switch role {
                    case .consul: settings.consulServers = count
                    case .manager: settings.managers = count
                    case .engine: settings.engines = count
                    }
                    result.given[role] = value
                } else {
                    result.countsAreCertain = false
                    names.nodesAreCertain = false
                }
            case "strategy":
                if let text = text(value, what: "'strategy'") {
                    if let strategy = PlacementStrategy(named: text.trimmingWhitespace()) {
                        settings.strategy = strategy
                    } else {
                        // docker/swarm `strategy.New`: `strategy.ErrNotSupported`.
                        let all = PlacementStrategy.allCases.map(\.name)
                        let hint = Suggestions.nearest(to: text, among: all).map { "did you mean '\($0)'?" }
                            ?? "the strategies are " + all.joined(separator: ", ")
                        report("strategy not supported: '\(text)'", at: value, hint: hint)
                    }
                }
            case "heartbeat":
                heartbeatNode = value
                if let duration = classicDuration(value, key: "heartbeat") { settings.heartbeat = duration }
            case "ttl":
                ttlNode = value
                if let duration = classicDuration(value, key: "ttl") { settings.ttl = duration }
            case "replication_ttl":
                if let duration = classicDuration(value, key: "replication_ttl") {
                    if duration <= .zero {
                        report("--replication-ttl should be a positive number", at: value, hint: "the default is 15s in 1.1.3, 20s in 1.2.x")
                    }
                    settings.replicationTTLOverride = duration
                }
            case "engine_refresh_min":
                minNode = value
                if let duration = classicDuration(value, key: "engine_refresh_min") { settings.engineRefreshMin = duration }
            case "engine_refresh_max":
                maxNode = value
                if let duration = classicDuration(value, key: "engine_refresh_max") { settings.engineRefreshMax = duration }
            case "engine_failure_retry":
                if let count = self.value(value, what: "'engine_failure_retry'", { (text: String) throws(ValueParseError) in
                    try WholeNumberSyntax.parse(text, what: "engine_failure_retry", in: 0...1_000)
                }) {
                    if count <= 0 {
                        report("invalid failure retry count", at: value, hint: "--engine-failure-retry is at least 1 (default 3)")
                    }
                    settings.engineFailureRetry = count
                }
            case "network":
                settings.network = readNetworkDefaults(value, defaults: settings.network)
            default:
                if Self.swarmOnlyClusterKeys.contains(pair.keyText) {
                    report("'\(pair.keyText)' is a Swarm-mode key of 'cluster'; this file has 'mode: classic'", at: pair.key,
                           hint: "classic keys of 'cluster' are " + KeyReference.keys(.classicCluster).joined(separator: ", "))
                } else {
                    reportUnknownKey(pair, known: KeyReference.keys(.classicCluster), in: "'cluster' (mode: classic)")
                }
            }
        }
        checkClassicTimings(settings, heartbeat: heartbeatNode, ttl: ttlNode, min: minNode, max: maxNode)
        result.settings = settings
        return result
    }

    /// A duration key of the classic cluster.
    private mutating func classicDuration(_ node: YAMLNode, key: String) -> SimDuration? {
        value(node, what: "'\(key)'") { (text: String) throws(ValueParseError) in try DurationSyntax.parse(text, what: key) }
    }

    /// The checks `swarm join` (`cli/join.go`) and `swarm manage` (`cli/manage.go`) make of
    /// their timings, with their texts.
    private mutating func checkClassicTimings(_ settings: ClassicSettings, heartbeat: YAMLNode?, ttl: YAMLNode?,
                                              min: YAMLNode?, max: YAMLNode?) {
        if let heartbeat, settings.heartbeat < .seconds(1) {
            report("--heartbeat should be at least one second", at: heartbeat, hint: "the default is 60s")
        }
        if let place = ttl ?? heartbeat, settings.ttl <= settings.heartbeat {
            report("--ttl must be strictly superior to the heartbeat value", at: place,
                   hint: "ttl is \(DurationFormat.format(settings.ttl)), heartbeat \(DurationFormat.format(settings.heartbeat))")
        }
        if let min, settings.engineRefreshMin <= .zero {
            report("minimum refresh interval should be a positive number", at: min, hint: "the default is 30s")
        }
        if let place = max ?? min, settings.engineRefreshMax < settings.engineRefreshMin {
            report("max refresh interval cannot be less than min refresh interval", at: place,
                   hint: "engine_refresh_min is \(DurationFormat.format(settings.engineRefreshMin)), engine_refresh_max \(DurationFormat.format(settings.engineRefreshMax))")
        }
    }
}
