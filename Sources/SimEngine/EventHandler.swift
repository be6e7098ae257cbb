/// Something that receives scheduled events without a closure allocation per event.
///
/// The hot paths (message delivery, periodic ticks) schedule `(handler, token)` pairs;
/// the handler decides what the token means.
public protocol EventHandler: AnyObject {
    /// Called when an event scheduled with this handler comes due.
    func handleEvent(token: Int)
}

/// A handler that runs one closure, made once: an object that schedules the same event again
/// and again (a periodic tick) goes through the handler path without a closure allocated per
/// event, and the closure keeps its owner's specialized code (a generic owner conforming to
/// `EventHandler` itself would be called through its unspecialized generic code).
public final class EventCallback: EventHandler {
    private let action: () -> Void

    public init(_ action: @escaping () -> Void) {
        self.action = action
    }

    public func handleEvent(token: Int) {
        action()
    }
}

/// Identifies a scheduled event so that it can be cancelled in O(1).
public struct TimerID: Hashable, Sendable {
    let slot: UInt32
    let generation: UInt32
}

/// A handler that names, for the progress guard's report, whose work one of its events does
/// (a component's type, or a message's destination). Others are named by their type.
protocol NamedEventHandler {
    func eventSource(token: Int) -> String
}
