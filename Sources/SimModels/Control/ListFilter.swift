/// The `--filter KEY=VALUE` terms of a list command (`docker node ls`, `docker service ls`,
/// `docker service ps`, `docker node ps`), as the CLI sends them (docker/cli `opts.FilterOpt`:
/// the key lowercased, key and value trimmed) and dockerd checks and applies them (moby
/// `daemon/cluster/filters.go` `newListNodesFilters`, `newListTasksFilters`;
/// `daemon/cluster/services.go` `GetServices`; SwarmKit `manager/controlapi` `ListNodes`,
/// `ListServices`, `ListTasks`).
///
/// Values of one key are alternatives (any may match); different keys must all match.
public struct ListFilter: Equatable, Sendable {
    /// One `KEY=VALUE`, in the order written.
    public struct Term: Equatable, Sendable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public var terms: [Term]

    public init(_ terms: [Term] = []) {
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The values given for `key`, in the order written.
    public func values(_ key: String) -> [String] {
        terms.filter { $0.key == key }.map(\.value)
    }

    /// Whether `key` was given at all.
    public func has(_ key: String) -> Bool {
        terms.contains { $0.key == key }
    }

    // MARK: - What dockerd accepts

    /// `newListNodesFilters`'s accepted keys.
    public static let nodeKeys = ["name", "id", "label", "role", "membership", "node.label"]
    /// `GetServices`'s accepted keys.
    public static let serviceKeys = ["name", "id", "label", "mode", "runtime"]
    /// `newListTasksFilters`'s accepted keys a user may give (`_up-to-date` is the CLI's own).
    public static let taskKeys = ["name", "id", "label", "service", "node", "desired-state", "_up-to-date", "runtime"]

    /// moby `filters.Args.Validate`: the first key not in `accepted` is refused with
    /// `invalid filter 'KEY'` (moby `api/types/filters/errors.go`). Go visits the keys in map
    /// order; here the first one written is named, so the text never depends on hashing.
    public func unknownKeyError(accepted: [String]) -> String? {
        terms.first { !accepted.contains($0.key) }.map { "invalid filter '\($0.key)'" }
    }

    // MARK: - Matching, as SwarmKit's controlapi filters do

    /// `filterContainsPrefix`: no value given, or `text` starts with one of them.
    public func matchesPrefix(_ key: String, _ text: String) -> Bool {
        let wanted = values(key)
        return wanted.isEmpty || wanted.contains { text.hasPrefix($0) }
    }

    /// `filterMatchLabels`: every `label=K` or `label=K=V` of `key` is among `labels` (a key
    /// alone matches any value).
    public func matchesLabels(_ key: String, _ labels: [Label]) -> Bool {
        values(key).allSatisfy { term in
            let parts = term.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard let label = labels.first(where: { $0.key == name }) else { return false }
            return parts.count == 1 || label.value == String(parts[1])
        }
    }

    /// An exact match of one of the values, or no value given.
    public func matchesExactly(_ key: String, _ text: String) -> Bool {
        let wanted = values(key)
        return wanted.isEmpty || wanted.contains(text)
    }
}
