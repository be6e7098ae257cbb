/// What the scenario generator knows of the cluster while it writes the timeline: the
/// nodes and their roles, which hosts it took down, and the services. It follows the
/// timeline's intent (a demoted manager is a worker), not the simulation's outcome: a
/// command may fail at run time (no quorum, a removed service), which is allowed.
struct FuzzWorld {
    /// One service the timeline may act on.
    struct Service {
        var name: String
        var isGlobal: Bool
        /// Replicas of a replicated service as last set.
        var replicas: Int
        var removed = false
    }

    /// Managers, in the order they became managers.
    var managers: [String] = []
    /// Workers, in the order they became workers.
    var workers: [String] = []
    /// Every node of the file, in file order; names never change.
    var nodes: [String] = []
    /// Hosts crashed or stopped and not yet restarted, in that order.
    var down: [String] = []
    /// Services deployed or created so far, in that order.
    var services: [Service] = []
    /// Services the timeline created (`c1`, `c2`...).
    var created = 0

    /// Services not removed.
    var liveServices: [Service] { services.filter { !$0.removed } }

    /// Replicated services not removed.
    var replicatedServices: [Service] { liveServices.filter { !$0.isGlobal } }

    /// Marks a host down (crash, stop) once.
    mutating func takeDown(_ node: String) {
        if !down.contains(node) { down.append(node) }
    }

    /// Marks a host up again.
    mutating func bringUp(_ node: String) {
        down.removeAll { $0 == node }
    }

    /// A worker becomes a manager (`docker node promote`).
    mutating func promote(_ node: String) {
        guard workers.contains(node) else { return }
        workers.removeAll { $0 == node }
        managers.append(node)
    }

    /// A manager becomes a worker (`docker node demote`).
    mutating func demote(_ node: String) {
        guard managers.contains(node) else { return }
        managers.removeAll { $0 == node }
        workers.append(node)
    }

    /// Sets the replicas of `name`.
    mutating func scale(_ name: String, to replicas: Int) {
        if let index = services.firstIndex(where: { $0.name == name }) { services[index].replicas = replicas }
    }

    /// Marks `name` removed.
    mutating func remove(_ name: String) {
        if let index = services.firstIndex(where: { $0.name == name }) { services[index].removed = true }
    }
}
