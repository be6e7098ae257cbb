extension ClusterStore {
    /// The tables of one store. A store keeps them in one copy-on-write box (`CopyOnWrite`),
    /// shared by its copies until one of them changes; the tables themselves are copy-on-write
    /// too. Only ever reached through a `ClusterStore`.
    struct Tables: Equatable, Sendable {
        var cluster: ClusterObject?
        var nodes: [NodeID: NodeObject] = [:]
        var services: [ServiceID: ServiceObject] = [:]
        var tasks: [TaskID: TaskObject] = [:]
        var networks: [NetworkID: NetworkObject] = [:]
        var tasksByService: [ServiceID: Set<TaskID>] = [:]
        var tasksByNode: [NodeID: Set<TaskID>] = [:]
        var tasksBySlot: [SlotKey: [TaskID]] = [:]
        var taskSequence: [TaskID: UInt64] = [:]
        var networkSequence: [NetworkID: UInt64] = [:]
        var nextSequence: UInt64 = 1
        var serviceIDsByName: [String: ServiceID] = [:]
        var networkIDsByName: [String: NetworkID] = [:]
        var usageByNode: [NodeID: NodeUsage] = [:]
        var newTaskIDs: Set<TaskID> = []
        var pendingTaskIDs: Set<TaskID> = []
        var changeCount: UInt64 = 0
        var nodeChangeCount: UInt64 = 0
    }
}
