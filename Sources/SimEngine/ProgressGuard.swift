/// The guard against livelock: a run whose events at one instant, or within one simulated
/// second, exceed what a cluster of its size can need has stopped making progress (a timer
/// that re-arms itself at the same instant, messages bouncing with no delay), and would
/// otherwise spin forever at 100% CPU with simulated time frozen.
///
/// The budgets grow with the number of hosts and are far above what any real run needs: the
/// busiest instant of the scenario library and of the 10,000-worker benchmark stays below a
/// tenth of them. Once a budget is exceeded the engine runs `sampleSize` more events, noting
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

/// The guard's running counts, kept by the simulation.
struct ProgressCounts {
    var config: ProgressGuard
    /// `eventsProcessed` when the current instant and second began.
    var instantStart = 0
    var secondStart = 0
    /// When the current second ends (nanoseconds).
    var secondEnds: Int64 = 0
    /// The budget exceeded, while sampling.
    var exceeded: (budget: StallReport.Budget, limit: Int)?
    var sample: [String: Int] = [:]
    var sampled = 0

    init(config: ProgressGuard) {
        self.config = config
    }
}

extension Simulation {
    /// Turns the progress guard on for the rest of the run (the scenario runner does; the
    /// engine benchmark, which runs millions of events per simulated second on purpose, does not).
    public func guardProgress(_ config: ProgressGuard = ProgressGuard()) {
        progress = ProgressCounts(config: config)
        progressCheckAt = 0
        progressInstantChanged()
    }

    /// The clock moved to a new instant: the instant's count starts again, and the second's if
    /// a new one began; the next check is when either budget would be exceeded.
    func progressInstantChanged() {
        guard var counts = progress, counts.exceeded == nil else { return }
        counts.instantStart = eventsProcessed
        if now.nanoseconds >= counts.secondEnds {
            counts.secondStart = eventsProcessed
            counts.secondEnds = (now.nanoseconds / 1_000_000_000 + 1) * 1_000_000_000
        }
        progressCheckAt = min(counts.instantStart + counts.config.instantBudget(hosts: hosts.count),
                              counts.secondStart + counts.config.secondBudget(hosts: hosts.count))
        progress = counts
    }

    /// Called before the event in `slot` runs once `eventsProcessed` reached `progressCheckAt`:
    /// starts sampling when a budget is exceeded, notes the event's source while sampling, and
    /// stops the run once the sample is complete.
    func progressCheck(slot index: Int) {
        guard var counts = progress else { return }
        if counts.exceeded == nil {
            let instant = counts.config.instantBudget(hosts: hosts.count)
            if eventsProcessed - counts.instantStart >= instant {
                counts.exceeded = (.instant, instant)
            } else {
                counts.exceeded = (.second, counts.config.secondBudget(hosts: hosts.count))
            }
        }
        counts.sample[eventSource(slot: index), default: 0] += 1
        counts.sampled += 1
        if counts.sampled >= counts.config.sampleSize, let exceeded = counts.exceeded {
            let sources = counts.sample.map { StallReport.Source(name: $0.key, events: $0.value) }
                .sorted { $0.events != $1.events ? $0.events > $1.events : $0.name < $1.name }
            stall = StallReport(at: now, budget: exceeded.budget, limit: exceeded.limit, sampled: counts.sampled,
                                sources: Array(sources.prefix(5)))
            requestStop()
        }
        progress = counts
        progressCheckAt = eventsProcessed + 1
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
