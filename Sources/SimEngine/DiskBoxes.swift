/// The type-erased holders a `Disk` keeps its records in. Only `DiskContents` sees them, and it
/// reaches every box through a `DiskRecordID` that includes the record's type, so the downcast
/// back to the concrete box always succeeds (`unsafeDowncast` checks it in debug builds).
///
/// Boxes instead of `Any`: one allocation per write whatever its size (an `Any` boxes every
/// value or log record above three words on its own), and no dynamic cast on the way back.
/// Every box is immutable, so one box is shared by the write that carries it, the current
/// contents and the durable contents: a write costs the same whether it is applied once or
/// twice, and a crash or a flush copies no record.

/// An immutable named value.
class AnyDiskValue {}

final class DiskValueBox<Value>: AnyDiskValue {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// The records of one append (or the part of it a truncation kept), immutable.
class AnyDiskRecords {
    /// The number of records.
    let count: Int

    init(count: Int) {
        self.count = count
    }

    /// A box of the first `count` records (fewer than it holds).
    func prefix(_ count: Int) -> AnyDiskRecords { preconditionFailure("abstract") }
}

final class DiskRecordsBox<Record>: AnyDiskRecords {
    let records: [Record]

    init(_ records: [Record]) {
        self.records = records
        super.init(count: records.count)
    }

    override func prefix(_ count: Int) -> AnyDiskRecords { DiskRecordsBox(Array(records.prefix(count))) }
}

/// A log on a disk: the boxes of its appends, in order, and how many records they hold.
/// Appending adds a box, never copies a record; reading the records joins the boxes.
struct DiskLogChunks {
    private(set) var chunks: [AnyDiskRecords] = []
    private(set) var count = 0

    mutating func append(_ box: AnyDiskRecords) {
        guard box.count > 0 else { return }
        chunks.append(box)
        count += box.count
    }

    /// Keeps only the first `kept` records.
    mutating func keepFirst(_ kept: Int) {
        let kept = max(kept, 0)
        guard kept < count else { return }
        // Every box holds at least one record and they hold `count` > `kept` in all, so the
        // walk stops at the box that holds the boundary.
        var remaining = kept
        var index = 0
        while remaining >= chunks[index].count {
            remaining -= chunks[index].count
            index += 1
        }
        let boundary = chunks[index]
        chunks.removeSubrange(index...)
        if remaining > 0 { chunks.append(boundary.prefix(remaining)) }
        count = kept
    }

    /// Every record, in order.
    func records<Record>(as type: Record.Type) -> [Record] {
        if chunks.count == 1 { return unsafeDowncast(chunks[0], to: DiskRecordsBox<Record>.self).records }
        var all: [Record] = []
        all.reserveCapacity(count)
        for chunk in chunks { all.append(contentsOf: unsafeDowncast(chunk, to: DiskRecordsBox<Record>.self).records) }
        return all
    }

    /// The first record, if any.
    func first<Record>(as type: Record.Type) -> Record? {
        chunks.first.map { unsafeDowncast($0, to: DiskRecordsBox<Record>.self).records[0] }
    }
}
