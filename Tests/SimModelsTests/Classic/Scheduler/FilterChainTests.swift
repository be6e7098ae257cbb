import Testing
@testable import SimModels

/// The chain: the default order per release and 1.2's list of conditions on a failure.
@Suite struct FilterChainTests {
    typealias F = ClassicFixture

    static let docker = F.engine("docker", ip: "192.168.100.103")

    @Test func defaultOrderPerRelease() {
        #expect(FilterChain(version: .v1_1_3).description == "health, port, dependency, affinity, constraint")
        #expect(FilterChain(version: .v1_2_9).description == "health, port, containerslots, dependency, affinity, constraint, whitelist")
    }

    static func message(_ config: ClassicContainerConfig, _ engines: [ClassicEngine], _ version: ClassicSwarmVersion) -> String? {
        if case let .failure(error) = FilterChain(version: version).apply(config, F.nodes(engines), soft: true) { return error.message }
        return nil
    }

    @Test func v113ReturnsTheFailingFiltersOwnText() {
        let config = F.config(env: ["constraint:node==node-3"], ports: ["80:80"], version: .v1_1_3)
        #expect(Self.message(config, [Self.docker], .v1_1_3) == "unable to find a node that satisfies node==node-3")
    }

    @Test func v129ListsTheConditionsUpToTheFailingFilter() {
        let config = F.config(env: ["constraint:node==node-3", "affinity:com.example.x!=~true"], ports: ["80:80"])
        #expect(Self.message(config, [Self.docker], .v1_2_9) == """
            Unable to find a node that satisfies the following conditions \n[port 80 (Bridge mode)]\n[available container slots]\n[com.example.x!=true (soft=true)]\n[node==node-3]
            """)
        let web = F.engine("docker", ip: "192.168.100.103", containers: [F.container("web", ports: ["80:80"])])
        #expect(Self.message(F.config(ports: ["80:80"], links: ["db"]), [web], .v1_2_9)
                == "Unable to find a node that satisfies the following conditions \n[port 80 (Bridge mode)]")
        #expect(Self.message(F.config(links: ["db"]), [web], .v1_2_9)
                == "Unable to find a node that satisfies the following conditions \n[available container slots]\n[--link=db]")
    }

    @Test func v129NamesAFilterWhoseExpressionsDoNotParse() {
        let config = F.config(env: ["constraint:n==x"])
        #expect(Self.message(config, [Self.docker], .v1_2_9)
                == "Unable to find a node that satisfies the following conditions \n[available container slots]\nerror from constraint filter: Key 'n' is invalid")
    }

    @Test func aChosenChainRunsOnlyItsFilters() {
        let chain = FilterChain(filters: [.constraint], version: .v1_1_3)
        #expect(chain.description == "constraint")
        let web = F.engine("docker", ip: "192.168.100.103", containers: [F.container("web", ports: ["80:80"])])
        #expect(chain.apply(F.config(ports: ["80:80"]), F.nodes([web]), soft: true).map(F.names) == .success(["docker"]))
    }
}
