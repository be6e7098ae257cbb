/// A host's disk: named values and append-only logs, separating what was written from what
/// was synced. Reads see every write; a crash keeps only what a completed sync made durable.
public final class Disk {
    /// How long one sync takes. Syncs of one disk run one after another.
    public var syncLatency: SimDuration = .milliseconds(1)

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
    public func put(_ key: String, _ value: Any) {
        record(.put(key, value))
    }

    /// Deletes a named value (not durable until synced).
    public func remove(_ key: String) {
        record(.remove(key))
    }

    /// Appends records to a log (not durable until synced).
    public func append(_ log: String, _ records: [Any]) {
        record(.append(log, records))
    }

    /// Keeps only the first `count` records of a log (not durable until synced).
    public func truncate(_ log: String, keepingFirst count: Int) {
        record(.truncate(log, count))
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

    /// The latest value written under `key`.
    public func get(_ key: String) -> Any? {
        current.value(key)
    }

    /// Every record of a log, in order.
    public func records(_ log: String) -> [Any] {
        current.records(log)
    }

    /// The number of records in a log.
    public func recordCount(_ log: String) -> Int {
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
        for write in unsynced { durable.apply(write) }
        unsynced.removeAll()
        durable = current
        syncBusyUntil = simulation.now
    }
}

/// The data on a disk: named values and append-only logs.
///
/// A disk holds a handful of names (Raft's hard state, snapshot and log, the node's identity),
/// so they are found by a scan of short arrays: comparing a few short strings costs less than
/// hashing one, and every Raft step that persists asks several times.
struct DiskContents {
    enum Write {
        case put(String, Any)
        case remove(String)
        case append(String, [Any])
        case truncate(String, Int)
        case wipe
    }

    private var valueNames: [String] = []
    private var values: [Any] = []
    private var logNames: [String] = []
    private var logs: [[Any]] = []

    /// The value written under `name`, if any.
    func value(_ name: String) -> Any? {
        valueNames.firstIndex(of: name).map { values[$0] }
    }

    /// The records of the log `name` (empty if it has none).
    func records(_ name: String) -> [Any] {
        logNames.firstIndex(of: name).map { logs[$0] } ?? []
    }

    /// The number of records of the log `name`.
    func recordCount(_ name: String) -> Int {
        logNames.firstIndex(of: name).map { logs[$0].count } ?? 0
    }

    mutating func apply(_ write: Write) {
        switch write {
        case let .put(name, value):
            if let index = valueNames.firstIndex(of: name) {
                values[index] = value
            } else {
                valueNames.append(name)
                values.append(value)
            }
        case let .remove(name):
            if let index = valueNames.firstIndex(of: name) {
                valueNames.remove(at: index)
                values.remove(at: index)
            }
        case let .append(name, records):
            if let index = logNames.firstIndex(of: name) {
                logs[index].append(contentsOf: records)
            } else {
                logNames.append(name)
                logs.append(records)
            }
        case let .truncate(name, count):
            if let index = logNames.firstIndex(of: name), logs[index].count > count {
                logs[index].removeSubrange(max(count, 0)...)
            }
        case .wipe:
            valueNames.removeAll()
            values.removeAll()
            logNames.removeAll()
            logs.removeAll()
        }
    }
}
