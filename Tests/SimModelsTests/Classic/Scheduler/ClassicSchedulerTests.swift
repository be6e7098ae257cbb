import Testing
import SimEngine
@testable import SimModels

/// The two passes: soft expressions enforced, then dropped.
@Suite struct ClassicSchedulerTests {
    typealias F = ClassicFixture

    static let engines = [F.engine("docker", ip: "192.168.100.103"), F.engine("h104", ip: "192.168.100.104", engineLabels: ["storage=ssd"])]

    static func select(_ config: ClassicContainerConfig, version: ClassicSwarmVersion = .v1_1_3) -> Result<[String], SchedulingError> {
        var random = RandomStream(seed: 3)
        return ClassicScheduler(version: version).selectNodes(for: config, from: F.nodes(engines), random: &random).map(F.names)
    }

    @Test func aSoftConstraintIsHonouredWhenItCanBe() {
        #expect(Self.select(F.config(env: ["constraint:storage==~ssd"])) == .success(["h104"]))
    }

    @Test func aSoftConstraintFallsBackWhenNothingSatisfiesIt() {
        let placed = Self.select(F.config(env: ["constraint:storage==~nvme"]))
        #expect((try? placed.get())?.count == 2)
        let soft = Self.select(F.config(env: ["affinity:container==~nothing"]))
        #expect((try? soft.get())?.count == 2)
    }

    @Test func aHardConstraintFailsWithTheReleasesText() {
        #expect(Self.select(F.config(env: ["constraint:storage==nvme"], version: .v1_1_3)) == .failure(SchedulingError("unable to find a node that satisfies storage==nvme")))
        #expect(Self.select(F.config(env: ["constraint:storage==nvme"]), version: .v1_2_9)
                == .failure(SchedulingError("Unable to find a node that satisfies the following conditions \n[available container slots]\n[storage==nvme]")))
    }

    @Test func aHardAndASoftTogether() {
        // The soft one is dropped on the second pass; the hard one still holds.
        #expect(Self.select(F.config(env: ["constraint:storage==ssd", "constraint:node==~docker"])) == .success(["h104"]))
    }

    @Test func noNodesWithoutTheHealthFilter() {
        var random = RandomStream(seed: 1)
        let scheduler = ClassicScheduler(strategy: .spread, filters: FilterChain(filters: [.constraint], version: .v1_1_3))
        #expect(scheduler.selectNodes(for: F.config(), from: [], random: &random).map(F.names) == .failure(.noNodeAvailable))
        let defaults = ClassicScheduler(version: .v1_1_3)
        #expect(defaults.selectNodes(for: F.config(), from: [], random: &random).map(F.names) == .failure(.noHealthyNode))
    }

    @Test func strategiesByName() {
        #expect(PlacementStrategy(named: "binpacking") == .binpack)
        #expect(PlacementStrategy(named: "spread") == .spread)
        #expect(PlacementStrategy(named: "fill") == nil)
    }
}
