/// The guard against livelock: a run whose events at one instant, or within one simulated
/// second, exceed what a cluster of its size can need has stopped making progress (a timer
/// that re-arms itself at the same instant, messages bouncing with no delay), and would
/// otherwise spin forever at 100% CPU with simulated time frozen.
///
/// The budgets grow with the number of hosts and are far above what a run that progresses
/// needs: the scenario library on 1,000 seeds, 6,000 `simrun fuzz` seeds and the 1,000-worker
/// benchmark never trip them. Once a budget is exceeded the engine runs `sampleSize` more events, noting
/// whose work each one did, then stops the run with a `StallReport`.
public struct ProgressGuard: Sendable {
    /// Events one instant may take: a fixed allowance plus this much per host.
    public var eventsPerInstantBase = 20_000
    public var eventsPerInstantPerHost = 200
    /// Events one simulated second may take: a fixed allowance plus this much per host.
    public var eventsPerSecondBase = 200_000
    public var eventsPerSecondPerHost = 20_000
    /// Events looked at, once a budget is exceeded, to name the components responsible.
    public var sampleSize = 10_000

    public init() {}

    func instantBudget(hosts: Int) -> Int { eventsPerInstantBase + eventsPerInstantPerHost * hosts }
    func secondBudget(hosts: Int) -> Int { eventsPerSecondBase + eventsPerSecondPerHost * hosts }
}

/// Why and where a run stopped making progress.
public struct StallReport: Sendable, Equatable {
    /// Which budget was exceeded.
    public enum Budget: String, Sendable {
        case instant = "one instant"
        case second = "one simulated second"
    }

    /// One source of events and how many of the sampled events were its.
    public struct Source: Sendable, Equatable {
        public var name: String
        public var events: Int
    }

    /// The simulated time at which the run was stopped.
    public var at: SimInstant
    public var budget: Budget
    /// The events allowed in that instant or second.
    public var limit: Int
    /// The events sampled after the budget was exceeded.
    public var sampled: Int
    /// The sources of the sampled events, most first (at most five).
    public var sources: [Source]

    /// One line: what was exceeded and who filled it.
    public var summary: String {
        let who = sources.map { "\($0.name) (\($0.events))" }.joined(separator: ", ")
        return "the simulation stopped making progress at \(DurationFormat.secondsWithMillis(at - .zero))s: more than \(limit) events in \(budget.rawValue); "
            + "of the next \(sampled) events: \(who)"
    }
}

/// The guard's counts, kept by the simulation: plain integers, updated in place at each new
/// instant (a few operations; the run loop's only other cost is one comparison per event).
struct ProgressClock {
    var isOn = false
    /// The budgets, fixed when the guard is turned on (from the hosts there are then).
    var instantBudget = 0
    var secondBudget = 0
    /// `eventsProcessed` when the current instant and second began.
    var instantStart = 0
    var secondStart = 0
    /// When the current second ends (nanoseconds).
    var secondEnds: Int64 = 0
    var sampleSize = 0
}

/// What the guard gathers once a budget is exceeded: whose events the next ones are.
struct ProgressSample {
    var budget: StallReport.Budget
    var limit: Int
    var counts: [String: Int] = [:]
    var taken = 0
}

extension Simulation {
    /// Turns the progress guard on for the rest of the run (the scenario runner does; the
    /// engine benchmark, which runs millions of events per simulated second on purpose, does not).
    /// The budgets are those of the hosts added so far.
    public func guardProgress(_ config: ProgressGuard = ProgressGuard()) {
        progress = ProgressClock(isOn: true, instantBudget: config.instantBudget(hosts: hosts.count),
                                 secondBudget: config.secondBudget(hosts: hosts.count), sampleSize: config.sampleSize)
        progressSample = nil
        progressInstantChanged()
    }

    /// The clock moved to a new instant: the instant's count starts again, and the second's if
    /// a new one began; the next check is when either budget would be exceeded.
    @inline(__always)
    func progressInstantChanged() {
        progress.instantStart = eventsProcessed
        if now.nanoseconds >= progress.secondEnds {
            progress.secondStart = eventsProcessed
            progress.secondEnds = (now.nanoseconds / 1_000_000_000 + 1) * 1_000_000_000
        }
        progressCheckAt = min(progress.instantStart + progress.instantBudget, progress.secondStart + progress.secondBudget)
    }

    /// Called before the event in `slot` runs once `eventsProcessed` reached `progressCheckAt`:
    /// starts sampling when a budget is exceeded, notes the event's source while sampling, and
    /// stops the run once the sample is complete.
    func progressCheck(slot index: Int) {
        var sample = progressSample ?? (eventsProcessed - progress.instantStart >= progress.instantBudget
            ? ProgressSample(budget: .instant, limit: progress.instantBudget)
            : ProgressSample(budget: .second, limit: progress.secondBudget))
        progress.isOn = false  // sampling: new instants no longer move the next check
        sample.counts[eventSource(slot: index), default: 0] += 1
        sample.taken += 1
        progressSample = sample
        progressCheckAt = eventsProcessed + 1
        guard sample.taken >= progress.sampleSize else { return }
        let sources = sample.counts.map { StallReport.Source(name: $0.key, events: $0.value) }
            .sorted { $0.events != $1.events ? $0.events > $1.events : $0.name < $1.name }
        stall = StallReport(at: now, budget: sample.budget, limit: sample.limit, sampled: sample.taken,
                            sources: Array(sources.prefix(5)))
        requestStop()
    }
    /// Whose work the event in `slot` does: its handler's name and its host.
    private func eventSource(slot index: Int) -> String {
        let host = slots[index].host
        let on = host >= 0 ? " on \(hosts[Int(host)].name)" : ""
        switch slots[index].action {
        case .empty:
            return "cancelled timer\(on)"
        case let .handler(handler, token):
            if let named = handler as? NamedEventHandler { return named.eventSource(token: token) + on }
            return "\(type(of: handler))\(on)"
        case .closure:
            return host >= 0 ? "host machinery\(on)" : "timeline or client"
        }
    }
}
