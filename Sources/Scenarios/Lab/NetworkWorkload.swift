import SimEngine

/// A randomized network workload for determinism and fault tests: hosts exchange pings and
/// echoes while the network is partitioned, isolated, cut one way, made lossy and healed,
/// and hosts crash and reboot. Every delivery and drop shows in the trace.
public final class NetworkWorkload {
    public let simulation: Simulation
    public let digest = TraceDigest()
    private var random: RandomStream
    private let hostCount: Int

    /// A message of the workload.
    struct Ping: NetworkMessage {
        var number: Int
        var isEcho: Bool
    }

    /// Software that answers pings and sends its own on a timer.
    final class Peer: HostSoftware, HostComponent {
        /// A peer lives exactly as long as its host's incarnation.
        var isRunning: Bool { true }
        /// The number of every ping sent, kept on disk to show what a crash keeps.
        static let pings = DiskLog<Int>("pings")

        unowned let workload: NetworkWorkload
        let host: Host
        var random: RandomStream
        var sentCount = 0

        init(workload: NetworkWorkload, host: Host) {
            self.workload = workload
            self.host = host
            random = workload.simulation.stream(named: "peer/\(host.name)/\(host.epoch)")
        }

        func start() {
            let stored = host.disk.recordCount(Self.pings)
            workload.simulation.emit(node: host.name, component: "peer", kind: "boot", "booted with \(stored) durable pings")
            tick()
        }

        func tick() {
            let sim = workload.simulation
            let target = random.nextInt(below: workload.hostCount)
            if target != host.id {
                sentCount += 1
                sim.network.send(Ping(number: sentCount, isEcho: false), from: host.id, to: target)
            }
            host.disk.append([sentCount], to: Self.pings)
            if random.nextBool(probability: 0.3) { host.disk.sync {} }
            sim.schedule(after: .microseconds(Int64(200 + random.nextInt(below: 2000))), for: self) { $0.tick() }
        }

        func receive(_ envelope: Envelope) {
            guard let ping = envelope.message as? Ping else { return }
            let sim = workload.simulation
            sim.emit(node: host.name, component: "peer", kind: ping.isEcho ? "echo" : "ping",
                     "\(ping.isEcho ? "echo" : "ping") \(ping.number) from \(envelope.from)")
            if !ping.isEcho {
                sim.network.send(Ping(number: ping.number, isEcho: true), from: host.id, to: envelope.from)
            }
        }
    }

    public init(seed: UInt64, hosts: Int = 8) {
        simulation = Simulation(seed: seed)
        simulation.trace.add(digest)
        random = simulation.stream(named: "workload")
        hostCount = hosts
        simulation.network.defaults = LinkParameters(latency: .milliseconds(1), jitter: .milliseconds(2), loss: 0.01)
        for index in 0..<hosts {
            simulation.addHost(named: "h\(index)") { [unowned self] host in Peer(workload: self, host: host) }
        }
        for host in simulation.hosts { host.powerOn() }
    }

    /// Runs `faults` random faults, 20 ms apart, then a quiet period; returns the trace digest.
    public func run(faults: Int) -> String {
        let sim = simulation
        for _ in 0..<faults {
            sim.run(for: .milliseconds(20))
            applyRandomFault()
        }
        sim.network.heal()
        sim.run(for: .milliseconds(200))
        sim.emit(node: "-", component: "net", kind: "summary",
                 "sent \(sim.network.sent) delivered \(sim.network.delivered) dropped \(sim.network.dropped)")
        return digest.hex
    }

    private func applyRandomFault() {
        let sim = simulation
        let a = random.nextInt(below: hostCount)
        let b = random.nextInt(below: hostCount)
        switch random.nextInt(below: 7) {
        case 0:
            var ids = Array(0..<hostCount)
            random.shuffle(&ids)
            sim.network.partition([Array(ids.prefix(hostCount / 2))])
        case 1: sim.network.isolate(a)
        case 2: sim.network.dropOneWay(from: a, to: b)
        case 3: sim.network.setLink(from: a, to: b, LinkParameters(latency: .milliseconds(5), jitter: .milliseconds(5), loss: 0.2))
        case 4: sim.hosts[a].crash()
        case 5: sim.hosts[a].boot(after: .milliseconds(10))
        default: sim.network.heal()
        }
        sim.emit(node: "-", component: "net", kind: "fault", "fault applied")
    }
}
