/// How dockerd finds the object a user named (moby `daemon/cluster/helpers.go` `getNode`,
/// `getService`, `getNetwork`): first by full ID, then by exact name (a node's hostname), then by
/// ID prefix. No match is "<kind> X not found"; several prefix matches are
/// "<kind> X is ambiguous (N matches found)".
public enum ObjectResolver {
    /// The service `input` names.
    /// - Complexity: O(services)
    public static func service(_ input: String, in store: ClusterStore) -> Result<ServiceObject, ControlError> {
        if let service = store.service(ServiceID(input)) { return .success(service) }
        if let service = store.service(named: input) { return .success(service) }
        let matches = store.servicesSortedByName.filter { !input.isEmpty && $0.id.rawValue.hasPrefix(input) }
        return single(matches, kind: "service", input: input)
    }

    /// The node `input` names.
    /// - Complexity: O(nodes)
    public static func node(_ input: String, in store: ClusterStore) -> Result<NodeObject, ControlError> {
        if let node = store.node(NodeID(input)) { return .success(node) }
        let nodes = store.nodesSorted
        let named = nodes.filter { $0.description.hostname == input }
        if !named.isEmpty { return single(named, kind: "node", input: input) }
        let matches = nodes.filter { !input.isEmpty && $0.id.rawValue.hasPrefix(input) }
        return single(matches, kind: "node", input: input)
    }

    /// The network `input` names.
    /// - Complexity: O(networks)
    public static func network(_ input: String, in store: ClusterStore) -> Result<NetworkObject, ControlError> {
        if let network = store.network(NetworkID(input)) { return .success(network) }
        if let network = store.network(named: input) { return .success(network) }
        let matches = store.networksSorted.filter { !input.isEmpty && $0.id.rawValue.hasPrefix(input) }
        return single(matches, kind: "network", input: input)
    }

    private static func single<T>(_ matches: [T], kind: String, input: String) -> Result<T, ControlError> {
        switch matches.count {
        case 0: .failure(ControlError(.daemon, "\(kind) \(input) not found"))
        case 1: .success(matches[0])
        default: .failure(ControlError(.daemon, "\(kind) \(input) is ambiguous (\(matches.count) matches found)"))
        }
    }
}
