import Foundation  // log and log10 (libm), for memberlist's formulas
import SimEngine

/// How long a suspected member has before it is declared dead, shrinking as independent peers
/// confirm the suspicion (Lifeguard): hashicorp/memberlist `suspicion.go` (`newSuspicion`,
/// `Confirm`, `remainingSuspicionTime`) and `util.go` `suspicionTimeout`.
///
/// It starts at `max` (or at `min` when no confirmation is expected, `k` = 0) and each new
/// confirmation moves the deadline to `max − log(n+1)/log(k+1) × (max − min)` after the start,
/// never under `min`: with `min` 4 s, `max` 24 s and `k` 2, one confirmation gives 11.38 s.
struct Suspicion {
    /// Confirmations expected (`SuspicionMult − 2`, or 0 in a cluster of 3 or fewer).
    let k: Int
    let min: SimDuration
    let max: SimDuration
    let start: SimInstant
    /// Who has suspected the member so far (the first accuser included).
    private(set) var confirmations: Set<HostID>
    /// Independent confirmations counted (the first accuser not included).
    private(set) var count = 0
    /// The timer that declares the member dead.
    var timer: TimerID?

    init(from accuser: HostID, k: Int, min: SimDuration, max: SimDuration, start: SimInstant) {
        self.k = k
        self.min = min
        self.max = max
        self.start = start
        confirmations = [accuser]
    }

    /// When the member is declared dead if nothing more happens.
    var deadline: SimInstant {
        count == 0 ? start + (k < 1 ? min : max) : start + Self.timeout(confirmations: count, k: k, min: min, max: max)
    }

    /// Counts `accuser`'s suspicion; true if it was a new one (the deadline moved, and the
    /// suspicion is gossiped on).
    mutating func confirm(from accuser: HostID) -> Bool {
        guard count < k, confirmations.insert(accuser).inserted else { return false }
        count += 1
        return true
    }

    /// `remainingSuspicionTime` plus the time elapsed: the whole timeout after `n` confirmations,
    /// floored to the millisecond.
    static func timeout(confirmations n: Int, k: Int, min: SimDuration, max: SimDuration) -> SimDuration {
        let fraction = log(Double(n) + 1) / log(Double(k) + 1)
        let raw = max.seconds - fraction * (max.seconds - min.seconds)
        let timeout = SimDuration.milliseconds(Int64((1000 * raw).rounded(.down)))
        return timeout < min ? min : timeout
    }

    /// memberlist `suspicionTimeout`: `mult × max(1, log10(max(1, n))) × interval`, the scale
    /// kept to three decimals as memberlist does.
    static func minimumTimeout(mult: Int, nodes n: Int, interval: SimDuration) -> SimDuration {
        let scale = Swift.max(1.0, log10(Swift.max(1.0, Double(n))))
        return SimDuration(nanoseconds: Int64(mult) * Int64(scale * 1000) * interval.nanoseconds / 1000)
    }
}

private extension SimDuration {
    var seconds: Double { Double(nanoseconds) / 1e9 }
}
