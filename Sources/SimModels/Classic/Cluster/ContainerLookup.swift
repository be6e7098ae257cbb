/// How a classic manager finds a container by what a user typed (`Containers.Get` in
/// `cluster/container.go`): exact or 12-character container ID, then exact or short Swarm ID,
/// then a unique name (`name`, `/name`, `<engine ID>/name`, `<engine name>/name`), then a unique
/// prefix of a container ID or Swarm ID. Several containers with the name: none.
public enum ContainerLookup {
    /// One container with the engine that holds it.
    public struct Entry: Sendable {
        public var container: ClassicContainer
        public var engineID: String
        public var engineName: String

        public init(container: ClassicContainer, engineID: String, engineName: String) {
            self.container = container
            self.engineID = engineID
            self.engineName = engineName
        }
    }

    /// The index in `entries` of the container `idOrName` names, or nil.
    /// - Complexity: O(n) in the number of containers.
    public static func find(_ idOrName: String, in entries: [Entry]) -> Int? {
        if idOrName.isEmpty { return nil }
        func short(_ id: String) -> String { String(id.prefix(12)) }
        if let index = entries.firstIndex(where: { !$0.container.id.isEmpty && ($0.container.id == idOrName || short($0.container.id) == idOrName) }) {
            return index
        }
        if let index = entries.firstIndex(where: { entry in
            guard let swarmID = entry.container.config.swarmID else { return false }
            return swarmID == idOrName || short(swarmID) == idOrName
        }) {
            return index
        }
        let named = entries.indices.filter { index in
            let entry = entries[index]
            return entry.container.names.contains { name in
                name == idOrName || name == "/" + idOrName || entry.engineID + name == idOrName || entry.engineName + name == idOrName
            }
        }
        if named.count == 1 { return named[0] }
        if named.count > 1 { return nil }
        var prefixed = entries.indices.filter { entries[$0].container.id.hasPrefix(idOrName) }
        prefixed += entries.indices.filter { entries[$0].container.config.swarmID?.hasPrefix(idOrName) == true }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
