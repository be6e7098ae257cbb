import Testing
import SimEngine
@testable import SimModels

/// Engines coming and going: pending, validated, the seed's duplicate ID, removal.
@Suite struct ClassicClusterMembershipTests {
    static func connected(_ cluster: ClassicCluster, address: String, id: String, name: String) -> ClassicEngine {
        var engine = cluster.engine(address: address)!
        _ = engine.applySpecs(EngineSpecs(id: id, name: name, cpus: 2, memory: 2 << 30))
        return engine
    }

    @Test func anAddressIsAddedOncePendingThenRegistered() {
        var cluster = ClassicCluster(version: .v1_1_3)
        let outcome1 = cluster.addEngine(address: "192.168.100.104:2375", at: .zero)
        #expect(outcome1)
        let outcome2 = cluster.addEngine(address: "192.168.100.104:2375", at: .zero)
        #expect(!outcome2)
        #expect(cluster.pendingEngines.count == 1 && cluster.engines.isEmpty)
        let h104 = Self.connected(cluster, address: "192.168.100.104:2375", id: "TDJN", name: "h104")
        let outcome3 = cluster.finishValidation(of: h104, at: .seconds(1))
        #expect(outcome3 == .registered)
        #expect(cluster.pendingEngines.isEmpty && cluster.engines.map(\.name) == ["h104"] && cluster.engines[0].state == .healthy)
        let outcome4 = cluster.addEngine(address: "192.168.100.104:2375", at: .zero)
        #expect(!outcome4)
    }

    @Test func aClonedEngineWithTheSameIDStaysPending() {
        var cluster = ClassicCluster(version: .v1_1_3)
        cluster.addEngine(address: "192.168.100.104:2375", at: .zero)
        _ = cluster.finishValidation(of: Self.connected(cluster, address: "192.168.100.104:2375", id: "TDJN:N3S4", name: "h104"), at: .zero)
        cluster.addEngine(address: "192.168.100.103:2375", at: .zero)
        let clone = Self.connected(cluster, address: "192.168.100.103:2375", id: "TDJN:N3S4", name: "docker")
        let outcome5 = cluster.finishValidation(of: clone, at: .seconds(5))
        #expect(outcome5 == .duplicateID(otherAddress: "192.168.100.104:2375"))
        let pending = cluster.pendingEngines[0]
        #expect(pending.state == .pending && pending.name == "docker")
        #expect(pending.lastError == "ID duplicated. TDJN:N3S4 shared by this node 192.168.100.103:2375 and another node 192.168.100.104:2375")
        // Listed in info, not in the totals.
        let info = cluster.info(role: .primary, name: "m", kernelVersion: "k")
        #expect(info.nodeCount == 2 && info.cpus == 2)
        // Retried after 2^0 s + 30 s idle.
        #expect(cluster.pendingEnginesDueForValidation(at: .seconds(35)).isEmpty)
        #expect(cluster.pendingEnginesDueForValidation(at: .seconds(37)) == ["192.168.100.103:2375"])
        // A fresh key.json gives a new ID, which the pending engine refuses (`updateSpecs` keeps
        // the first ID it saw) ...
        var fixed = cluster.engine(address: "192.168.100.103:2375")!
        let refused = fixed.applySpecs(EngineSpecs(id: "7DPV:ENKF", name: "docker", cpus: 2, memory: 4 << 30))
        #expect(refused == "Engine (ID: TDJN:N3S4, Addr: 192.168.100.103:2375) shows up with another ID:7DPV:ENKF. Please remove it from cluster, it can be added back.")
        // ... until discovery drops the address and lists it again.
        cluster.removeEngine(address: "192.168.100.103:2375")
        cluster.addEngine(address: "192.168.100.103:2375", at: .seconds(200))
        let renewed = Self.connected(cluster, address: "192.168.100.103:2375", id: "7DPV:ENKF", name: "docker")
        let outcome6 = cluster.finishValidation(of: renewed, at: .seconds(201))
        #expect(outcome6 == .registered)
        #expect(cluster.engines.map(\.name) == ["h104", "docker"])
    }

    @Test func theSameEngineAtItsOwnAddressIsNotRegisteredTwice() {
        var cluster = ClassicCluster(version: .v1_1_3)
        cluster.addEngine(address: "10.0.0.1:2375", at: .zero)
        let engine = Self.connected(cluster, address: "10.0.0.1:2375", id: "A", name: "e1")
        _ = cluster.finishValidation(of: engine, at: .zero)
        // A pending copy (as a race would leave) is dropped rather than duplicated.
        cluster.pendingEngines.append(engine)
        let outcome7 = cluster.finishValidation(of: engine, at: .zero)
        #expect(outcome7 == .alreadyRegistered)
        #expect(cluster.pendingEngines.isEmpty && cluster.engines.count == 1)
        var stranger = engine
        stranger.address = "10.0.0.9:2375"
        let outcome8 = cluster.finishValidation(of: stranger, at: .zero)
        #expect(outcome8 == .notPending)
    }

    @Test func removalDropsTheEngineAndItsContainers() {
        var cluster = ClassicCluster(version: .v1_1_3)
        cluster.addEngine(address: "10.0.0.1:2375", at: .zero)
        var engine = Self.connected(cluster, address: "10.0.0.1:2375", id: "A", name: "e1")
        engine.containers = [ClassicContainer(id: "c1", name: "web", config: ClassicContainerConfig(image: "nginx"), state: .running(since: .zero), created: .zero)]
        _ = cluster.finishValidation(of: engine, at: .zero)
        #expect(cluster.container("web") != nil)
        let outcome9 = cluster.removeEngine(address: "10.0.0.1:2375")
        #expect(outcome9?.name == "e1")
        #expect(cluster.container("web") == nil && cluster.engines.isEmpty)
        let outcome10 = cluster.removeEngine(address: "10.0.0.1:2375")
        #expect(outcome10 == nil)
        cluster.addEngine(address: "10.0.0.2:2375", at: .zero)
        let outcome11 = cluster.removeEngine(address: "10.0.0.2:2375")
        #expect(outcome11 != nil && cluster.pendingEngines.isEmpty)
    }
}
