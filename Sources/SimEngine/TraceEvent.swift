/// One thing that happened, as a model reports it: structured, never pre-printed.
public struct TraceEvent: Sendable {
    /// When it happened.
    public var time: SimInstant
    /// The host it happened on (`m1`), or `-` for the world itself.
    public var node: String
    /// The component that reports it (`raft`, `dispatcher`, `agent`...).
    public var component: String
    /// A stable machine-readable kind (`raft.leader`, `task.state`...).
    public var kind: String
    /// A human sentence.
    public var text: String
    /// Extra machine-readable fields, in a fixed order.
    public var fields: [TraceField]

    public init(time: SimInstant, node: String, component: String, kind: String, text: String, fields: [TraceField] = []) {
        self.time = time
        self.node = node
        self.component = component
        self.kind = kind
        self.text = text
        self.fields = fields
    }

    /// The value of a field, if present.
    public func field(_ name: String) -> TraceField.Value? {
        fields.first { $0.name == name }?.value
    }
}

/// A named value attached to a trace event.
public struct TraceField: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        case bool(Bool)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: String) { self.name = name; self.value = .string(value) }
    public init(_ name: String, _ value: Int) { self.name = name; self.value = .int(Int64(value)) }
    public init(_ name: String, _ value: UInt64) { self.name = name; self.value = .int(Int64(bitPattern: value)) }
    public init(_ name: String, _ value: Bool) { self.name = name; self.value = .bool(value) }
}
