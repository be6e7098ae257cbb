extension ClusterStore {
    /// The tables of one store, shared by copies of it until one of them changes
    /// (`uniqueStorage()` then copies the box; the tables themselves are copy-on-write too).
    /// Only ever reached through a `ClusterStore`, which gives it value semantics.
    final class Storage: @unchecked Sendable {
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

        init() {}

        init(copying other: Storage) {
            cluster = other.cluster
            nodes = other.nodes
            services = other.services
            tasks = other.tasks
            networks = other.networks
            tasksByService = other.tasksByService
            tasksByNode = other.tasksByNode
            tasksBySlot = other.tasksBySlot
            taskSequence = other.taskSequence
            networkSequence = other.networkSequence
            nextSequence = other.nextSequence
            serviceIDsByName = other.serviceIDsByName
            networkIDsByName = other.networkIDsByName
            usageByNode = other.usageByNode
            newTaskIDs = other.newTaskIDs
            pendingTaskIDs = other.pendingTaskIDs
            changeCount = other.changeCount
            nodeChangeCount = other.nodeChangeCount
        }

        static func == (a: Storage, b: Storage) -> Bool {
            a === b || (
                a.cluster == b.cluster &&
                a.nodes == b.nodes &&
                a.services == b.services &&
                a.tasks == b.tasks &&
                a.networks == b.networks &&
                a.tasksByService == b.tasksByService &&
                a.tasksByNode == b.tasksByNode &&
                a.tasksBySlot == b.tasksBySlot &&
                a.taskSequence == b.taskSequence &&
                a.networkSequence == b.networkSequence &&
                a.nextSequence == b.nextSequence &&
                a.serviceIDsByName == b.serviceIDsByName &&
                a.networkIDsByName == b.networkIDsByName &&
                a.usageByNode == b.usageByNode &&
                a.newTaskIDs == b.newTaskIDs &&
                a.pendingTaskIDs == b.pendingTaskIDs &&
                a.changeCount == b.changeCount &&
                a.nodeChangeCount == b.nodeChangeCount)
        }
    }
}
