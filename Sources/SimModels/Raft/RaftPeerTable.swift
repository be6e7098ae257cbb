/// A map from Raft node IDs to values, for the handful of members a Raft group has: entries are
/// kept in an array sorted by ID and found by a linear scan. For three to nine members that is
/// faster than a `Dictionary` (no hashing), and `keys` come out in ID order.
public struct RaftPeerTable<Value> {
    private var ids: [RaftNodeID] = []
    private var storedValues: [Value] = []

    public init() {}

    /// The value of `id`, if any; assigning nil removes it (inline, not through `removeValue`:
    /// that call made the leader's progress updates measurably slower).
    /// - Complexity: O(members)
    public subscript(id: RaftNodeID) -> Value? {
        get {
            guard let position = position(of: id) else { return nil }
            return storedValues[position]
        }
        set {
            if let position = position(of: id) {
                if let newValue {
                    storedValues[position] = newValue
                } else {
                    ids.remove(at: position)
                    storedValues.remove(at: position)
                }
            } else if let newValue {
                let insertion = ids.firstIndex { $0 > id } ?? ids.count
                ids.insert(id, at: insertion)
                storedValues.insert(newValue, at: insertion)
            }
        }
    }

    /// Modifies the value of `id` in place, if there is one; returns whether there was.
    @discardableResult
    public mutating func modify(_ id: RaftNodeID, _ body: (inout Value) -> Void) -> Bool {
        guard let position = position(of: id) else { return false }
        body(&storedValues[position])
        return true
    }

    /// Modifies the value of `id` in place, starting from `initial` if there is none yet.
    public mutating func modify(_ id: RaftNodeID, insertingIfAbsent initial: @autoclosure () -> Value,
                                _ body: (inout Value) -> Void) {
        if modify(id, body) { return }
        var value = initial()
        body(&value)
        self[id] = value
    }

    /// Removes the value of `id` and returns it.
    @discardableResult
    public mutating func removeValue(forKey id: RaftNodeID) -> Value? {
        guard let position = position(of: id) else { return nil }
        ids.remove(at: position)
        return storedValues.remove(at: position)
    }

    /// The IDs, in increasing order.
    public var keys: [RaftNodeID] { ids }

    /// The values, in the order of `keys`.
    public var values: [Value] { storedValues }

    public var count: Int { ids.count }

    public var isEmpty: Bool { ids.isEmpty }

    private func position(of id: RaftNodeID) -> Int? {
        var position = 0
        while position < ids.count {
            if ids[position] == id { return position }
            position += 1
        }
        return nil
    }
}

extension RaftPeerTable: Sendable where Value: Sendable {}
extension RaftPeerTable: Equatable where Value: Equatable {}
