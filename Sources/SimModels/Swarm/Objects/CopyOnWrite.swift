/// A value's fields in one heap box shared by its copies: copying the value (a store, a task,
/// a node; in store changes, Raft entries, messages, sorted lists) retains the box instead of
/// copying every field. Writing copies the box first if another value shares it, so value
/// semantics hold.
struct CopyOnWrite<Fields: Equatable & Sendable>: Equatable, @unchecked Sendable {  // a shared box is never written
    private final class Box {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The fields: read without copying the box; written in place, in a box first copied if
    /// another value shares it.
    var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    static func == (a: CopyOnWrite, b: CopyOnWrite) -> Bool {
        // Same box, same fields (no field of these values is a floating-point value).
        a.box === b.box || a.box.fields == b.box.fields
    }
}
