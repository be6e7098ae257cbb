/// Receives trace events: a reporter, an expectation monitor, a digest.
public protocol TraceSink: AnyObject {
    func record(_ event: TraceEvent)
    /// Whether the sink reads events' texts (true unless it says otherwise). When no sink
    /// does, as in `simrun check` and the benchmarks, emitters skip building them.
    var readsText: Bool { get }
    /// The kinds of events the sink reads, or nil for every kind (the default). Events of
    /// kinds no sink reads are not built at all.
    var kinds: [String]? { get }
}

extension TraceSink {
    public var readsText: Bool { true }
    public var kinds: [String]? { nil }
}

/// The run's trace: models emit structured events; sinks consume them. Models never print.
public final class Trace {
    private var sinks: [(sink: TraceSink, kinds: [String]?)] = []

    /// True if some sink listens; models may skip building expensive texts otherwise.
    public var isEnabled: Bool { !sinks.isEmpty }
    /// True if some sink reads events' texts.
    public private(set) var textIsRead = false
    /// The kinds some sink reads; nil if some sink reads every kind. A short list: comparing
    /// a kind (a short literal) with a few others costs less than hashing it.
    private var kindsRead: [String]? = []

    public func add(_ sink: TraceSink) {
        let kinds = sink.kinds
        sinks.append((sink, kinds))
        textIsRead = textIsRead || sink.readsText
        if let kinds, let read = kindsRead {
            kindsRead = read + kinds.filter { !read.contains($0) }
        } else {
            kindsRead = nil
        }
    }

    func removeAllSinks() {
        sinks.removeAll()
        textIsRead = false
        kindsRead = []
    }

    /// True if some sink reads events of `kind`.
    public func reads(_ kind: String) -> Bool {
        guard let kindsRead else { return true }
        return kindsRead.contains(kind)
    }

    /// Hands an event to every sink that reads its kind, in the order they were added.
    public func emit(_ event: TraceEvent) {
        for (sink, kinds) in sinks where kinds?.contains(event.kind) ?? true { sink.record(event) }
    }
}

extension Simulation {
    /// Emits a trace event stamped with the current time. The event is built only if a sink
    /// reads its kind, and its text only if a sink reads texts.
    public func emit(node: String, component: String, kind: String, _ text: @autoclosure () -> String, fields: @autoclosure () -> [TraceField] = []) {
        guard trace.isEnabled, trace.reads(kind) else { return }
        trace.emit(TraceEvent(time: now, node: node, component: component, kind: kind, text: trace.textIsRead ? text() : "", fields: fields()))
    }
}

/// A sink that folds every event into a 64-bit FNV-1a digest: equal digests, equal traces.
public final class TraceDigest: TraceSink {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    public private(set) var count = 0

    public init() {}

    public func record(_ event: TraceEvent) {
        count += 1
        mix("\(event.time.nanoseconds)|\(event.node)|\(event.component)|\(event.kind)|\(event.text)")
        for field in event.fields { mix("|\(field.name)=\(field.value)") }
        mix("\n")
    }

    private func mix(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// The digest as 16 hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// A sink that keeps every event, for tests and observers.
public final class TraceRecorder: TraceSink {
    public private(set) var events: [TraceEvent] = []

    public init() {}

    public func record(_ event: TraceEvent) {
        events.append(event)
    }
}
