/// A Lamport clock, as hashicorp/serf's `LamportClock` that NetworkDB keeps two of (one for
/// node and network events, one for table entries): `increment` for a local event, `witness`
/// for a time seen in a message.
struct LamportClock {
    private(set) var time: UInt64 = 0

    /// Moves to the next time and returns it.
    mutating func increment() -> UInt64 {
        time += 1
        return time
    }

    /// Moves past a time seen elsewhere (serf: to `seen + 1` when `seen` is not older).
    mutating func witness(_ seen: UInt64) {
        if seen >= time { time = seen + 1 }
    }
}
