import Testing
@testable import Scenarios
import SimEngine
import SimModels

/// The Swarm invariant: never two tasks desired RUNNING in one replicated slot, except while a
/// start-first update replaces it.
@Suite struct InvariantMonitorTests {
    private func store(order: UpdateConfig.Order, secondVersion: Int) -> ClusterStore {
        var random = RandomStream(seed: 1)
        var spec = ServiceSpec(name: "web", image: "nginx:1.25")
        spec.mode = .replicated(replicas: 1)
        spec.update.order = order
        let service = ServiceObject(id: SwarmID.generate(using: &random), spec: spec, createdAt: .zero)
        func task(version: Int) -> TaskObject {
            TaskObject(id: SwarmID.generate(using: &random), serviceID: service.id, serviceName: "web", slot: 1, nodeID: nil,
                       desiredState: .running, status: TaskStatus(state: .running, message: "started", timestamp: .zero),
                       spec: spec.task, specVersion: version, createdAt: .zero)
        }
        var store = ClusterStore()
        _ = store.apply([.createService(service), .createTask(task(version: 1)), .createTask(task(version: secondVersion))])
        return store
    }

    @Test func twoRunningTasksInOneSlotAreAViolation() {
        let found = InvariantMonitor.slotViolations(in: store(order: .stopFirst, secondVersion: 2), startFirst: StartFirstHistory())
        #expect(found.map(\.name) == ["web.1"])
        #expect(found.first?.text.hasPrefix("2 tasks desired running in slot web.1: ") == true)
    }

    @Test func aStartFirstUpdateMayRunTheOldAndTheNewTask() {
        #expect(InvariantMonitor.slotViolations(in: store(order: .startFirst, secondVersion: 2), startFirst: StartFirstHistory()).isEmpty)
        // ...but not two tasks of the same version.
        #expect(InvariantMonitor.slotViolations(in: store(order: .startFirst, secondVersion: 1), startFirst: StartFirstHistory()).count == 1)
    }

    /// SwarmKit's automatic rollback sets `spec = previousSpec` and `previousSpec = nil`
    /// (`updater.go` `rollbackUpdate`): a start-first update interrupted by it leaves the old and
    /// the new task in a slot under a stop-first spec until the rollback reaches the slot
    /// (simrun fuzz seeds 14947 and 18142). The history of applied specs remembers the order.
    @Test func aStartFirstUpdateRolledBackStillExplainsItsPair() {
        let rolledBack = store(order: .stopFirst, secondVersion: 2)
        let service = rolledBack.servicesSortedByName[0]
        #expect(InvariantMonitor.slotViolations(in: rolledBack, startFirst: StartFirstHistory()).count == 1)
        var history = StartFirstHistory()
        var updated = service
        updated.spec.update.order = .startFirst
        let entry = RaftEntry(index: 7, term: 2, payload: .command(StoreProposal(proposer: 1, sequence: 1, actions: [.updateService(updated)])))
        history.record(entry, swarm: 0)
        #expect(InvariantMonitor.slotViolations(in: rolledBack, startFirst: history).isEmpty)
        // Still one task per spec version.
        #expect(InvariantMonitor.slotViolations(in: store(order: .stopFirst, secondVersion: 1), startFirst: history).count == 1)
    }

    /// Each log index is read once, however many managers apply it.
    @Test func theHistoryReadsEachIndexOnce() {
        var history = StartFirstHistory()
        var spec = ServiceSpec(name: "web", image: "nginx:1.25")
        spec.update.order = .startFirst
        var random = RandomStream(seed: 3)
        let service = ServiceObject(id: SwarmID.generate(using: &random), spec: spec, createdAt: .zero)
        let empty = RaftEntry<StoreProposal>(index: 4, term: 1, payload: .command(StoreProposal(proposer: 1, sequence: 1, actions: [])))
        history.record(empty, swarm: 0)
        history.record(RaftEntry(index: 4, term: 1, payload: .command(StoreProposal(proposer: 1, sequence: 2, actions: [.createService(service)]))), swarm: 0)
        #expect(!history.contains(service.id))
        history.record(RaftEntry(index: 4, term: 1, payload: .command(StoreProposal(proposer: 1, sequence: 2, actions: [.createService(service)]))), swarm: 1)
        #expect(history.contains(service.id))
    }
}
