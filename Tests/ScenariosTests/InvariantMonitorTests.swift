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
        let found = InvariantMonitor.slotViolations(in: store(order: .stopFirst, secondVersion: 2))
        #expect(found.map(\.name) == ["web.1"])
        #expect(found.first?.text.hasPrefix("2 tasks desired running in slot web.1: ") == true)
    }

    @Test func aStartFirstUpdateMayRunTheOldAndTheNewTask() {
        #expect(InvariantMonitor.slotViolations(in: store(order: .startFirst, secondVersion: 2)).isEmpty)
        // ...but not two tasks of the same version.
        #expect(InvariantMonitor.slotViolations(in: store(order: .startFirst, secondVersion: 1)).count == 1)
    }
}
