/// The data on a disk: named values and append-only logs.
///
/// A disk holds a handful of names (Raft's hard state, snapshot and log, the node's identity),
/// so they are found by a scan of short arrays: comparing a few short strings costs less than
/// hashing one, and every Raft step that persists asks several times.
struct DiskContents {
    enum Write {
        case put(DiskRecordID, AnyDiskValue)
        case remove(DiskRecordID)
        case append(DiskRecordID, AnyDiskRecords)
        case truncate(DiskRecordID, Int)
        case wipe
    }

    private var valueIDs: [DiskRecordID] = []
    private var values: [AnyDiskValue] = []
    private var logIDs: [DiskRecordID] = []
    private var logs: [DiskLogChunks] = []

    /// The value written under `key`, if any.
    func value<Value>(_ key: DiskKey<Value>) -> Value? {
        guard let index = valueIDs.firstIndex(of: key.id) else { return nil }
        return unsafeDowncast(values[index], to: DiskValueBox<Value>.self).value
    }

    /// The records of `log` (empty if it has none).
    func records<Record>(_ log: DiskLog<Record>) -> [Record] {
        guard let index = logIDs.firstIndex(of: log.id) else { return [] }
        return logs[index].records(as: Record.self)
    }

    /// The first record of `log`, if it has any.
    func firstRecord<Record>(_ log: DiskLog<Record>) -> Record? {
        guard let index = logIDs.firstIndex(of: log.id) else { return nil }
        return logs[index].first(as: Record.self)
    }

    /// The number of records of `log`.
    func recordCount<Record>(_ log: DiskLog<Record>) -> Int {
        logIDs.firstIndex(of: log.id).map { logs[$0].count } ?? 0
    }

    mutating func apply(_ write: Write) {
        switch write {
        case let .put(id, value):
            if let index = valueIDs.firstIndex(of: id) {
                values[index] = value
            } else {
                valueIDs.append(id)
                values.append(value)
            }
        case let .remove(id):
            if let index = valueIDs.firstIndex(of: id) {
                valueIDs.remove(at: index)
                values.remove(at: index)
            }
        case let .append(id, records):
            if let index = logIDs.firstIndex(of: id) {
                logs[index].append(records)
            } else {
                logIDs.append(id)
                var log = DiskLogChunks()
                log.append(records)
                logs.append(log)
            }
        case let .truncate(id, count):
            if let index = logIDs.firstIndex(of: id) { logs[index].keepFirst(count) }
        case .wipe:
            valueIDs.removeAll()
            values.removeAll()
            logIDs.removeAll()
            logs.removeAll()
        }
    }
}
