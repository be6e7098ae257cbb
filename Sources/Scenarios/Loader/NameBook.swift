/// The names a scenario defines so far, to check references and to list in hints.
struct NameBook: Sendable {
    /// Every node name, in scenario order (managers, workers, extra nodes).
    var nodes: [String] = [] {
        didSet { nodeSet = Set(nodes) }
    }
    /// `nodes`, for fast look-up (never iterated).
    private var nodeSet: Set<String> = []
    /// False when the node list could not be worked out (an error in `cluster:` or
    /// `nodes:`): unknown node names are then not reported, to avoid a cascade.
    var nodesAreCertain = true
    /// Every service name: `services:` and earlier `docker service create --name`.
    private(set) var services: [String] = []
    /// `services`, for fast look-up (never iterated).
    private var serviceSet: Set<String> = []
    /// False when a service's name could not be read: unknown services are not reported.
    var servicesAreCertain = true

    /// Every client name of `clients:`, in file order.
    private(set) var clients: [String] = []
    /// The top-level `networks:`, in file order.
    var networks: [String] = []

    /// Whether `name` is a client of `clients:`.
    func hasClient(_ name: String) -> Bool { clients.contains(name) }

    /// Records a client name.
    mutating func addClient(_ name: String) {
        if !clients.contains(name) { clients.append(name) }
    }

    /// `clients are users, calls`, or how to define one.
    var clientHint: String {
        clients.isEmpty
            ? "no client is defined under 'clients:'; 'curl' names the timeline's curl actions"
            : "clients are " + Self.summary(of: clients) + "; 'curl' names the timeline's curl actions"
    }

    /// Whether `name` is a node.
    /// - Complexity: O(1) expected.
    func hasNode(_ name: String) -> Bool { nodeSet.contains(name) }

    /// Whether `name` is a known service.
    /// - Complexity: O(1) expected.
    func hasService(_ name: String) -> Bool { serviceSet.contains(name) }

    /// Records a service name (once).
    mutating func addService(_ name: String) {
        if serviceSet.insert(name).inserted { services.append(name) }
    }

    /// `nodes are m1, m2, w1`, shortened to ranges (`w1..w40`) for long lists.
    var nodeHint: String {
        nodes.isEmpty ? "the scenario defines no nodes" : "nodes are " + Self.summary(of: nodes)
    }

    /// `services are web, db`, or a note that there are none yet.
    var serviceHint: String {
        services.isEmpty
            ? "no service is defined under 'services:' or created earlier in the timeline"
            : "services are " + Self.summary(of: services)
    }

    /// The names joined with commas; lists longer than 12 names have runs of
    /// consecutive numbered names (`w1, w2, ... w40`) written as `w1..w40`, and are cut at 40 entries.
    static func summary(of names: [String]) -> String {
        if names.count <= 12 { return names.joined(separator: ", ") }
        var parts: [String] = []
        var index = 0
        while index < names.count {
            var end = index
            if let (prefix, number) = split(names[index]) {
                while end + 1 < names.count, let (p, n) = split(names[end + 1]), p == prefix, n == number + (end + 1 - index) {
                    end += 1
                }
            }
            if end - index >= 2 {
                parts.append("\(names[index])..\(names[end])")
            } else {
                parts.append(contentsOf: names[index...end])
            }
            index = end + 1
        }
        if parts.count > 40 { return parts.prefix(40).joined(separator: ", ") + ", ..." }
        return parts.joined(separator: ", ")
    }

    /// `w12` → (`w`, 12); nil when the name does not end in digits.
    private static func split(_ name: String) -> (String, Int)? {
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10, digits.last != "0" || digits.count == 1 else { return nil }
        guard let number = Int(String(digits.reversed())) else { return nil }
        return (String(name.dropLast(digits.count)), number)
    }
}
