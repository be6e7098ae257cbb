/// The name of a value kept on a `Disk`, bound to the value's type: `disk.value(key)` can only
/// return a `Value`, and `disk.put(_:at:)` only accepts one, so a record cannot be read back as
/// another type. The model that owns the record declares its key once, as a constant.
public struct DiskKey<Value>: Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    /// Where the disk keeps it: the name and the type together, so that two keys of one name
    /// but different types are two records, never one read as the other's type.
    var id: DiskRecordID { DiskRecordID(type: ObjectIdentifier(Value.self), name: name) }
}

/// The name of an append-only log kept on a `Disk`, bound to its records' type (see `DiskKey`).
public struct DiskLog<Record>: Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    var id: DiskRecordID { DiskRecordID(type: ObjectIdentifier(Record.self), name: name) }
}

/// A record's identity on a disk: its name and the type of what it holds. The disk's storage
/// is keyed by it, which is what makes its unchecked downcasts safe.
struct DiskRecordID: Equatable {
    /// First, so that `==` tells most records apart by one pointer comparison.
    var type: ObjectIdentifier
    var name: String
}
