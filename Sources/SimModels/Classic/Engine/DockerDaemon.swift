import SimEngine

/// A Docker engine (`docker daemon -H tcp://0.0.0.0:2375`, Docker 1.9 in the seed): its ID, its
/// containers and images, kept on the host's disk (`/var/lib/docker`), and the API calls classic
/// Swarm makes to it. The daemon can stop while the host stays up (`kill engine@NODE`): its
/// containers exit with it and its port refuses connections until it starts again.
///
/// Containers carry no restart policy (the seed runs `swarm` and Consul without `--restart`),
/// so a daemon that starts again, or a host that boots, finds them exited.
public final class DockerDaemon {
    /// What the daemon keeps on disk.
    struct Persisted: Sendable {
        var engineID: String
        var containers: [ClassicContainer]
        var images: [ClassicImage]
    }

    /// The machine the daemon reports in `Info`.
    public struct Machine: Sendable {
        public var name: String
        public var cpus: Int64
        public var memory: Int64
        /// `--label key=value`.
        public var labels: [String]
        /// key.json's ID; nil draws one on first boot (a cloned VM shares its source's).
        public var engineID: String?
        public var serverVersion: String

        public init(name: String, cpus: Int64, memory: Int64, labels: [String] = [], engineID: String? = nil,
                    serverVersion: String = "1.9.1") {
            self.name = name
            self.cpus = cpus
            self.memory = memory
            self.labels = labels
            self.engineID = engineID
            self.serverVersion = serverVersion
        }
    }

    static let diskKey = DiskKey<Persisted>("docker")
    /// Images whose container exits as soon as it has run (`hello-world` prints and exits 0).
    static let briefImages: Set<String> = ["hello-world", "hello-world:latest"]
    /// The exit code of a container stopped by `docker stop` or by the daemon's shutdown
    /// (SIGTERM: 128 + 15).
    static let stopExitCode = 143

    let host: Host
    let simulation: Simulation
    public let machine: Machine
    public private(set) var isRunning = false
    private var state: Persisted
    private var random: RandomStream
    /// Called when a container stops running (its process ended), with its ID.
    var onExit: (String) -> Void = { _ in }

    init(host: Host, simulation: Simulation, machine: Machine) {
        self.host = host
        self.simulation = simulation
        self.machine = machine
        random = simulation.stream(named: "docker/\(host.name)/\(host.epoch)")
        if let saved = host.disk.value(Self.diskKey) {
            state = saved
        } else {
            state = Persisted(engineID: machine.engineID ?? Self.keyID(&random), containers: [], images: [])
        }
    }

    /// The engine's ID (key.json's `kid`): twelve groups of four base32 characters.
    static func keyID(_ random: inout RandomStream) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return (0..<12).map { _ in String((0..<4).map { _ in alphabet[random.nextInt(below: 32)] }) }.joined(separator: ":")
    }

    public var engineID: String { state.engineID }
    public var containers: [ClassicContainer] { state.containers }

    // MARK: - Life

    /// The daemon starts: containers found on disk that ran are exited (no restart policy).
    func start() {
        isRunning = true
        let now = simulation.now
        for index in state.containers.indices where state.containers[index].state.isRunning {
            state.containers[index].state = .exited(code: 255, at: now)
            state.containers[index].boundPorts = []
        }
        save()
    }

    /// The daemon stops: every running container exits with it.
    func stop() {
        guard isRunning else { return }
        let running = state.containers.filter(\.state.isRunning).map(\.id)
        for id in running { exit(id, code: Self.stopExitCode) }
        isRunning = false
    }

    private func save() {
        host.disk.put(state, at: Self.diskKey)
        host.disk.sync {}
    }

    // MARK: - Local use (the host's own `docker run`)

    /// Creates and starts a container (`docker run -d`); its ID.
    func run(_ config: ClassicContainerConfig, name: String?) -> String? {
        guard case .created(let id) = create(config, name: name), case .done = startContainer(id) else { return nil }
        return id
    }

    /// `docker rm -f`.
    func forceRemove(_ id: String) { _ = remove(id, force: true) }

    // MARK: - API

    /// Serves one API call.
    func serve(_ request: EngineRequest) -> EngineResponse {
        switch request {
        case .info:
            let specs = EngineSpecs(id: state.engineID, name: machine.name, cpus: machine.cpus, memory: machine.memory,
                                    engineLabels: machine.labels, serverVersion: machine.serverVersion)
            return .info(specs, images: state.images)
        case .containers:
            return .containers(state.containers)
        case .create(let config, let name):
            return create(config, name: name)
        case .start(let id):
            return startContainer(id)
        case .stop(let id):
            guard let index = index(id) else { return noSuchContainer(id) }
            if state.containers[index].state.isRunning { exit(state.containers[index].id, code: Self.stopExitCode) }
            return .done
        case .remove(let id, let force):
            return remove(id, force: force)
        }
    }

    private func index(_ idOrName: String) -> Int? {
        state.containers.firstIndex { $0.id == idOrName || $0.names.contains("/" + idOrName) }
            ?? state.containers.firstIndex { $0.id.hasPrefix(idOrName) }
    }

    private func noSuchContainer(_ id: String) -> EngineResponse { .error(status: 404, text: "no such id: \(id)") }

    private func create(_ config: ClassicContainerConfig, name: String?) -> EngineResponse {
        let name = name.flatMap { $0.isEmpty ? nil : $0 } ?? uniqueGeneratedName()
        if let taken = state.containers.first(where: { $0.names.contains("/" + name) }) {
            return .error(status: 409, text: "Conflict. The name \"\(name)\" is already in use by container \(taken.id). You have to remove (or rename) that container to be able to reuse that name.")
        }
        pull(config.image)
        var id = ""
        repeat { id = hexID() } while state.containers.contains { $0.id == id }
        state.containers.append(ClassicContainer(id: id, name: name, config: config, state: .created, created: simulation.now))
        save()
        return .created(id: id)
    }

    private func uniqueGeneratedName() -> String {
        while true {
            let name = DockerNames.random(&random)
            if !state.containers.contains(where: { $0.names.contains("/" + name) }) { return name }
        }
    }

    private func pull(_ image: String) {
        let tagged = image.contains(":") ? image : image + ":latest"
        guard !state.images.contains(where: { $0.repoTags.contains(tagged) }) else { return }
        state.images.append(ClassicImage(id: hexID(), repoTags: [tagged]))
    }

    private func hexID() -> String {
        (0..<4).map { _ in
            let word = String(random.next(), radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    private func startContainer(_ id: String) -> EngineResponse {
        guard let index = index(id) else { return noSuchContainer(id) }
        let container = state.containers[index]
        if container.state.isRunning { return .done }
        for binding in container.config.portBindings where !binding.hostPort.isEmpty {
            let inUse = state.containers.contains { other in
                other.state.isRunning && other.boundPorts.contains { $0.hostPort == binding.hostPort && ($0.bindsAllInterfaces || binding.bindsAllInterfaces || $0.hostIP == binding.hostIP) }
            }
            if inUse {
                return .error(status: 500, text: "Cannot start container \(container.id): Bind for 0.0.0.0:\(binding.hostPort) failed: port is already allocated")
            }
        }
        let now = simulation.now
        state.containers[index].state = .running(since: now)
        state.containers[index].boundPorts = container.config.portBindings
        save()
        if Self.briefImages.contains(container.config.image) {
            // hello-world prints its message and exits 0.
            simulation.schedule(after: .milliseconds(100), for: DaemonWork(daemon: self)) { work in
                work.daemon.finishBrief(container.id)
            }
        }
        return .done
    }

    private func finishBrief(_ id: String) {
        guard isRunning, let index = index(id), state.containers[index].state.isRunning else { return }
        exit(id, code: 0)
    }

    private func exit(_ id: String, code: Int) {
        guard let index = state.containers.firstIndex(where: { $0.id == id }) else { return }
        state.containers[index].state = .exited(code: code, at: simulation.now)
        state.containers[index].boundPorts = []
        save()
        onExit(id)
    }

    private func remove(_ id: String, force: Bool) -> EngineResponse {
        guard let index = index(id) else { return noSuchContainer(id) }
        let container = state.containers[index]
        if container.state.isRunning {
            guard force else {
                return .error(status: 409, text: "Conflict, You cannot remove a running container. Stop the container before attempting removal or use -f")
            }
            exit(container.id, code: 137)
        }
        state.containers.removeAll { $0.id == container.id }
        save()
        return .done
    }
}

/// Work a daemon schedules for itself: alive while the daemon runs, on its host's incarnation.
final class DaemonWork: HostComponent {
    let daemon: DockerDaemon
    var host: Host { daemon.host }
    var isRunning: Bool { daemon.isRunning }
    init(daemon: DockerDaemon) { self.daemon = daemon }
}
