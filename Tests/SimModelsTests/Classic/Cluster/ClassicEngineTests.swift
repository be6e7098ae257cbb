import Testing
import SimEngine
@testable import SimModels

@Suite struct ClassicEngineTests {
    typealias F = ClassicFixture

    @Test func specsGiveIDNameResourcesAndLabels() {
        var engine = ClassicEngine(address: "192.168.100.104:2375", at: .zero)
        #expect(engine.state == .pending && engine.ip == "192.168.100.104")
        #expect(engine.applySpecs(EngineSpecs(id: "TDJN", name: "h104", cpus: 2, memory: 2 << 30, engineLabels: ["storage=ssd"])) == nil)
        #expect(engine.labels == ["executiondriver": "native-0.2", "kernelversion": "3.10.0-327.4.4.el7.x86_64",
                                  "operatingsystem": "CentOS Linux 7 (Core)", "storagedriver": "devicemapper", "storage": "ssd"])
        #expect(engine.applySpecs(EngineSpecs(id: "OTHER", name: "h104", cpus: 2, memory: 1)) ==
                "Engine (ID: TDJN, Addr: 192.168.100.104:2375) shows up with another ID:OTHER. Please remove it from cluster, it can be added back.")
        #expect(engine.state == .pending)
        #expect(engine.applySpecs(EngineSpecs(id: "TDJN", name: "h104", cpus: 0, memory: 1)) ==
                "cannot get resources for this engine, make sure 192.168.100.104:2375 is a Docker Engine, not a Swarm manager")
        #expect(engine.applySpecs(EngineSpecs(id: "TDJN", name: "h104", cpus: 2, memory: 1, engineLabels: ["novalue"])) ==
                "Engine (ID: TDJN, Addr: 192.168.100.104:2375) contains an invalid label (novalue) not formatted as \"key=value\".")
    }

    @Test func totalsIncludeTheOvercommitInIntegerArithmetic() {
        let engine = F.engine("h104", ip: "192.168.100.104", cpus: 2, memory: 2_090_000_000)
        #expect(engine.totalMemory == 2_194_500_000)
        #expect(engine.totalCpus == 2)
        var none = ClassicEngine(address: "10.0.0.1:2375", at: .zero, overcommitRatio: 0)
        _ = none.applySpecs(EngineSpecs(id: "X", name: "x", cpus: 40, memory: 100))
        #expect(none.totalCpus == 40 && none.totalMemory == 100)
        let reserved = F.engine("h104", ip: "192.168.100.104", containers: [F.container("a", memory: 256 << 20, cpus: 1), F.container("b", memory: 256 << 20)])
        #expect(reserved.usedMemory == 512 << 20 && reserved.usedCpus == 1)
    }

    @Test func refusedConnectionsMakeAnEngineUnhealthyAfterTheRetryCount() {
        var engine = F.engine("h104", ip: "192.168.100.104")
        let refused = EngineCallFailure.connectionRefused("Cannot connect to the docker engine endpoint")
        #expect(engine.recordCall(failure: refused, at: .seconds(1), version: .v1_1_3) == nil)
        #expect(engine.healthIndicator == 67 && engine.state == .healthy)
        #expect(engine.recordCall(failure: refused, at: .seconds(2), version: .v1_1_3) == nil)
        #expect(engine.healthIndicator == 34)
        #expect(engine.recordCall(failure: refused, at: .seconds(3), version: .v1_1_3) == .disconnect)
        #expect(engine.state == .unhealthy && engine.healthIndicator == 0)
        #expect(engine.lastError == "Cannot connect to the docker engine endpoint" && engine.updatedAt == .seconds(3))
        #expect(engine.recordCall(failure: refused, at: .seconds(4), version: .v1_1_3) == nil)   // one disconnect only
        #expect(engine.recordCall(failure: nil, at: .seconds(5), version: .v1_1_3) == .reconnect)
        #expect(engine.state == .healthy && engine.failureCount == 0 && engine.lastError.isEmpty && engine.updatedAt == .seconds(5))
    }

    @Test func timeoutsCountFrom12Only() {
        var old = F.engine("h104", ip: "192.168.100.104")
        var new = old
        for second in 1...3 {
            _ = old.recordCall(failure: .timedOut("request canceled"), at: .seconds(Int64(second)), version: .v1_1_3)
            _ = new.recordCall(failure: .timedOut("Cannot connect to the Docker daemon"), at: .seconds(Int64(second)), version: .v1_2_9)
        }
        #expect(old.state == .healthy && old.failureCount == 0 && old.updatedAt == .zero)
        #expect(new.state == .unhealthy)
        var other = F.engine("h104", ip: "192.168.100.104")
        #expect(other.recordCall(failure: .other("500 Internal Server Error"), at: .seconds(1), version: .v1_2_9) == nil)
        #expect(other.failureCount == 0)
    }

    @Test func duplicateIDKeepsTheEnginePendingWithSwarmsText() {
        var engine = ClassicEngine(address: "192.168.100.103:2375", at: .zero)
        _ = engine.applySpecs(EngineSpecs(id: "TDJN:N3S4", name: "docker", cpus: 2, memory: 4 << 30))
        engine.recordIDConflict(otherAddress: "192.168.100.104:2375", at: .seconds(9))
        #expect(engine.state == .pending)
        #expect(engine.lastError == "ID duplicated. TDJN:N3S4 shared by this node 192.168.100.103:2375 and another node 192.168.100.104:2375")
        #expect(engine.updatedAt == .seconds(9))
    }

    @Test func pendingEnginesAreRetriedAfterTheirBackoff() {
        var engine = ClassicEngine(address: "10.0.0.1:2375", at: .zero)
        #expect(!engine.isDueForValidation(at: .seconds(31)))
        #expect(engine.isDueForValidation(at: .milliseconds(31_001)))
        engine.failureCount = 3
        #expect(!engine.isDueForValidation(at: .seconds(38)))
        #expect(engine.isDueForValidation(at: .milliseconds(38_001)))
        engine.failureCount = 40
        #expect(engine.isDueForValidation(at: .hours(4) + .seconds(1)))
        engine.completeValidation()
        #expect(engine.state == .healthy && !engine.isDueForValidation(at: .hours(9)))
    }
}
