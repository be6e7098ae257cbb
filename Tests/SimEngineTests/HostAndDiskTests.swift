import Testing
@testable import SimEngine

/// The records these tests keep, typed as a model declares its own.
private let wal = DiskLog<Int>("wal")
private let term = DiskKey<Int>("term")
private let a = DiskKey<String>("a")
private let b = DiskKey<String>("b")

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
        bootRecords = host.disk.records(wal)
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
        host.disk.append([1, 2], to: wal)
        var synced = false
        host.disk.sync { synced = true }
        host.disk.append([3], to: wal)  // written after the sync started: not part of it
        sim.run(for: .microseconds(999))
        #expect(!synced, "a sync takes the disk's sync latency")
        sim.run(for: .microseconds(1))
        #expect(synced)
        host.disk.append([4], to: wal)
        host.disk.sync {}
        #expect(host.disk.records(wal) == [1, 2, 3, 4], "reads see every write")
        host.crash()  // the second sync has not completed
        host.boot(after: .seconds(2))
        sim.run(for: .seconds(1))
        #expect(host.state == .booting)
        sim.run(for: .seconds(2))
        #expect(host.state == .up)
        #expect(lines.last { $0.hasPrefix("boot") } == "boot m1 sees [1, 2]")
        #expect(host.disk.records(wal).count == 2)
    }

    @Test func aCleanHaltKeepsEveryWrite() {
        let sim = Simulation(seed: 1)
        var lines: [String] = []
        let host = sim.addHost(named: "m1") { Ticker(host: $0, sim: sim) { lines.append($0) } }
        host.powerOn()
        host.disk.put(7, at: term)
        host.disk.append([1], to: wal)
        host.halt()
        #expect(host.state == .stopped)
        host.boot(after: .zero)
        sim.run(for: .milliseconds(1))
        #expect(lines.last == "boot m1 sees [1]")
        #expect(host.disk.value(term) == 7)
    }

    @Test func diskTruncateRemoveAndWipe() {
        let sim = Simulation(seed: 1)
        let host = sim.addHost(named: "m1") { _ in nil }
        host.powerOn()
        host.disk.append([1, 2, 3, 4], to: wal)
        host.disk.truncate(wal, keepingFirst: 2)
        host.disk.put("x", at: a)
        host.disk.remove(a)
        host.disk.put("y", at: b)
        host.disk.sync {}
        sim.run(for: .seconds(1))
        host.disk.wipe()
        #expect(host.disk.value(b) == nil)
        host.crash()
        #expect(host.disk.records(wal) == [1, 2])
        #expect(host.disk.value(a) == nil)
        #expect(host.disk.value(b) == "y")
    }

    /// A log kept as the boxes of its appends: truncating inside one box, or at a boundary,
    /// keeps exactly the first records; the durable copy shares the boxes and is not changed by
    /// what happens to the current one afterwards.
    @Test func truncationAcrossAppendsKeepsTheFirstRecordsAndSparesTheDurableLog() {
        let sim = Simulation(seed: 1)
        let host = sim.addHost(named: "m1") { _ in nil }
        host.powerOn()
        host.disk.append([1, 2], to: wal)
        host.disk.append([3], to: wal)
        host.disk.append([4, 5, 6], to: wal)
        host.disk.sync {}
        sim.run(for: .seconds(1))
        host.disk.truncate(wal, keepingFirst: 4)
        #expect(host.disk.records(wal) == [1, 2, 3, 4])
        #expect(host.disk.recordCount(wal) == 4 && host.disk.firstRecord(wal) == 1)
        host.disk.append([7], to: wal)
        host.disk.truncate(wal, keepingFirst: 3)
        host.disk.append([8, 9], to: wal)
        #expect(host.disk.records(wal) == [1, 2, 3, 8, 9])
        host.disk.truncate(wal, keepingFirst: 0)
        #expect(host.disk.records(wal).isEmpty && host.disk.firstRecord(wal) == nil)
        host.crash()
        #expect(host.disk.records(wal) == [1, 2, 3, 4, 5, 6], "the synced log, untouched by later truncations")
    }
}
