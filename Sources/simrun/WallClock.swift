import Foundation

/// Wall-clock measurements. Only the command line may read the wall clock, and only for
/// `--timing` and `bench`: wall time never reaches a timeline.
struct WallClock {
    private let start = ContinuousClock.now

    /// Seconds since this clock was made.
    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The process's peak resident set size, in MiB.
    static var peakResidentMiB: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
    }
}
