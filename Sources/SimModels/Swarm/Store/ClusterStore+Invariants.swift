extension ClusterStore {
    /// Rebuilds every index from the objects and returns the names of those that disagree with the
    /// maintained ones (empty when the store is consistent). For tests and debug checks.
    /// - Complexity: O(n log n) in the number of objects.
    public func invariantViolations() -> [String] {
        var rebuilt = ClusterStore()
        rebuilt.cluster = cluster
        rebuilt.nodes = nodes
        rebuilt.services = services
        rebuilt.networks = networks
        rebuilt.taskSequence = taskSequence
        for service in services.values { rebuilt.serviceIDsByName[service.spec.name] = service.id }
        for network in networks.values { rebuilt.networkIDsByName[network.name] = network.id }
        for id in tasks.keys.sorted(by: { taskSequence[$0]! < taskSequence[$1]! }) {
            rebuilt.tasks[id] = tasks[id]!
            rebuilt.indexTask(old: nil, new: tasks[id]!)
        }
        var violations: [String] = []
        if rebuilt.tasksByService != tasksByService { violations.append("tasksByService") }
        if rebuilt.tasksByNode != tasksByNode { violations.append("tasksByNode") }
        if rebuilt.tasksBySlot != tasksBySlot { violations.append("tasksBySlot") }
        if rebuilt.serviceIDsByName != serviceIDsByName { violations.append("serviceIDsByName") }
        if rebuilt.networkIDsByName != networkIDsByName { violations.append("networkIDsByName") }
        if rebuilt.usageByNode != usageByNode { violations.append("usageByNode") }
        if rebuilt.newTaskIDs != newTaskIDs { violations.append("newTaskIDs") }
        if rebuilt.pendingTaskIDs != pendingTaskIDs { violations.append("pendingTaskIDs") }
        if Set(taskSequence.keys) != Set(tasks.keys) { violations.append("taskSequence") }
        if Set(networkSequence.keys) != Set(networks.keys) { violations.append("networkSequence") }
        return violations
    }
}
