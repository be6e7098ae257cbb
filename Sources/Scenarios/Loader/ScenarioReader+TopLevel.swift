import SimEngine
import SimModels

extension ScenarioReader {
    /// The keys a scenario file may have at the top, in the order the format lists them.
    static let topLevelKeys = KeyReference.keys(.topLevel)

    /// Reads the whole document; nil when any error was found (see `diagnostics`).
    mutating func read(_ document: YAMLDocument) -> Scenario? {
        guard let root = document.root else {
            report("empty scenario file", at: SourceLocation(line: 1, column: 1),
                   hint: "a scenario starts with 'scenario: A SHORT TITLE'")
            return nil
        }
        guard let pairs = root.asMapping else {
            report("a scenario file is a mapping of keys (scenario:, cluster:, timeline:...), found \(root.kindDescription)", at: root)
            return nil
        }
        checkKeys(pairs, known: Self.topLevelKeys, in: "the scenario")

        var title: String?
        if let node = root["scenario"] {
            title = text(node, what: "'scenario'")
        } else {
            report("missing required key 'scenario'", at: root.location,
                   hint: "add 'scenario: A SHORT TITLE' at the top of the file")
        }
        var description: String?
        if let node = root["description"], !node.isNull, let text = text(node, what: "'description'") {
            description = Self.trimmingTrailingNewlines(text)
        }
        let seed = root["seed"].flatMap { value($0, what: "'seed'", WholeNumberSyntax.parseSeed) } ?? Scenario.defaultSeed
        var duration: SimDuration? = Scenario.defaultDuration
        if let node = root["duration"] {
            duration = value(node, what: "'duration'") { (text: String) throws(ValueParseError) in
                try DurationSyntax.parse(text, what: "duration", allowZero: false)
            }
        }

        guard let mode = readMode(root["mode"]) else { return nil }
        self.mode = mode
        if mode == .classic {
            let classic = readClassic(root, duration: duration)
            guard diagnostics.isEmpty, let title, let duration, let classic else { return nil }
            return Scenario(file: file, title: title, description: description, seed: seed, duration: duration, classic: classic)
        }
        let cluster = root["cluster"].map { readCluster($0) } ?? ClusterSettings()
        let nodes = readNodes(root["nodes"], cluster: cluster)
        let networks = root["networks"].map { readNetworks($0) } ?? []
        let services = root["services"].map { readServices($0) } ?? []
        checkServiceNetworks(services, in: root["services"], hasNetworks: root["networks"] != nil)
        let clients = root["clients"].map { readClients($0, duration: duration) } ?? []
        let timeline = root["timeline"].map { readTimeline($0, duration: duration) } ?? []
        let expectations = root["expect"].map { readExpectations($0, duration: duration) } ?? []

        if diagnostics.isEmpty && refusesUnwiredDataPlane {
            refuseUnwiredDataPlane(timeline: timeline)
        }
        guard diagnostics.isEmpty, let title, let duration else { return nil }
        var scenario = Scenario(
            file: file, title: title, description: description, seed: seed, duration: duration,
            cluster: cluster, nodes: nodes, services: services, networks: networks, clients: clients,
            timeline: timeline, expectations: expectations
        )
        if let first = ignoredComposeOptions.first {
            scenario.ignoredComposeOptions = IgnoredComposeOptions(options: Array(Set(ignoredComposeOptions.map(\.key))).sorted(),
                                                                   location: first.location)
        }
        return scenario
    }

    /// `text` without the line breaks a `|` block leaves at its end.
    static func trimmingTrailingNewlines(_ text: String) -> String {
        text.trimmingTrailingNewlines()
    }
}
