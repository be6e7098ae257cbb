import Testing
@testable import SimEngine

/// A record that is not a plain number, as a model's would be.
private struct Ballot: Equatable {
    var term: UInt64
    var vote: UInt64?
}

/// The typed keys: what is read back is what was written, of the type written, and a crash
/// keeps only what a completed sync made durable.
@Suite struct TypedDiskTests {
    fileprivate static let ballot = DiskKey<Ballot>("ballot")
    fileprivate static let ballotNumber = DiskKey<Int>("ballot")
    fileprivate static let log = DiskLog<Ballot>("log")

    /// A running host with no software. The caller keeps `sim` alive: the disk does not.
    private func host(in sim: Simulation) -> Host {
        let host = sim.addHost(named: "m1") { _ in nil }
        host.powerOn()
        return host
    }

    @Test func aCrashBetweenWriteAndSyncLosesTheWrite() {
        let sim = Simulation(seed: 1)
        let host = host(in: sim)
        host.disk.put(Ballot(term: 1, vote: 2), at: Self.ballot)
        host.disk.append([Ballot(term: 1, vote: nil)], to: Self.log)
        host.disk.sync {}
        sim.run(for: host.disk.syncLatency)
        host.disk.put(Ballot(term: 2, vote: 3), at: Self.ballot)
        host.disk.append([Ballot(term: 2, vote: nil)], to: Self.log)
        var synced = false
        host.disk.sync { synced = true }
        #expect(host.disk.value(Self.ballot) == Ballot(term: 2, vote: 3), "reads see the write at once")
        host.crash()  // before the sync completes
        sim.run(for: .seconds(1))
        #expect(!synced)
        #expect(host.disk.value(Self.ballot) == Ballot(term: 1, vote: 2))
        #expect(host.disk.records(Self.log) == [Ballot(term: 1, vote: nil)])
    }

    @Test func aValueNeverWrittenIsNil() {
        let sim = Simulation(seed: 1)
        let host = host(in: sim)
        #expect(host.disk.value(Self.ballot) == nil)
        #expect(host.disk.records(Self.log).isEmpty)
        #expect(host.disk.recordCount(Self.log) == 0)
    }

    /// One name under two types is two records: neither is ever read as the other's type.
    @Test func oneNameOfTwoTypesIsTwoRecords() {
        let sim = Simulation(seed: 1)
        let host = host(in: sim)
        host.disk.put(Ballot(term: 4, vote: nil), at: Self.ballot)
        #expect(host.disk.value(Self.ballotNumber) == nil)
        host.disk.put(7, at: Self.ballotNumber)
        #expect(host.disk.value(Self.ballot) == Ballot(term: 4, vote: nil))
        #expect(host.disk.value(Self.ballotNumber) == 7)
    }

    /// After a crash the current contents restart from the durable ones, and later writes to
    /// them must not leak back into what is durable (the logs are boxes of their own).
    @Test func writesAfterACrashDoNotReachTheDurableCopyUnsynced() {
        let sim = Simulation(seed: 1)
        let host = host(in: sim)
        host.disk.append([Ballot(term: 1, vote: nil)], to: Self.log)
        host.disk.sync {}
        sim.run(for: host.disk.syncLatency)
        host.crash()
        host.powerOn()
        host.disk.append([Ballot(term: 2, vote: nil)], to: Self.log)
        host.crash()
        #expect(host.disk.records(Self.log) == [Ballot(term: 1, vote: nil)])
    }

    @Test func aCleanHaltKeepsUnsyncedWrites() {
        let sim = Simulation(seed: 1)
        let host = host(in: sim)
        host.disk.append([Ballot(term: 1, vote: nil)], to: Self.log)
        host.halt()
        host.powerOn()
        host.disk.append([Ballot(term: 2, vote: nil)], to: Self.log)
        host.crash()
        #expect(host.disk.records(Self.log) == [Ballot(term: 1, vote: nil)])
    }
}
