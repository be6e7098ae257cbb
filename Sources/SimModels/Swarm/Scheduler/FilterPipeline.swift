import SimEngine

/// The scheduler's filters, in pipeline order (SwarmKit `pipeline.go` `defaultFilters`, then the
/// CSI volumes filter appended in `Run`).
public enum SchedulerFilter: Int, CaseIterable, Sendable {
    case ready
    case resources
    case plugins
    case constraints
    case platform
    case hostPorts
    case maxReplicas
    case volumes

    /// SwarmKit's `Explain(nodes)` text for `nodes` failing nodes (singular for 1).
    public func explain(nodes: Int) -> String {
        let nodesText = nodes == 1 ? "1 node" : "\(nodes) nodes"
        switch self {
        case .ready: return "\(nodesText) not available for new tasks"
        case .resources: return "insufficient resources on \(nodesText)"
        case .plugins: return "missing plugin on \(nodesText)"
        case .constraints: return "scheduling constraints not satisfied on \(nodesText)"
        case .platform: return "unsupported platform on \(nodesText)"
        case .hostPorts: return "host-mode port already in use on \(nodesText)"
        case .maxReplicas: return "max replicas per node limit exceed"
        case .volumes: return "cannot fulfill requested CSI volume mounts on \(nodesText)"
        }
    }
}

/// The scheduler's view of one node: the node and what its assigned tasks use, updated as the
/// scheduler assigns tasks during a pass (SwarmKit `NodeInfo`).
public struct SchedulerNodeInfo: Sendable {
    public var node: NodeObject
    public var usage: NodeUsage

    public init(node: NodeObject, usage: NodeUsage) {
        self.node = node
        self.usage = usage
    }

    public var id: NodeID { node.id }
    public var availableNanoCPUs: Int64 { node.description.nanoCPUs - usage.reservedNanoCPUs }
    public var availableMemoryBytes: Int64 { node.description.memoryBytes - usage.reservedMemoryBytes }

    public func activeTasks(ofService id: ServiceID) -> Int { usage.activeTasksByService[id] ?? 0 }

    /// Counts a task just assigned here (SwarmKit `NodeInfo.addTask`).
    mutating func add(_ task: TaskObject) {
        usage.tasks += 1
        usage.reservedNanoCPUs += task.spec.reservations.nanoCPUs
        usage.reservedMemoryBytes += task.spec.reservations.memoryBytes
        if task.desiredState <= .complete {
            usage.activeTasks += 1
            usage.activeTasksByService[task.serviceID, default: 0] += 1
        }
        for port in task.hostPorts where port.publishMode == .host {
            if let published = port.publishedPort, published != 0 {
                usage.hostPorts[HostPort(proto: port.proto, port: published), default: 0] += 1
            }
        }
    }
}

/// The filter pipeline for one task (or group of equal tasks): each node goes through the enabled
/// filters in order and stops at the first that fails, whose count goes up; a node that passes
/// resets every count, as SwarmKit's `Pipeline.Process` does.
public struct FilterPipeline: Sendable {
    private(set) var enabled = [Bool](repeating: false, count: SchedulerFilter.allCases.count)
    public private(set) var failureCounts = [Int](repeating: 0, count: SchedulerFilter.allCases.count)
    private var constraints: [PlacementConstraint] = []
    private var reservations = Resources()
    private var hostPorts: [HostPort] = []
    private var maxReplicas = 0
    private var serviceID = ServiceID("")

    public init() {}

    /// Sets the task to check, enabling the filters that apply to it, and clears the counts.
    public mutating func setTask(_ task: TaskObject) {
        failureCounts = [Int](repeating: 0, count: SchedulerFilter.allCases.count)
        serviceID = task.serviceID
        enabled[SchedulerFilter.ready.rawValue] = true

        reservations = task.spec.reservations
        enabled[SchedulerFilter.resources.rawValue] = reservations.nanoCPUs != 0 || reservations.memoryBytes != 0

        // Plugins, platforms and CSI volumes are not modelled: those filters never apply.
        enabled[SchedulerFilter.plugins.rawValue] = false
        enabled[SchedulerFilter.platform.rawValue] = false
        enabled[SchedulerFilter.volumes.rawValue] = false

        // Invalid constraints were refused by the control API; if one slips through, SwarmKit
        // disables the filter rather than failing the task.
        constraints = []
        if !task.spec.placement.constraints.isEmpty, case let .success(parsed) = PlacementConstraint.parse(task.spec.placement.constraints) {
            constraints = parsed
        }
        enabled[SchedulerFilter.constraints.rawValue] = !constraints.isEmpty

        hostPorts = task.hostPorts.compactMap { port in
            guard port.publishMode == .host, let published = port.publishedPort, published != 0 else { return nil }
            return HostPort(proto: port.proto, port: published)
        }
        enabled[SchedulerFilter.hostPorts.rawValue] = !hostPorts.isEmpty

        maxReplicas = task.spec.placement.maxReplicasPerNode
        enabled[SchedulerFilter.maxReplicas.rawValue] = maxReplicas > 0
    }

    /// Whether the filter applies to the current task.
    public func isEnabled(_ filter: SchedulerFilter) -> Bool { enabled[filter.rawValue] }

    /// True if `node` passes every enabled filter.
    public mutating func process(_ node: SchedulerNodeInfo) -> Bool {
        for filter in SchedulerFilter.allCases where enabled[filter.rawValue] && !check(filter, node) {
            failureCounts[filter.rawValue] += 1
            return false
        }
        for i in failureCounts.indices { failureCounts[i] = 0 }
        return true
    }

    func check(_ filter: SchedulerFilter, _ info: SchedulerNodeInfo) -> Bool {
        switch filter {
        case .ready:
            return info.node.status.state == .ready && info.node.spec.availability == .active
        case .resources:
            return reservations.nanoCPUs <= info.availableNanoCPUs && reservations.memoryBytes <= info.availableMemoryBytes
        case .constraints:
            return PlacementConstraint.node(info.node, satisfies: constraints)
        case .hostPorts:
            return !hostPorts.contains { info.usage.hostPorts[$0] != nil }
        case .maxReplicas:
            return info.activeTasks(ofService: serviceID) < maxReplicas
        case .plugins, .platform, .volumes:
            return true
        }
    }

    /// The failing filters, most failures first, joined with "; " (SwarmKit `Pipeline.Explain`).
    /// SwarmKit's sort is not stable; equal counts keep pipeline order here.
    public func explain() -> String {
        SchedulerFilter.allCases
            .filter { failureCounts[$0.rawValue] > 0 }
            .enumerated()
            .sorted { a, b in
                let ca = failureCounts[a.element.rawValue], cb = failureCounts[b.element.rawValue]
                return ca != cb ? ca > cb : a.offset < b.offset
            }
            .map { $0.element.explain(nodes: failureCounts[$0.element.rawValue]) }
            .joined(separator: "; ")
    }
}
