import SimEngine

/// SwarmKit's scheduler (`manager/scheduler/scheduler.go`), as a value the leader runs: it reads
/// the PENDING tasks of the committed store and returns assignments and status updates.
///
/// - Pre-assigned (global) tasks are validated first on their node: "scheduler confirmed task
///   can run on preassigned node", or left PENDING with the pipeline's explanation in `err`.
/// - Unassigned tasks are grouped by (service, spec version); each group shares one filter
///   pipeline and one decision tree (spread preferences), and goes through
///   `scheduleNTasksOnNodes`: nodes best-first, keep assigning to the current node while the next
///   one is not strictly better, then round-robin, dropping nodes that stop passing.
/// - Tasks that fit nowhere stay PENDING with "no suitable node (...)" and are retried at the next
///   pass; a status write happens only if state, message or error change.
///
/// Ranking (`nodeLess`): if either node has at least 5 failures of this service and spec
/// version within 5 minutes, fewer failures wins; then fewer active tasks of this service; then
/// fewer active tasks in total. SwarmKit breaks remaining ties by Go map order (random); here
/// they are broken by node ID so that runs are reproducible. Likewise task groups are taken
/// oldest first, tasks in creation order, and spread branches in label-value order.
///
/// The shell debounces calls (50 ms after a commit, at most 1 s) and calls `observe` after
/// every applied batch so that the scheduler knows when something changed.
public struct Scheduler: Sendable {
    /// `maxFailures`: failures within `monitorFailures` that down-weight a node.
    public static let maxFailures = 5
    public static let monitorFailures = SimDuration.minutes(5)

    struct FailureKey: Hashable, Sendable {
        var serviceID: ServiceID
        var specVersion: Int
    }

    /// Recent failure times per node and (service, spec version), oldest first.
    var recentFailures: [NodeID: [FailureKey: [SimInstant]]] = [:]
    /// Set when a change may let a pending task fit (SwarmKit's `tickRequired`).
    public private(set) var tickRequired = true
    var pipeline = FilterPipeline()

    public init() {}

    /// Whether a pass could do something: a relevant change happened and tasks are pending.
    public func wantsToRun(store: ClusterStore) -> Bool {
        tickRequired && store.hasPendingTasks
    }

    // MARK: - Events

    /// Takes note of committed changes: marks a pass as needed when tasks become pending, when
    /// resources are freed or when nodes change, and records task failures for the ranking.
    public mutating func observe(_ changes: [StoreChange], now: SimInstant) {
        for change in changes {
            switch change {
            case let .taskCreated(task):
                if task.status.state == .pending { tickRequired = true }
            case let .taskUpdated(old, new):
                if new.status.state == .pending { tickRequired = true }
                if old.status.state <= .running && new.status.state > .running {
                    if old.status.state >= .pending { tickRequired = true }
                    if new.status.state != old.status.state, new.status.state == .failed || new.status.state == .rejected,
                       old.status.state >= .pending, let node = new.nodeID {
                        recordFailure(node: node, serviceID: new.serviceID, specVersion: new.specVersion, at: now)
                    }
                }
            case let .taskDeleted(task):
                if ClusterStore.consumesNode(task) { tickRequired = true }
            case .nodeCreated, .nodeUpdated:
                tickRequired = true
            default:
                break
            }
        }
    }

    /// Records that a task of (service, spec version) failed on `node` at `at`.
    public mutating func recordFailure(node: NodeID, serviceID: ServiceID, specVersion: Int, at: SimInstant) {
        let key = FailureKey(serviceID: serviceID, specVersion: specVersion)
        var times = recentFailures[node]?[key] ?? []
        times.removeAll { at - $0 >= Self.monitorFailures }
        times.append(at)
        recentFailures[node, default: [:]][key] = times
    }

    /// Failures of (service, spec version) on `node` within the last 5 minutes.
    public func recentFailureCount(node: NodeID, serviceID: ServiceID, specVersion: Int, now: SimInstant) -> Int {
        let key = FailureKey(serviceID: serviceID, specVersion: specVersion)
        guard let times = recentFailures[node]?[key] else { return 0 }
        return times.reduce(0) { $0 + (now - $1 > Self.monitorFailures ? 0 : 1) }
    }

    // MARK: - A pass

    /// The working state of one pass: node views updated as tasks get assigned, and the output.
    struct Pass {
        var infos: [NodeID: SchedulerNodeInfo]
        var nodeIDs: [NodeID]
        var actions: [StoreAction] = []
        let now: SimInstant
    }

    /// Runs one scheduling pass over the PENDING tasks of `store`.
    /// - Complexity: O(nodes + pending tasks) per task group, plus sorting.
    public mutating func schedule(store: ClusterStore, now: SimInstant) -> [StoreAction] {
        tickRequired = false
        let pending = store.pendingTasks
        guard !pending.isEmpty else { return [] }

        let nodes = store.nodesSorted
        var infos: [NodeID: SchedulerNodeInfo] = [:]
        infos.reserveCapacity(nodes.count)
        for node in nodes { infos[node.id] = SchedulerNodeInfo(node: node, usage: store.usage(ofNode: node.id)) }
        var pass = Pass(infos: infos, nodeIDs: nodes.map(\.id), now: now)

        // Pre-assigned tasks first: global services should start before other tasks.
        for task in pending where task.nodeID != nil {
            processPreassigned(task, &pass)
        }

        // Group the rest by (service, spec version), oldest group first.
        var groups: [FailureKey: [TaskObject]] = [:]
        var order: [FailureKey] = []
        for task in pending where task.nodeID == nil {
            let key = FailureKey(serviceID: task.serviceID, specVersion: task.specVersion)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(task)
        }
        for key in order {
            scheduleGroup(groups[key]!, store: store, &pass)
        }
        return pass.actions
    }

    mutating func processPreassigned(_ task: TaskObject, _ pass: inout Pass) {
        guard let nodeID = task.nodeID, var info = pass.infos[nodeID] else {
            // The node is gone; the global orchestrator shuts the task down.
            return
        }
        pipeline.setTask(task)
        if pipeline.process(info) {
            var status = TaskStatus(state: .assigned, message: "scheduler confirmed task can run on preassigned node", timestamp: pass.now)
            status.err = ""
            pass.actions.append(.assignTask(task.id, nodeID, status))
            var assigned = task
            assigned.status = status
            info.add(assigned)
            pass.infos[nodeID] = info
        } else {
            var status = task.status
            status.err = pipeline.explain()
            writeIfChanged(task, status, &pass)
        }
    }

    func writeIfChanged(_ task: TaskObject, _ status: TaskStatus, _ pass: inout Pass) {
        guard status.state != task.status.state || status.message != task.status.message || status.err != task.status.err else { return }
        var stamped = status
        stamped.timestamp = pass.now
        pass.actions.append(.updateTaskStatus(task.id, stamped))
    }

    // MARK: - Task groups

    /// Tasks of one group not yet placed, consumed in order.
    struct GroupQueue {
        var tasks: [TaskObject]
        var next = 0
        var remaining: Int { tasks.count - next }
        mutating func pop() -> TaskObject? {
            guard next < tasks.count else { return nil }
            defer { next += 1 }
            return tasks[next]
        }
    }

    mutating func scheduleGroup(_ tasks: [TaskObject], store: ClusterStore, _ pass: inout Pass) {
        let representative = tasks[0]
        pipeline.setTask(representative)
        let ranking = Ranking(scheduler: self, serviceID: representative.serviceID,
                              specVersion: representative.specVersion, now: pass.now)
        var tree = buildTree(for: representative, maxAssignments: tasks.count, ranking: ranking, &pass)
        var queue = GroupQueue(tasks: tasks)
        _ = scheduleOnSubtree(tasks.count, &queue, &tree, ranking, &pass)
        if queue.remaining > 0 {
            noSuitableNode(&queue, store: store, &pass)
        }
    }

    /// SwarmKit's `nodeLess` for one task group, plus a node-ID tie-break for sorting.
    struct Ranking {
        let failures: [NodeID: Int]
        let serviceID: ServiceID

        init(scheduler: Scheduler, serviceID: ServiceID, specVersion: Int, now: SimInstant) {
            var failures: [NodeID: Int] = [:]
            for node in scheduler.recentFailures.keys {
                let count = scheduler.recentFailureCount(node: node, serviceID: serviceID, specVersion: specVersion, now: now)
                if count > 0 { failures[node] = count }
            }
            self.failures = failures
            self.serviceID = serviceID
        }

        /// True if `a` is strictly better than `b` (SwarmKit `nodeLess`).
        func less(_ a: SchedulerNodeInfo, _ b: SchedulerNodeInfo) -> Bool {
            let fa = failures[a.id] ?? 0, fb = failures[b.id] ?? 0
            if fa >= Scheduler.maxFailures || fb >= Scheduler.maxFailures {
                if fa > fb { return false }
                if fb > fa { return true }
            }
            let sa = a.activeTasks(ofService: serviceID), sb = b.activeTasks(ofService: serviceID)
            if sa != sb { return sa < sb }
            return a.usage.activeTasks < b.usage.activeTasks
        }

        /// `less`, then node ID: a total order for sorting.
        func ordered(_ a: SchedulerNodeInfo, _ b: SchedulerNodeInfo) -> Bool {
            if less(a, b) { return true }
            if less(b, a) { return false }
            return a.id < b.id
        }
    }

    // MARK: - Decision tree (placement preferences)

    /// SwarmKit's `decisionTree`: one level per spread preference, keyed by label value; `tasks`
    /// counts the service's active tasks under the branch (as built, never updated).
    struct DecisionTree {
        var tasks = 0
        var next: [String: DecisionTree]?
        /// Leaf only: nodes that passed the pipeline, best first.
        var nodes: [NodeID] = []
        var visited = false
    }

    mutating func buildTree(for task: TaskObject, maxAssignments: Int, ranking: Ranking, _ pass: inout Pass) -> DecisionTree {
        var root = DecisionTree()
        guard maxAssignments > 0 else { return root }
        let descriptors = task.spec.placement.spreadOver
        for id in pass.nodeIDs {
            let info = pass.infos[id]!
            var path: [String] = []
            for descriptor in descriptors {
                if let label = PlacementConstraint.suffix(of: descriptor, after: PlacementConstraint.nodeLabelPrefix) {
                    path.append(info.node.spec.labels[label: label] ?? "")
                } else if let label = PlacementConstraint.suffix(of: descriptor, after: PlacementConstraint.engineLabelPrefix) {
                    path.append(info.node.description.engineLabels[label: label] ?? "")
                }
                // Other descriptors are not supported and add no level.
            }
            let passes = pipeline.process(info)
            Self.insert(id, path: path[...], serviceTasks: info.activeTasks(ofService: task.serviceID), passes: passes, into: &root)
        }
        Self.sortLeaves(&root, ranking: ranking, infos: pass.infos, keep: maxAssignments)
        return root
    }

    static func insert(_ id: NodeID, path: ArraySlice<String>, serviceTasks: Int, passes: Bool, into tree: inout DecisionTree) {
        tree.tasks += serviceTasks
        guard let value = path.first else {
            if passes { tree.nodes.append(id) }
            return
        }
        if tree.next == nil { tree.next = [:] }
        if tree.next![value] == nil { tree.next![value] = DecisionTree() }
        insert(id, path: path.dropFirst(), serviceTasks: serviceTasks, passes: passes, into: &tree.next![value]!)
    }

    static func sortLeaves(_ tree: inout DecisionTree, ranking: Ranking, infos: [NodeID: SchedulerNodeInfo], keep: Int) {
        if tree.next != nil {
            for key in tree.next!.keys.sorted() {
                sortLeaves(&tree.next![key]!, ranking: ranking, infos: infos, keep: keep)
            }
            return
        }
        tree.nodes.sort { ranking.ordered(infos[$0]!, infos[$1]!) }
        if tree.nodes.count > keep { tree.nodes.removeLast(tree.nodes.count - keep) }
    }

    /// SwarmKit `scheduleNTasksOnSubtree`: split `n` tasks over the branches so that each has
    /// (existing + new) / branches of the service's tasks, the remainder one each; branches that
    /// run out of room are dropped and the rest share their part.
    mutating func scheduleOnSubtree(_ n: Int, _ queue: inout GroupQueue, _ tree: inout DecisionTree,
                                    _ ranking: Ranking, _ pass: inout Pass) -> Int {
        guard tree.next != nil else {
            let nodes = orderedNodes(&tree, ranking, &pass)
            if nodes.isEmpty { return 0 }
            return scheduleOnNodes(n, &queue, nodes, ranking, &pass)
        }
        let keys = tree.next!.keys.sorted()
        var scheduled = 0
        var tasksInUsableBranches = tree.tasks
        var noRoom: Set<String> = []
        while scheduled != n && noRoom.count != keys.count {
            let usable = keys.count - noRoom.count
            let desiredPerBranch = (tasksInUsableBranches + n - scheduled) / usable
            var remainder = (tasksInUsableBranches + n - scheduled) % usable
            for key in keys where !noRoom.contains(key) {
                let subtreeTasks = tree.next![key]!.tasks
                guard subtreeTasks < desiredPerBranch || (subtreeTasks == desiredPerBranch && remainder > 0) else { continue }
                var toAssign = desiredPerBranch - subtreeTasks
                if remainder > 0 { toAssign += 1 }
                let placed = scheduleOnSubtree(toAssign, &queue, &tree.next![key]!, ranking, &pass)
                if placed < toAssign {
                    noRoom.insert(key)
                    tasksInUsableBranches -= subtreeTasks
                } else if remainder > 0 {
                    remainder -= 1
                }
                scheduled += placed
            }
        }
        return scheduled
    }

    /// A leaf's nodes best first; on a second visit they are re-ranked with what was assigned
    /// since and re-checked against the pipeline (SwarmKit `orderedNodes`).
    mutating func orderedNodes(_ leaf: inout DecisionTree, _ ranking: Ranking, _ pass: inout Pass) -> [NodeID] {
        if leaf.visited {
            leaf.nodes = leaf.nodes.filter { pipeline.process(pass.infos[$0]!) }
            let infos = pass.infos
            leaf.nodes.sort { ranking.ordered(infos[$0]!, infos[$1]!) }
        }
        leaf.visited = true
        return leaf.nodes
    }

    /// SwarmKit `scheduleNTasksOnNodes`.
    mutating func scheduleOnNodes(_ n: Int, _ queue: inout GroupQueue, _ nodes: [NodeID],
                                  _ ranking: Ranking, _ pass: inout Pass) -> Int {
        var scheduled = 0
        var failed = Set<Int>()
        var iter = 0
        let count = nodes.count
        while let task = queue.pop() {
            let nodeID = nodes[iter % count]
            var status = TaskStatus(state: .assigned, message: "scheduler assigned task to node", timestamp: pass.now)
            status.err = ""
            pass.actions.append(.assignTask(task.id, nodeID, status))
            var assigned = task
            assigned.nodeID = nodeID
            assigned.status = status
            pass.infos[nodeID]!.add(assigned)
            scheduled += 1
            if scheduled == n { return scheduled }

            if iter + 1 < count {
                // First pass: fill nodes until they have as many tasks of this service as the next.
                if ranking.less(pass.infos[nodes[(iter + 1) % count]]!, pass.infos[nodeID]!) { iter += 1 }
            } else {
                // Later passes: one task at a time to each node that still passes.
                iter += 1
            }
            let start = iter
            while failed.contains(iter % count) || !pipeline.process(pass.infos[nodes[iter % count]]!) {
                failed.insert(iter % count)
                iter += 1
                if iter - start == count { return scheduled }
            }
        }
        return scheduled
    }

    /// SwarmKit `noSuitableNode`: the rest of the group stays PENDING with the explanation, except
    /// tasks of an older spec version already desired SHUTDOWN, which are moved to SHUTDOWN.
    func noSuitableNode(_ queue: inout GroupQueue, store: ClusterStore, _ pass: inout Pass) {
        let explanation = pipeline.explain()
        while let task = queue.pop() {
            guard let service = store.service(task.serviceID) else { continue }
            var status = task.status
            if service.specVersion > task.specVersion {
                guard task.status.state == .pending && task.desiredState >= .shutdown else { continue }
                status.state = .shutdown
                status.err = ""
            } else {
                status.err = explanation.isEmpty ? "no suitable node" : "no suitable node (\(explanation))"
            }
            writeIfChanged(task, status, &pass)
        }
    }
}
