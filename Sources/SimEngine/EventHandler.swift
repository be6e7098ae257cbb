/// Something that receives scheduled events without a closure allocation per event.
///
/// The hot paths (message delivery, periodic ticks) schedule `(handler, token)` pairs;
/// the handler decides what the token means.
public protocol EventHandler: AnyObject {
    /// Called when an event scheduled with this handler comes due.
    func handleEvent(token: Int)
}

/// Identifies a scheduled event so that it can be cancelled in O(1).
public struct TimerID: Hashable, Sendable {
    let slot: UInt32
    let generation: UInt32
}
