import Testing
@testable import Scenarios

/// The engine's benchmark workloads (`simrun bench hold`, `simrun bench network`).
@Suite struct EngineWorkloadTests {
    @Test func holdModelRunsTheRequestedNumberOfEvents() {
        let model = HoldModel(seed: 5, pending: 100, events: 10_000)
        #expect(model.run() == 10_000)
    }

    @Test func theSameSeedGivesTheSameWorkloadDigestInProcess() {
        let a = NetworkWorkload(seed: 5).run(faults: 50)
        let b = NetworkWorkload(seed: 5).run(faults: 50)
        let c = NetworkWorkload(seed: 6).run(faults: 50)
        #expect(a == b)
        #expect(a != c)
    }
}
