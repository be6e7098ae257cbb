import Testing
@testable import Scenarios
import SimEngine
import SimModels

/// `--filter` on `docker service ps`, `docker node ls`, `docker service ls` (#15), with dockerd's
/// refusals of an unknown key or value, and the CLI's refusal of a term without `=`.
@Suite struct ListFilterWalkthroughTests {
    static let source = """
        scenario: filters
        duration: 60s
        cluster: {managers: 3, workers: 2}
        timeline:
          - at 5s: docker service create --name web --replicas 2 --update-delay 1s nginx:1.25
          - at 6s: docker service create --name worker --replicas 1 redis:7
          - at 15s: docker service update --image nginx:1.26 web
          - at 40s: docker service ps --filter desired-state=running web
          - at 41s: docker service ps -f desired-state=shutdown -q web
          - at 42s: docker node ls --filter role=manager
          - at 43s: docker node ls -f role=worker -q
          - at 44s: docker service ls --filter name=wo
          - at 45s: docker service ls --filter color=blue
            expect: error "invalid filter 'color'"
          - at 46s: docker node ls --filter role=boss
            expect: error "Invalid role filter"
          - at 47s: docker service ps --filter desired-state=sleeping web
            expect: error "Invalid desired-state filter"
        """

    /// The block of lines the timeline prints as the answer to `command`.
    static func answer(to command: String, in timeline: String) -> [String] {
        let lines = timeline.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasSuffix("cli           " + command) && !$0.contains("$ ") }) else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("      ") })
    }

    @Test func filtersKeepWhatDockerdsFiltersMatch() throws {
        let (result, timeline) = try #require(ScenarioTestSupport.run(Self.source, seed: 1))
        #expect(result.passed, "\(timeline)")
        let running = Self.answer(to: "docker service ps --filter desired-state=running web", in: timeline)
        #expect(running.count == 3, "\(running)")  // header and the two new tasks
        #expect(running.dropFirst().allSatisfy { $0.contains("nginx:1.26") && $0.contains("Running") && !$0.contains("\\_") })
        let shutdown = Self.answer(to: "docker service ps -f desired-state=shutdown -q web", in: timeline)
        #expect(shutdown.count == 2 && shutdown.allSatisfy { $0.trimmingCharacters(in: .whitespaces).count == 12 }, "\(shutdown)")
        let managers = Self.answer(to: "docker node ls --filter role=manager", in: timeline)
        #expect(managers.count == 4 && managers.dropFirst().allSatisfy { $0.contains("Leader") || $0.contains("Reachable") })
        let workers = Self.answer(to: "docker node ls -f role=worker -q", in: timeline)
        #expect(workers.count == 2, "\(workers)")
        let services = Self.answer(to: "docker service ls --filter name=wo", in: timeline)
        #expect(services.count == 2 && services[1].contains("worker") && !services.joined().contains("web"), "\(services)")
        #expect(timeline.contains("Error response from daemon: invalid filter 'color'"))
        #expect(timeline.contains("Error response from daemon: Invalid role filter: 'boss'"))
        #expect(timeline.contains("Error response from daemon: Invalid desired-state filter: 'sleeping'"))
    }

    @Test func aFilterWithoutAnEqualsSignIsTheCLIsFlagError() {
        let result = ScenarioLoader.load(source: "scenario: t\ncluster: {workers: 1}\ntimeline:\n  - at 1s: docker node ls -f role\n",
                                         file: "t.scn")
        #expect(result.scenario == nil)
        #expect(result.renderedDiagnostics.contains(#"invalid argument "role" for "-f, --filter" flag: bad format of filter (expected name=value)"#),
                "\(result.renderedDiagnostics)")
        let good = ScenarioLoader.load(source: "scenario: t\ncluster: {workers: 1}\ntimeline:\n  - at 1s: docker node ls -f ' Role = worker '\n",
                                       file: "t.scn")
        #expect(good.scenario?.timeline.first?.action == .docker(.nodeList(ListFormat(filter: ListFilter([.init(key: "role", value: "worker")])))),
                "\(good.renderedDiagnostics)")
    }
}
