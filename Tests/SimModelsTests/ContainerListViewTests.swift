import Testing
@testable import SimModels
import SimEngine

/// `docker ps`'s table and STATUS texts (docker/cli container formatter, moby `State.String`).
@Suite struct ContainerListViewTests {
    static func container(_ state: Container.State, command: [String]) -> Container {
        var container = Container(id: "t1", image: "nginx:latest", serviceName: "nginx", slot: 4, state: state,
                                  behaviour: ContainerBehaviour(), stopGracePeriod: .seconds(10))
        container.engineID = "4bbc02bc426e" + String(repeating: "0", count: 52)
        container.name = "nginx.4.d8okdip767972p083tix4dk7d"
        container.command = command
        container.createdAt = SimInstant(nanoseconds: 0)
        container.startedAt = SimInstant(nanoseconds: 1_000_000_000)
        return container
    }

    @Test func aRunningContainerAsSeed002ShowsIt() {
        let running = Self.container(.running, command: ["nginx", "-g", "daemon off;"])
        #expect(ContainerListView.render([running], now: SimInstant(nanoseconds: 241_000_000_000), all: false, quiet: false) == """
            CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS         PORTS     NAMES
            4bbc02bc426e   nginx:latest   "nginx -g 'daemon of…"   4 minutes ago   Up 4 minutes             nginx.4.d8okdip767972p083tix4dk7d
            """)
    }

    @Test func exitedContainersShowOnlyWithAll() {
        var exited = Self.container(.exited(code: 137), command: [])
        exited.finishedAt = SimInstant(nanoseconds: 30_000_000_000)
        let now = SimInstant(nanoseconds: 35_000_000_000)
        #expect(ContainerListView.render([exited], now: now, all: false, quiet: true) == "")
        #expect(ContainerListView.status(exited, now: now) == "Exited (137) 5 seconds ago")
        #expect(ContainerListView.status(Self.container(.created, command: []), now: now) == "Created")
        #expect(ContainerListView.quoted(#"sh -c "echo \ hi""#) == #""sh -c \"echo \\ hi\"""#)
    }
}
