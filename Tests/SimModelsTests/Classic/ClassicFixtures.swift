import SimEngine
@testable import SimModels

/// Small builders for classic Swarm's cluster model in tests.
enum ClassicFixture {
    static let gib: Int64 = 1 << 30

    /// A 64-hex ID derived from `seed` (stable across runs).
    static func hexID(_ seed: String) -> String {
        var stream = RandomStream(seed: 7, name: seed)
        return (0..<4).map { _ in
            let word = String(stream.next(), radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// A validated, healthy engine with the seed's engine labels.
    static func engine(_ name: String, ip: String, cpus: Int64 = 2, memory: Int64 = 2 << 30, engineLabels: [String] = [],
                       containers: [ClassicContainer] = [], images: [ClassicImage] = [], at instant: SimInstant = .zero) -> ClassicEngine {
        var engine = ClassicEngine(address: "\(ip):2375", at: instant)
        let refused = engine.applySpecs(EngineSpecs(id: "ID-" + name.uppercased(), name: name, cpus: cpus, memory: memory, engineLabels: engineLabels))
        precondition(refused == nil)
        engine.completeValidation()
        engine.containers = containers
        engine.images = images
        return engine
    }

    /// A container built through `ClassicContainerConfig.build` for v1.2.9 unless told.
    static func container(_ name: String, image: String = "hello-world", memory: Int64 = 0, cpus: Int64 = 0,
                          ports: [String] = [], labels: [String: String] = [:], network: String = "default",
                          state: ClassicContainerState = .running(since: .zero), bound: Bool = true,
                          created: SimInstant = .zero) -> ClassicContainer {
        let bindings = ports.compactMap(ClassicPortBinding.parse)
        let config = ClassicContainerConfig(image: image, labels: labels, memory: memory, cpuShares: cpus,
                                            portBindings: bindings, networkMode: network)
        return ClassicContainer(id: hexID(name), name: name, config: config, state: state, created: created,
                                boundPorts: state.isRunning && bound ? bindings : [])
    }

    static func config(_ image: String = "hello-world", env: [String] = [], labels: [String: String] = [:], memory: Int64 = 0,
                       cpus: Int64 = 0, ports: [String] = [], network: String = "default", links: [String] = [],
                       volumesFrom: [String] = [], version: ClassicSwarmVersion = .v1_2_9) -> ClassicContainerConfig {
        ClassicContainerConfig.build(
            ClassicContainerConfig(image: image, env: env, labels: labels, memory: memory, cpuShares: cpus,
                                   portBindings: ports.compactMap(ClassicPortBinding.parse), networkMode: network,
                                   links: links, volumesFrom: volumesFrom),
            version: version)
    }

    static func nodes(_ engines: [ClassicEngine]) -> [SchedulerNode] { engines.map(SchedulerNode.init(engine:)) }

    /// The names of `nodes`.
    static func names(_ nodes: [SchedulerNode]) -> [String] { nodes.map(\.name) }
}

/// Instants written as offsets from the start of a run, in tests.
extension SimInstant {
    static func seconds(_ n: Int64) -> SimInstant { .zero + .seconds(n) }
    static func milliseconds(_ n: Int64) -> SimInstant { .zero + .milliseconds(n) }
    static func hours(_ n: Int64) -> SimInstant { .zero + .hours(n) }
}
