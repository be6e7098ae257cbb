/// The type-erased holders a `Disk` keeps its records in. Only `DiskContents` sees them, and it
/// reaches every box through a `DiskRecordID` that includes the record's type, so the downcast
/// back to the concrete box always succeeds (`unsafeDowncast` checks it in debug builds).
///
/// Boxes instead of `Any`: one allocation per write whatever its size (an `Any` boxes every
/// value or log record above three words on its own), and no dynamic cast on the way back.

/// An immutable named value. Shared by the current contents, the durable contents and the
/// unsynced write that carries it, since nobody changes it.
class AnyDiskValue {}

final class DiskValueBox<Value>: AnyDiskValue {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// A log's records. Mutable: each `DiskContents` owns its own boxes (see `copy()`), while an
/// unsynced append carries a box of the appended records that nobody mutates.
class AnyDiskRecords {
    /// The number of records.
    var count: Int { preconditionFailure("abstract") }

    /// A box of its own with the same records (an array copy on write: cheap until changed).
    func copy() -> AnyDiskRecords { preconditionFailure("abstract") }

    /// Appends the records of `other`, a box of the same type.
    func append(contentsOf other: AnyDiskRecords) { preconditionFailure("abstract") }

    /// Keeps only the first `count` records.
    func keepFirst(_ count: Int) { preconditionFailure("abstract") }
}

final class DiskRecordsBox<Record>: AnyDiskRecords {
    var records: [Record]

    init(_ records: [Record]) {
        self.records = records
    }

    override var count: Int { records.count }

    override func copy() -> AnyDiskRecords { DiskRecordsBox(records) }

    override func append(contentsOf other: AnyDiskRecords) {
        records.append(contentsOf: unsafeDowncast(other, to: DiskRecordsBox<Record>.self).records)
    }

    override func keepFirst(_ count: Int) {
        if records.count > count { records.removeSubrange(max(count, 0)...) }
    }
}
