import SimEngine
import SimModels

extension ScenarioReader {
    /// Reads `cluster:`; an unreadable part keeps its default (and its error is recorded).
    mutating func readCluster(_ node: YAMLNode) -> ClusterSettings {
        var cluster = ClusterSettings()
        guard let pairs = mapping(node, what: "'cluster'") else {
            names.nodesAreCertain = false
            return cluster
        }
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "managers":
                if let count = self.value(value, what: "'managers'", { (text: String) throws(ValueParseError) in
                    try WholeNumberSyntax.parse(text, what: "managers", in: 1...ClusterSettings.maximumManagers)
                }) {
                    cluster.managers = count
                } else {
                    names.nodesAreCertain = false
                }
            case "workers":
                if let count = self.value(value, what: "'workers'", { (text: String) throws(ValueParseError) in
                    try WholeNumberSyntax.parse(text, what: "workers", in: 0...ClusterSettings.maximumWorkers)
                }) {
                    cluster.workers = count
                } else {
                    names.nodesAreCertain = false
                }
            case "raft":
                cluster.raft = readRaft(value)
            case "dispatcher":
                cluster.dispatcher = readDispatcher(value)
            case "network":
                cluster.network = readNetworkDefaults(value, defaults: cluster.network)
            default:
                if Self.classicOnlyClusterKeys.contains(pair.keyText) {
                    report("unknown key '\(pair.keyText)' in 'cluster'", at: pair.key,
                           hint: Self.classicOnlyHint("'\(pair.keyText)'"))
                } else {
                    reportUnknownKey(pair, known: KeyReference.keys(.cluster), in: "'cluster'")
                }
            }
        }
        return cluster
    }

    /// Reads `cluster.raft`; `election_tick` defaults to 10 × `heartbeat_tick`, as in dockerd.
    private mutating func readRaft(_ node: YAMLNode) -> RaftSettings {
        var raft = RaftSettings()
        guard let pairs = mapping(node, what: "'raft'") else { return raft }
        checkKeys(pairs, known: KeyReference.keys(.raft), in: "'raft'")
        if let node = node["tick"], let tick = value(node, what: "'tick'", { (text: String) throws(ValueParseError) in
            let tick = try DurationSyntax.parse(text, what: "tick", allowZero: false)
            if tick < .milliseconds(1) { throw ValueParseError("tick must be at least 1ms, got '\(text)'") }
            return tick
        }) {
            raft.tick = tick
        }
        var heartbeatOK = true
        if let node = node["heartbeat_tick"] {
            if let ticks = value(node, what: "'heartbeat_tick'", { (text: String) throws(ValueParseError) in
                try WholeNumberSyntax.parse(text, what: "heartbeat_tick", in: 1...1000)
            }) {
                raft.heartbeatTick = ticks
            } else {
                heartbeatOK = false
            }
        }
        raft.electionTick = 10 * raft.heartbeatTick
        if let electionNode = node["election_tick"] {
            if let ticks = value(electionNode, what: "'election_tick'", { (text: String) throws(ValueParseError) in
                try WholeNumberSyntax.parse(text, what: "election_tick", in: 1...10_000)
            }) {
                raft.electionTick = ticks
                if heartbeatOK && ticks <= raft.heartbeatTick {
                    report("election_tick (\(ticks)) must be greater than heartbeat_tick (\(raft.heartbeatTick))", at: electionNode,
                           hint: "SwarmKit uses election_tick 10 and heartbeat_tick 1")
                }
            }
        }
        if let flag = flag(node, "check_quorum") { raft.checkQuorum = flag }
        if let flag = flag(node, "pre_vote") { raft.preVote = flag }
        if let node = node["mutant"], let text = node.scalarText {
            if let mutant = RaftMutant(rawValue: text) {
                raft.mutant = mutant
            } else {
                let guess = Suggestions.nearest(to: text, among: RaftMutant.names).map { "did you mean '\($0)'? " } ?? ""
                report("unknown Raft mutant '\(text)'", at: node, hint: guess + "mutants are " + RaftMutant.names.joined(separator: ", "))
            }
        }
        return raft
    }

    /// Reads the boolean under `key` of `node`, if there is one (errors are reported).
    private mutating func flag(_ node: YAMLNode, _ key: String) -> Bool? {
        guard let child = node[key] else { return nil }
        return value(child, what: "'\(key)'") { (text: String) throws(ValueParseError) in try BoolSyntax.parse(text, what: key) }
    }

    /// Reads `cluster.dispatcher`.
    private mutating func readDispatcher(_ node: YAMLNode) -> DispatcherSettings {
        var dispatcher = DispatcherSettings()
        guard let pairs = mapping(node, what: "'dispatcher'") else { return dispatcher }
        checkKeys(pairs, known: KeyReference.keys(.dispatcher), in: "'dispatcher'")
        if let node = node["heartbeat_period"], let period = value(node, what: "'heartbeat_period'", { (text: String) throws(ValueParseError) in
            let period = try DurationSyntax.parse(text, what: "heartbeat_period", allowZero: false)
            if period < .milliseconds(10) { throw ValueParseError("heartbeat_period must be at least 10ms, got '\(text)'") }
            return period
        }) {
            dispatcher.heartbeatPeriod = period
        }
        return dispatcher
    }

    /// Reads `cluster.network`.
    mutating func readNetworkDefaults(_ node: YAMLNode, defaults: LinkParameters) -> LinkParameters {
        var link = defaults
        guard let pairs = mapping(node, what: "'network'") else { return link }
        checkKeys(pairs, known: KeyReference.keys(.network), in: "'network'")
        if let node = node["latency"], let latency = value(node, what: "'latency'", { (text: String) throws(ValueParseError) in
            try DurationSyntax.parse(text, what: "latency")
        }) {
            link.latency = latency
        }
        if let node = node["jitter"], let jitter = value(node, what: "'jitter'", { (text: String) throws(ValueParseError) in
            try DurationSyntax.parse(text, what: "jitter")
        }) {
            link.jitter = jitter
        }
        if let node = node["loss"], let loss = value(node, what: "'loss'", PercentFormat.parse) {
            link.loss = loss
        }
        return link
    }
}
