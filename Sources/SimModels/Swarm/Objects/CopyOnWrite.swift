/// The fields of a store object in one heap box shared by its copies: copying the object (store
/// changes, Raft entries, messages, sorted lists) retains the box instead of copying every
/// field. Writing copies the box first if another value shares it, so value semantics hold.
struct CopyOnWrite<Fields: Equatable & Sendable>: Equatable, @unchecked Sendable {  // a shared box is never written
    private final class Box {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The fields (no copy of the box).
    var fields: Fields { box.fields }

    /// Mutates the fields, first copying the box if another value shares it.
    mutating func update(_ body: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        body(&box.fields)
    }

    static func == (a: CopyOnWrite, b: CopyOnWrite) -> Bool {
        // Same box, same fields (no field of a store object is a floating-point value).
        a.box === b.box || a.box.fields == b.box.fields
    }
}
