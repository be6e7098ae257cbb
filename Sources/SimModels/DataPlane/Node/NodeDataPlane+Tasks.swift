import SimEngine

/// The task hooks: the endpoint entries a node writes for the tasks it runs, and the networks
/// it joins for them (moby libnetwork `agent.go` `addServiceInfoToCluster`,
/// `disableServiceInNetworkDB`, `deleteServiceInfoFromCluster`; a node is on an overlay's
/// NetworkDB network while one of its containers is attached, `network.go`).
extension NodeDataPlane {
    /// What a task's controller reports (see `TaskBindingEvent`).
    public func taskEvent(_ task: TaskObject, _ event: TaskBindingEvent) {
        let id = task.id.rawValue
        switch event {
        case .containerStarted:
            localTasks[id] = task
        case .serviceEnabled:
            localTasks[id] = task
            writeEntries(of: task, enabled: true)
        case .serviceDisabled:
            guard localTasks[id] != nil else { return }
            writeEntries(of: task, enabled: false)
        case .containerExited:
            guard localTasks.removeValue(forKey: id) != nil else { return }
            deleteEntries(of: task)
        }
    }

    /// NetworkDB's network for an attachment.
    static func network(of attachment: TaskServiceEndpoint.Attachment) -> String {
        attachment.isIngress ? ingressNetwork : attachment.networkName
    }

    /// The entry of `task` on one of its networks.
    func entry(of task: TaskObject, on attachment: TaskServiceEndpoint.Attachment, enabled: Bool) -> EndpointEntry {
        let endpoint = task.serviceEndpoint ?? TaskServiceEndpoint()
        let ports: [EndpointEntry.IngressPort] = attachment.isIngress
            ? endpoint.ports.filter { $0.publishMode == .ingress }.compactMap { port in
                port.publishedPort.map { EndpointEntry.IngressPort(published: $0, target: port.targetPort, proto: port.proto) }
            }
            : []
        return EndpointEntry(serviceID: task.serviceID.rawValue, serviceName: task.serviceName, taskName: task.name,
                             containerName: "\(task.name).\(task.id.rawValue)", nodeName: host.name,
                             address: attachment.taskAddress, virtualIP: endpoint.mode == .vip ? attachment.virtualIP : "",
                             mode: endpoint.mode, ingressPorts: ports, enabled: enabled)
    }

    /// Writes (or rewrites) the task's entry on each of its networks and applies it here.
    func writeEntries(of task: TaskObject, enabled: Bool) {
        let key = task.id.rawValue
        for attachment in task.serviceEndpoint?.attachments ?? [] {
            let network = Self.network(of: attachment)
            let value = entry(of: task, on: attachment, enabled: enabled)
            if !networkDB.createEntry(table: EndpointEntry.table, network: network, key: key, value: value.encoded) {
                networkDB.updateEntry(table: EndpointEntry.table, network: network, key: key, value: value.encoded)
            } else if network != Self.ingressNetwork {
                attach(network)
            }
            table.upsert(network: network, taskID: key, entry: value, owner: host.id)
        }
    }

    /// Deletes the task's entries (gossiped as deletions) and leaves networks no local task uses.
    func deleteEntries(of task: TaskObject) {
        let key = task.id.rawValue
        for attachment in task.serviceEndpoint?.attachments ?? [] {
            let network = Self.network(of: attachment)
            guard networkDB.deleteEntry(table: EndpointEntry.table, network: network, key: key) else { continue }
            table.remove(network: network, taskID: key)
            if network != Self.ingressNetwork { detach(network) }
        }
    }

    private func attach(_ network: String) {
        if localAttachments[network, default: 0] == 0 { networkDB.joinNetwork(network) }
        localAttachments[network, default: 0] += 1
    }

    private func detach(_ network: String) {
        localAttachments[network, default: 1] -= 1
        guard localAttachments[network] == 0 else { return }
        localAttachments[network] = nil
        networkDB.leaveNetwork(network)
    }

    /// The local task whose running container binds `port` in host mode, if any.
    func hostPortTask(_ port: Int) -> TaskObject? {
        for id in localTasks.keys.sorted() {
            guard let task = localTasks[id], task.hostPorts.contains(where: { $0.publishedPort == port && $0.proto == "tcp" }),
                  node.runtime.container(id)?.isRunning == true else { continue }
            return task
        }
        return nil
    }
}
