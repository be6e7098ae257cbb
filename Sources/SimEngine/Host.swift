/// A host's index in its simulation.
public typealias HostID = Int

/// Whether a host is running.
public enum HostState: String, Sendable {
    /// Running its software.
    case up
    /// Stopped at once: volatile state and unsynced writes are gone.
    case crashed
    /// Shut down cleanly: every write reached the disk.
    case stopped
    /// Powered on, the software not yet started.
    case booting
}

/// The software a host runs (in simrun, one `SwarmNode`). Built anew at every boot from
/// the host's disk; dropped, with all its volatile state, when the host goes down.
public protocol HostSoftware: AnyObject {
    /// The host finished booting; start timers, read the disk.
    func start()
    /// A message arrived from the network.
    func receive(_ envelope: Envelope)
}

/// A simulated machine: a name, a state, a disk and, while up, its software.
public final class Host {
    public let id: HostID
    public let name: String
    public private(set) var state: HostState = .stopped {
        didSet {
            simulation.hostLiveness[id] = liveness
            simulation.observer?.hostStateChanged(id)
        }
    }
    /// The incarnation: changes at every crash or stop, so events and messages of an
    /// earlier incarnation are dropped instead of reaching the new one.
    public private(set) var epoch: UInt32 = 0 {
        didSet { simulation.hostLiveness[id] = liveness }
    }

    /// The incarnation and whether it runs (up or booting), in one word: what the event loop
    /// checks before every event the host owns (see `Simulation.hostLiveness`).
    var liveness: UInt64 { Self.liveness(epoch: epoch, running: state == .up || state == .booting) }

    static func liveness(epoch: UInt32, running: Bool) -> UInt64 {
        UInt64(epoch) << 1 | (running ? 1 : 0)
    }

    /// The host's persistent storage; survives crashes (minus what was not synced).
    public let disk: Disk
    /// The running software, or nil while the host is down or booting.
    public private(set) var software: HostSoftware?
    /// How long a boot takes.
    public var bootDelay: SimDuration = .seconds(1)
    /// The machine's clock (`clock NODE ...` faults); survives crashes and restarts.
    public internal(set) var clock = HostClock()
    /// Set by `disk NODE wipe`: the disk is lost, and the next boot starts from an empty one.
    public var wipesDiskAtNextBoot = false

    unowned let simulation: Simulation
    private var makeSoftware: (Host) -> HostSoftware?

    init(id: HostID, name: String, simulation: Simulation, makeSoftware: @escaping (Host) -> HostSoftware?) {
        self.id = id
        self.name = name
        self.simulation = simulation
        self.makeSoftware = makeSoftware
        self.disk = Disk(simulation: simulation, host: id)
    }

    /// True while the host runs its software.
    public var isUp: Bool { state == .up }

    /// Powers the host on; after `bootDelay` (or `delay`) its software starts from the disk.
    public func boot(after delay: SimDuration? = nil) {
        guard state == .crashed || state == .stopped else { return }
        state = .booting
        simulation.schedule(after: delay ?? bootDelay, host: id) { [unowned self] in
            self.replaceWipedDisk()
            self.state = .up
            self.software = self.makeSoftware(self)
            self.software?.start()
        }
    }

    /// Starts the host at once, with no boot delay (used to build the initial cluster).
    public func powerOn() {
        guard state == .crashed || state == .stopped else { return }
        replaceWipedDisk()
        state = .up
        software = makeSoftware(self)
        software?.start()
    }

    /// Stops the host at once: its software, its timers and its unsynced writes are lost.
    public func crash() {
        guard state == .up || state == .booting else { return }
        epoch &+= 1
        state = .crashed
        software = nil
        disk.loseUnsyncedWrites()
    }

    /// Drops the software, and what builds it, without a state change (the run is over, see
    /// `Simulation.tearDown`).
    func tearDown() {
        software = nil
        makeSoftware = { _ in nil }
    }

    /// Shuts the host down cleanly: pending writes reach the disk, then it stops.
    /// (Stopping containers first is the software's job, before it calls this.)
    public func halt() {
        guard state == .up || state == .booting else { return }
        epoch &+= 1
        state = .stopped
        software = nil
        disk.flush()
    }
}
