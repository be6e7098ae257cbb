import Testing
import SimEngine
@testable import SimModels
@testable import Scenarios

/// `docker ps -a` through the manager, against the seed's first listing through Swarm.
@Suite struct ClassicPsRendererTests {
    static let now = SimInstant.zero + .hours(24 * 70)
    static func ago(_ duration: SimDuration) -> SimInstant { now - duration }
    static func minutes(_ n: Int64) -> SimDuration { .seconds(60 * n) }
    static func weeks(_ n: Int64) -> SimDuration { .hours(24 * 7 * n) }

    static func container(_ id: String, _ name: String, image: String, command: [String], exposed: [String] = [],
                          published: [String] = [], created: SimDuration, state: ClassicContainerState) -> ClassicContainer {
        let bindings = published.compactMap(ClassicPortBinding.parse)
        let config = ClassicContainerConfig(image: image, command: command, portBindings: bindings, exposedPorts: exposed)
        return ClassicContainer(id: id, name: name, config: config, state: state, created: ago(created),
                                boundPorts: state.isRunning ? bindings : [])
    }

    static func engine(_ name: String, ip: String, _ containers: [ClassicContainer]) -> ClassicEngine {
        var engine = ClassicEngine(address: "\(ip):2375", at: .zero)
        _ = engine.applySpecs(EngineSpecs(id: "ID-" + name, name: name, cpus: 2, memory: 2 << 30))
        engine.completeValidation()
        engine.containers = containers
        return engine
    }

    static let consulPorts = ["53/tcp", "53/udp", "8300/tcp", "8301/tcp", "8301/udp", "8302/tcp", "8302/udp", "8400/tcp"]

    static func seedCluster() -> ClassicCluster {
        let join = ["/swarm", "join", "--advertise=192.168.100.104:2375", "consul://192.168.100.104:8500"]
        let manage = ["/swarm", "manage", "-H", ":4000", "--replication"]
        var cluster = ClassicCluster(version: .v1_1_3)
        cluster.engines = [
            engine("h104", ip: "192.168.100.104", [
                container("055469770d50aa", "sharp_engelbart", image: "swarm", command: join, exposed: ["2375/tcp"], created: minutes(38), state: .running(since: ago(minutes(38)))),
                container("a6a0adaa76a8aa", "sad_mestorf", image: "swarm", command: manage, exposed: ["2375/tcp"], published: ["4000:4000"], created: minutes(70), state: .running(since: ago(minutes(70)))),
                container("3b12ab97b20faa", "consul", image: "progrium/consul", command: ["/bin/start", "-server", "-bootstrap"], exposed: consulPorts, published: ["8500:8500"], created: .hours(18), state: .running(since: ago(minutes(80)))),
                container("236348a3c9ffaa", "jenkins01", image: "docker:5000/ci/jnkns-img2", command: ["/bin/tini", "--", "/usr/local/bin/jenkins.sh"], created: weeks(7), state: .exited(code: 143, at: ago(weeks(4)))),
            ]),
            engine("docker", ip: "192.168.100.103", [
                container("592ca6995b4daa", "suspicious_joliot", image: "swarm", command: join, exposed: ["2375/tcp"], created: minutes(37), state: .running(since: ago(minutes(37)))),
                container("de2669846044aa", "high_wright", image: "swarm", command: manage, exposed: ["2375/tcp"], published: ["4000:4000"], created: minutes(69), state: .running(since: ago(minutes(69)))),
                container("f616e3e353bcaa", "jenkins01", image: "ci-infrastructure/jnkns-img", command: ["/bin/tini", "--", "/usr/local/bin/jenkins.sh"], created: weeks(7) + .hours(1), state: .exited(code: 0, at: ago(weeks(7)))),
                container("71de3ba93794aa", "registry", image: "registry:2", command: ["/bin/registry", "/etc/docker/registry/config.yml"], published: ["5000:5000"], created: weeks(8), state: .running(since: ago(.hours(4)))),
            ]),
        ]
        return cluster
    }

    @Test func psAllMatchesTheSeed() {
        let text = ClassicPsRenderer.render(Self.seedCluster().psRows(all: true), now: Self.now)
        let expected = """
            CONTAINER ID        IMAGE                         COMMAND                  CREATED             STATUS                     PORTS                                                                                    NAMES
            592ca6995b4d        swarm                         "/swarm join --advert"   37 minutes ago      Up 37 minutes              2375/tcp                                                                                 docker/suspicious_joliot
            055469770d50        swarm                         "/swarm join --advert"   38 minutes ago      Up 38 minutes              2375/tcp                                                                                 h104/sharp_engelbart
            de2669846044        swarm                         "/swarm manage -H :40"   About an hour ago   Up About an hour           2375/tcp, 192.168.100.103:4000->4000/tcp                                                 docker/high_wright
            a6a0adaa76a8        swarm                         "/swarm manage -H :40"   About an hour ago   Up About an hour           2375/tcp, 192.168.100.104:4000->4000/tcp                                                 h104/sad_mestorf
            3b12ab97b20f        progrium/consul               "/bin/start -server -"   18 hours ago        Up About an hour           53/tcp, 53/udp, 8300-8302/tcp, 8400/tcp, 8301-8302/udp, 192.168.100.104:8500->8500/tcp   h104/consul
            236348a3c9ff        docker:5000/ci/jnkns-img2     "/bin/tini -- /usr/lo"   7 weeks ago         Exited (143) 4 weeks ago                                                                                            h104/jenkins01
            f616e3e353bc        ci-infrastructure/jnkns-img   "/bin/tini -- /usr/lo"   7 weeks ago         Exited (0) 7 weeks ago                                                                                              docker/jenkins01
            71de3ba93794        registry:2                    "/bin/registry /etc/d"   8 weeks ago         Up 4 hours                 192.168.100.103:5000->5000/tcp                                                           docker/registry
            """
        expectSameLines(text, expected)
    }

    @Test func psWithoutAllShowsRunningNonSwarmContainers() {
        let text = ClassicPsRenderer.render(Self.seedCluster().psRows(all: false), now: Self.now)
        let names = text.split(separator: "\n").dropFirst().map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(names == ["h104/consul", "docker/registry"])
    }

    @Test func anUnhealthyEnginesContainersShowHostDown() {
        var cluster = Self.seedCluster()
        for second in 1...3 { _ = cluster.engines[1].recordCall(failure: .connectionRefused("connection refused"), at: .zero + .seconds(Int64(second)), version: .v1_1_3) }
        let text = ClassicPsRenderer.render(cluster.psRows(all: true), now: Self.now)
        #expect(text.contains("8 weeks ago         Host Down "))
        #expect(!ClassicPsRenderer.render(cluster.psRows(all: false), now: Self.now).contains("docker/"))
    }
}
