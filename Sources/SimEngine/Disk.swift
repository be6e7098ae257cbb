/// A host's disk: named values and append-only logs, separating what was written from what
/// was synced. Reads see every write; a crash keeps only what a completed sync made durable.
///
/// Every record is named by a typed key (`DiskKey<Value>`, `DiskLog<Record>`) that its model
/// declares once, so what is read back is of the type written. A value never written reads as
/// nil: what that means (a new node, no identity) is for the model to say, not the disk.
public final class Disk {
    /// How long one sync takes. Syncs of one disk run one after another.
    public var syncLatency: SimDuration = Disk.defaultSyncLatency
    /// A sync's latency on a healthy disk (`disk NODE slow` changes it until `heal`).
    public static let defaultSyncLatency: SimDuration = .milliseconds(1)

    private var current = DiskContents()
    private var durable = DiskContents()
    private var unsynced: [DiskContents.Write] = []
    private var syncBusyUntil: SimInstant = .zero
    unowned let simulation: Simulation
    let host: HostID

    /// Syncs started and completed, for tests and reports.
    public private(set) var syncsCompleted = 0

    init(simulation: Simulation, host: HostID) {
        self.simulation = simulation
        self.host = host
    }

    // MARK: - Writing

    /// Writes a named value (not durable until synced).
    public func put<Value>(_ value: Value, at key: DiskKey<Value>) {
        record(.put(key.id, DiskValueBox(value)))
    }

    /// Deletes a named value (not durable until synced).
    public func remove<Value>(_ key: DiskKey<Value>) {
        record(.remove(key.id))
    }

    /// Appends records to a log (not durable until synced).
    public func append<Record>(_ records: [Record], to log: DiskLog<Record>) {
        record(.append(log.id, DiskRecordsBox(records)))
    }

    /// Keeps only the first `count` records of a log (not durable until synced).
    public func truncate<Record>(_ log: DiskLog<Record>, keepingFirst count: Int) {
        record(.truncate(log.id, count))
    }

    /// Deletes every value and log (not durable until synced).
    public func wipe() {
        record(.wipe)
    }

    private func record(_ write: DiskContents.Write) {
        current.apply(write)
        unsynced.append(write)
    }

    /// Makes every write so far durable after `syncLatency` (queued behind earlier syncs), then
    /// calls `completion`. If the host goes down first, neither happens.
    public func sync(_ completion: @escaping () -> Void) {
        let batch = unsynced
        unsynced.removeAll(keepingCapacity: true)
        let start = max(simulation.now, syncBusyUntil)
        syncBusyUntil = start + syncLatency
        simulation.schedule(after: syncBusyUntil - simulation.now, host: host) { [unowned self] in
            for write in batch { self.durable.apply(write) }
            self.syncsCompleted += 1
            completion()
        }
    }

    // MARK: - Reading

    /// The latest value written under `key`, or nil if none was (or it was removed).
    public func value<Value>(_ key: DiskKey<Value>) -> Value? {
        current.value(key)
    }

    /// Every record of a log, in order (a log never written is empty).
    public func records<Record>(_ log: DiskLog<Record>) -> [Record] {
        current.records(log)
    }

    /// The first record of a log, if it has any (without joining its records).
    public func firstRecord<Record>(_ log: DiskLog<Record>) -> Record? {
        current.firstRecord(log)
    }

    /// The number of records in a log.
    public func recordCount<Record>(_ log: DiskLog<Record>) -> Int {
        current.recordCount(log)
    }

    /// True if some write has not been synced yet.
    public var hasUnsyncedWrites: Bool { !unsynced.isEmpty }

    // MARK: - Power

    /// A crash: writes (and syncs in progress) that did not complete are lost.
    func loseUnsyncedWrites() {
        unsynced.removeAll()
        current = durable
        syncBusyUntil = simulation.now
    }

    /// A clean shutdown: the operating system flushes everything.
    func flush() {
        unsynced.removeAll()
        durable = current
        syncBusyUntil = simulation.now
    }
}
