import SimEngine
import SimModels

extension ScenarioReader {
    /// The top-level keys that only Swarm mode reads: an error in a classic file.
    static let swarmOnlyTopLevelKeys = ["services", "networks", "clients"]

    /// `mode:` (default swarm); nil after an error.
    mutating func readMode(_ node: YAMLNode?) -> ScenarioMode? {
        guard let node else { return .swarm }
        guard let text = text(node, what: "'mode'") else { return nil }
        let word = text.trimmingWhitespace()
        if let mode = ScenarioMode(rawValue: word) { return mode }
        let modes = ScenarioMode.allCases.map(\.rawValue)
        let hint = Suggestions.nearest(to: word, among: modes).map { "did you mean '\($0)'?" }
            ?? "the modes are swarm (Swarm mode, the default) and classic (standalone Swarm 1.x with Consul)"
        report("unknown mode '\(word)'", at: node, hint: hint)
        return nil
    }

    /// Reads the classic sections of a `mode: classic` file (SCENARIO_FORMAT §10): `cluster:`,
    /// `nodes:`, `timeline:` and `expect:`. Swarm-mode sections are errors.
    mutating func readClassic(_ root: YAMLNode, duration: SimDuration?) -> ClassicScenario? {
        for pair in root.asMapping ?? [] where Self.swarmOnlyTopLevelKeys.contains(pair.keyText) {
            report("'\(pair.keyText)' is a Swarm-mode key; this file has 'mode: classic'", at: pair.key,
                   hint: "classic Swarm starts containers with 'docker run' in the timeline; remove '\(pair.keyText):' or the 'mode: classic'")
        }
        let settings = root["cluster"].map { readClassicCluster($0) } ?? ClassicClusterCounts(settings: ClassicSettings())
        let hosts = readClassicHosts(root["nodes"], counts: settings)
        let timeline = root["timeline"].map { readClassicTimeline($0, duration: duration, hosts: hosts) } ?? []
        let expectations = root["expect"].map { section in
            readExpectationEntries(section, duration: duration) { reader, node, text in
                reader.readClassicCondition(node, text: text, hosts: hosts)
            }.map { ClassicExpectation(window: $0.window, condition: $0.condition, text: $0.text, location: $0.location) }
        } ?? []
        var final = settings.settings
        for role in ClassicRole.allCases {
            let count = hosts.count { $0.runs(role) }
            switch role {
            case .consul: final.consulServers = count
            case .manager: final.managers = count
            case .engine: final.engines = count
            }
        }
        return ClassicScenario(settings: final, hosts: hosts, timeline: timeline, expectations: expectations)
    }

    /// The hint for a word that belongs to classic mode, found in a Swarm-mode file.
    static func classicOnlyHint(_ what: String) -> String {
        "\(what) belongs to classic Swarm 1.x: add 'mode: classic' at the top of the file"
    }
}
