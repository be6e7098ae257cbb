import Testing
@testable import SimEngine

/// Software that counts its timer ticks and remembers what it read from disk at boot.
private final class Ticker: HostSoftware {
    let host: Host
    let sim: Simulation
    var ticks = 0
    var bootRecords: [Int] = []
    var log: (String) -> Void

    init(host: Host, sim: Simulation, log: @escaping (String) -> Void) {
        self.host = host
        self.sim = sim
        self.log = log
    }

    func start() {
        bootRecords = host.disk.records("wal").map { $0 as! Int }
        log("boot \(host.name) sees \(bootRecords)")
        scheduleTick()
    }

    func scheduleTick() {
        sim.schedule(after: .seconds(1), host: host.id) { [self] in
            ticks += 1
            log("tick \(host.name)")
            scheduleTick()
        }
    }

    func receive(_ envelope: Envelope) {}
}

@Suite struct HostAndDiskTests {
    @Test func aCrashDropsTheHostsTimers() {
        let sim = Simulation(seed: 1)
        var lines: [String] = []
        let host = sim.addHost(named: "m1") { Ticker(host: $0, sim: sim) { lines.append($0) } }
        host.powerOn()
        sim.run(for: .milliseconds(2500))
        #expect(lines.filter { $0 == "tick m1" }.count == 2)
        host.crash()
        #expect(host.state == .crashed)
        #expect(host.software == nil)
        sim.run(for: .seconds(10))
        #expect(lines.filter { $0 == "tick m1" }.count == 2, "no tick after the crash")
    }

    @Test func aRestartSeesExactlyTheSyncedData() {
        let sim = Simulation(seed: 1)
        var lines: [String] = []
        let host = sim.addHost(named: "m1") { Ticker(host: $0, sim: sim) { lines.append($0) } }
        host.powerOn()
        host.disk.append("wal", [1, 2])
        var synced = false
        host.disk.sync { synced = true }
        host.disk.append("wal", [3])  // written after the sync started: not part of it
        sim.run(for: .microseconds(999))
        #expect(!synced, "a sync takes the disk's sync latency")
        sim.run(for: .microseconds(1))
        #expect(synced)
        host.disk.append("wal", [4])
        host.disk.sync {}
        #expect(host.disk.records("wal").map { $0 as! Int } == [1, 2, 3, 4], "reads see every write")
        host.crash()  // the second sync has not completed
        host.boot(after: .seconds(2))
        sim.run(for: .seconds(1))
        #expect(host.state == .booting)
        sim.run(for: .seconds(2))
        #expect(host.state == .up)
        #expect(lines.last { $0.hasPrefix("boot") } == "boot m1 sees [1, 2]")
        #expect(host.disk.records("wal").count == 2)
    }

    @Test func aCleanHaltKeepsEveryWrite() {
        let sim = Simulation(seed: 1)
        var lines: [String] = []
        let host = sim.addHost(named: "m1") { Ticker(host: $0, sim: sim) { lines.append($0) } }
        host.powerOn()
        host.disk.put("term", 7)
        host.disk.append("wal", [1])
        host.halt()
        #expect(host.state == .stopped)
        host.boot(after: .zero)
        sim.run(for: .milliseconds(1))
        #expect(lines.last == "boot m1 sees [1]")
        #expect(host.disk.get("term") as? Int == 7)
    }

    @Test func diskTruncateRemoveAndWipe() {
        let sim = Simulation(seed: 1)
        let host = sim.addHost(named: "m1") { _ in nil }
        host.powerOn()
        host.disk.append("wal", [1, 2, 3, 4])
        host.disk.truncate("wal", keepingFirst: 2)
        host.disk.put("a", "x")
        host.disk.remove("a")
        host.disk.put("b", "y")
        host.disk.sync {}
        sim.run(for: .seconds(1))
        host.disk.wipe()
        #expect(host.disk.get("b") == nil)
        host.crash()
        #expect(host.disk.records("wal").map { $0 as! Int } == [1, 2])
        #expect(host.disk.get("a") == nil)
        #expect(host.disk.get("b") as? String == "y")
    }
}
