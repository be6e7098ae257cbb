/// What a scheduled event does, kept in a slot table beside the heap so that the
/// heap holds only small plain values.
@usableFromInline
enum EventAction {
    case empty
    case handler(EventHandler, Int)
    case closure(() -> Void)
}

/// One entry of the slot table: the action, the generation that makes stale
/// `TimerID`s harmless, and the host incarnation that owns the event (if any).
@usableFromInline
struct EventSlot {
    @usableFromInline var action: EventAction = .empty
    @usableFromInline var generation: UInt32 = 0
    /// The owning host's index, or -1 for events that belong to no host.
    @usableFromInline var host: Int32 = -1
    /// The owner's incarnation when the event was scheduled; a crash changes it.
    @usableFromInline var hostEpoch: UInt32 = 0
}
