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
        simulation.schedule(at: syncBusyUntil, host: host) { [unowned self] in
            for write in batch { self.durable.apply(write) }
            self.syncsCompleted += 1
            completion()
        }
    }

    // MARK: - Reading

    /// The latest value written under `key`.
    public func get(_ key: String) -> Any? {
        current.values[key]
    }

    /// Every record of a log, in order.
    public func records(_ log: String) -> [Any] {
        current.logs[log] ?? []
    }

    /// The number of records in a log.
    public func recordCount(_ log: String) -> Int {
        current.logs[log]?.count ?? 0
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
struct DiskContents {
    enum Write {
        case put(String, Any)
        case remove(String)
        case append(String, [Any])
        case truncate(String, Int)
        case wipe
    }

    var values: [String: Any] = [:]
    var logs: [String: [Any]] = [:]

    mutating func apply(_ write: Write) {
        switch write {
        case let .put(key, value): values[key] = value
        case let .remove(key): values[key] = nil
        case let .append(log, records): logs[log, default: []].append(contentsOf: records)
        case let .truncate(log, count):
            if var records = logs[log], records.count > count {
                records.removeSubrange(max(count, 0)...)
                logs[log] = records
            }
        case .wipe:
            values.removeAll()
            logs.removeAll()
        }
    }
}
