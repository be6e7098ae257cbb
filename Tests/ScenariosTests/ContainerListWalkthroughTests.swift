import Foundation
import Testing
@testable import Scenarios
import SimEngine

/// `docker ps` on a node lists that engine's own containers (seed 004: "docker ps on a worker
/// finds the service containers running there"; seed 002: a killed task's container is gone
/// from `docker ps`) (#15).
@Suite struct ContainerListWalkthroughTests {
    @Test func dockerPsListsTheContainersOfTheNodesOwnTasks() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run("""
            scenario: docker ps
            duration: 120s
            cluster: {managers: 1, workers: 2}
            timeline:
              - at 5s: docker service create --replicas 3 --name helloworld alpine ping docker.com
              - at 60s: docker ps
                via: w1
                expect: ok
              - at 70s: kill helloworld.2
              - at 100s: docker ps -a
                via: w1
              - at 101s: docker ps -q
                via: w2
            """, seed: 1))
        #expect(result.passed, "\(timeline)")
        let lines = timeline.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let first = try #require(lines.firstIndex { $0.hasSuffix("cli           docker ps") }, "\(timeline)")
        #expect(lines[first + 1].hasPrefix("CONTAINER ID   IMAGE     COMMAND             CREATED          STATUS          PORTS     NAMES"),
                "\(lines[first + 1])")
        let row = lines[first + 2]
        #expect(row.range(of: #"^[0-9a-f]{12}   alpine    "ping docker.com"   5\d seconds ago   Up 5\d seconds             helloworld\.\d\.[0-9a-z]{25}$"#,
                           options: .regularExpression) != nil, "\(row)")
        let all = try #require(lines.firstIndex { $0.hasSuffix("cli           docker ps -a") })
        let rows = lines[(all + 2)...].prefix { !$0.isEmpty && !$0.contains("cli") && !$0.hasPrefix("summary") }
        #expect(rows.contains { $0.contains("Exited (137) 30 seconds ago") } == timeline.contains("kill helloworld.2 (container on w1)"),
                "\(timeline)")
    }
}
