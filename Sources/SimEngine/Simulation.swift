/// The clock, the event loop, the seeded generator, the hosts, the network and the trace of one run.
///
/// Single-threaded by design, like SwiftNIO's `EmbeddedEventLoop`: nothing in the simulated
/// world uses threads, `async`, the wall clock or global state, which is what makes a run
/// replayable. Separate `Simulation` instances share nothing and may run on separate threads.
public final class Simulation {
    /// The current simulated time. Set before any event at that time runs; never moves back.
    public private(set) var now: SimInstant = .zero
    /// The run's seed; every random stream derives from it.
    public let seed: UInt64
    /// Events run so far (cancelled events and events of dead hosts not counted).
    public private(set) var eventsProcessed: Int = 0
    /// Told of hosts' state changes and of the network's cuts moving (the scenario layer).
    public weak var observer: EngineObserver?
    /// The hosts, indexed by `HostID`.
    public private(set) var hosts: [Host] = []
    /// Every host's `Host.liveness`, kept by the host: the event loop reads this small array
    /// instead of each host object (which is rarely in the cache).
    var hostLiveness: [UInt64] = []
    /// How many hosts' clocks do not run true (`clock NODE rate`): while none, scheduling a
    /// timer costs one check (see `timerDelay`).
    @usableFromInline var hostsWithSkewedClocks = 0
    /// The network between the hosts.
    public private(set) lazy var network = Network(simulation: self)
    /// Where models write what happened; observers and reporters read it.
    public let trace = Trace()

    @usableFromInline var queue = EventQueue()
    @usableFromInline var later = LaterEvents()
    /// The last bucket taken from `later`, sorted by `(time, sequence)`, and how much of it has
    /// run: its events come out merged with the heap's, without going through the heap.
    private var run: [QueuedEvent] = []
    private var runIndex = 0
    private var moving: [QueuedEvent] = []
    var slots = OwnedArray<EventSlot>()
    var freeSlots = OwnedArray<UInt32>()
    @usableFromInline var nextSequence: UInt64 = 0
    var instantObservers: [InstantObserver] = []
    /// Whether `wakeObservers()` was called since the observers last ran, and the first instant
    /// at which some observer is due anyway (`.zero`: every instant).
    var observersWoken = false
    var observersDue = SimInstant.zero
    private var stopRequested = false
    /// The progress guard's counts (`guardProgress` turns it on), and its sample once exceeded.
    var progress = ProgressClock()
    var progressSample: ProgressSample?
    /// `eventsProcessed` at which the progress guard looks next (never while it is off).
    var progressCheckAt = Int.max
    /// Set when the progress guard stopped the run: the run made no progress.
    public internal(set) var stall: StallReport?

    public init(seed: UInt64) {
        self.seed = seed
    }

    // MARK: - Randomness

    /// An independent random stream for a named purpose (`"raft/m1"`, `"net/w3"`):
    /// the same seed and name always give the same numbers, whatever other streams draw.
    public func stream(named name: String) -> RandomStream {
        RandomStream(seed: seed, name: name)
    }

    // MARK: - Scheduling

    /// Schedules `handler.handleEvent(token:)` at `time`; an event of `host` is dropped if that
    /// host crashes or stops before it comes due. `host` has no default: software on a host
    /// names it (so a crashed incarnation's timers never run), and only the engine's own
    /// machinery and the scenario layer pass nil.
    /// - Complexity: O(log n)
    @inlinable @discardableResult
    public func schedule(at time: SimInstant, handler: EventHandler, token: Int, host: HostID?) -> TimerID {
        enqueue(at: time, action: .handler(handler, token), host: host)
    }

    /// Schedules `handler.handleEvent(token:)` after `delay`.
    /// - Complexity: O(log n)
    @inlinable @discardableResult
    public func schedule(after delay: SimDuration, handler: EventHandler, token: Int, host: HostID?) -> TimerID {
        enqueue(at: now + timerDelay(delay, host: host), action: .handler(handler, token), host: host)
    }

    /// Schedules a closure at `time` that belongs to no host: the scenario layer's timeline and
    /// clients. Software on a host schedules through `schedule(after:for:_:)` (`HostComponent`),
    /// which binds its work to the host's incarnation and to the component's life.
    /// - Complexity: O(log n)
    @discardableResult
    public func schedule(at time: SimInstant, _ action: @escaping () -> Void) -> TimerID {
        enqueue(at: time, action: .closure(action), host: nil)
    }

    /// Schedules a closure after `delay` that belongs to no host (see `schedule(at:_:)`).
    /// - Complexity: O(log n)
    @discardableResult
    public func schedule(after delay: SimDuration, _ action: @escaping () -> Void) -> TimerID {
        enqueue(at: now + delay, action: .closure(action), host: nil)
    }

    /// Schedules a closure of the engine's own host-level machinery (a host's boot, a disk's
    /// sync), dropped if `host`'s incarnation ends first.
    /// - Complexity: O(log n)
    @discardableResult
    func schedule(after delay: SimDuration, host: HostID, _ action: @escaping () -> Void) -> TimerID {
        enqueue(at: now + delay, action: .closure(action), host: host)
    }

    /// Cancels a scheduled event; cancelling one that already ran or was cancelled does nothing.
    /// - Complexity: O(1)
    public func cancel(_ timer: TimerID) {
        let index = Int(timer.slot)
        guard index < slots.count, slots[index].generation == timer.generation else { return }
        slots[index].action = .empty
    }

    /// True if `timer` is still due to run.
    public func isPending(_ timer: TimerID) -> Bool {
        let index = Int(timer.slot)
        guard index < slots.count, slots[index].generation == timer.generation else { return false }
        if case .empty = slots[index].action { return false }
        return true
    }

    @usableFromInline
    func enqueue(at requested: SimInstant, action: consuming EventAction, host: HostID?) -> TimerID {
        let time = requested < now ? now : requested  // time never moves backwards
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = UInt32(slots.count)
            slots.append(EventSlot())
        }
        let index = Int(slot)
        slots[index].action = consume action  // moved in: no retain of the handler or closure context
        if let host {
            slots[index].host = Int32(host)
            slots[index].hostEpoch = UInt32(truncatingIfNeeded: hostLiveness[host] >> 1)
        } else {
            slots[index].host = -1
        }
        let event = QueuedEvent(time: time.nanoseconds, sequence: nextSequence, slot: slot)
        later.catchUp(to: now.nanoseconds)
        if !later.add(event) { queue.insert(event) }
        nextSequence &+= 1
        return TimerID(slot: slot, generation: slots[index].generation)
    }

    // MARK: - Running

    /// Makes `run(until:)` return after the event that is running now.
    public func requestStop() {
        stopRequested = true
    }

    /// Number of events waiting in the queue (including cancelled ones not yet popped).
    public var pendingEventCount: Int { queue.count + later.stored + run.count - runIndex }

    /// Runs every event due at or before `limit`, in `(time, sequence)` order, then sets
    /// the clock to `limit` (unless stopped early).
    public func run(until limit: SimInstant) {
        stopRequested = stall != nil
        var ranAtNow = false
        while let next = nextEvent(), next.time <= limit.nanoseconds, !stopRequested {
            if next.time != now.nanoseconds {
                if ranAtNow {
                    ranAtNow = false
                    notifyObservers()
                    continue  // an observer may have scheduled something at `now`
                }
                now = SimInstant(nanoseconds: next.time)
                if progress.isOn { progressInstantChanged() }
            }
            if runIndex < run.count && run[runIndex].sequence == next.sequence {
                runIndex += 1
            } else {
                _ = queue.removeFirst()
            }
            if eventsProcessed >= progressCheckAt { progressCheck(slot: Int(next.slot)) }
            if fire(slot: Int(next.slot)) { ranAtNow = true }
        }
        if ranAtNow { notifyObservers() }
        if !stopRequested && limit > now && limit != .distantFuture { now = limit }
    }

    /// The earliest pending event: the earlier of the heap's first and the run's next, once
    /// every bucket of later events that could hold an earlier one has been taken.
    @inline(__always)
    private func nextEvent() -> QueuedEvent? {
        while true {
            let first = earliestTaken()
            if later.stored == 0 { return first }
            if let first, first.time < later.boundary { return first }
            takeNextBucket()
        }
    }

    /// The earlier of the heap's first event and the run's next one.
    @inline(__always)
    private func earliestTaken() -> QueuedEvent? {
        guard runIndex < run.count else { return queue.first }
        let fromRun = run[runIndex]
        if let fromHeap = queue.first, QueuedEvent.precedes(fromHeap, fromRun) { return fromHeap }
        return fromRun
    }

    /// Takes the next bucket of later events as the run, sorted; cancelled ones are dropped and
    /// their slots freed instead. Every event of the run is due before the bucket's start, and
    /// a bucket is taken only once nothing taken is due before it: the run is used up by then.
    private func takeNextBucket() {
        assert(runIndex == run.count, "a bucket taken before the previous one ran")
        // In a small cluster most buckets are empty: nothing to sort, swap or give back.
        if later.nextBucketIsEmpty {
            later.skipEmptyBucket()
            return
        }
        later.takeNextBucket(into: &moving)
        var kept = 0
        for position in moving.indices {
            let event = moving[position]
            let index = Int(event.slot)
            if case .empty = slots[index].action {
                slots[index].generation &+= 1
                freeSlots.append(event.slot)
            } else {
                moving[kept] = event
                kept += 1
            }
        }
        moving.removeSubrange(kept...)
        moving.sort(by: QueuedEvent.precedes)
        swap(&run, &moving)
        runIndex = 0
        later.recycle(&moving)
    }

    /// Ends the run for good: drops every pending event, observer and trace sink, every message
    /// in flight and every host's software. Models and the simulation hold each other (software,
    /// scheduled closures, observers all lead back here), so a finished run frees its world only
    /// once these links are cut: without this, `check --seeds 1..1000` kept every world alive.
    public func tearDown() {
        instantObservers.removeAll()
        for index in 0..<slots.count { slots[index].action = .empty }
        queue = EventQueue()
        later = LaterEvents()
        run = []
        runIndex = 0
        trace.removeAllSinks()
        network.dropInFlight()
        for host in hosts { host.tearDown() }
    }

    /// Runs `duration` more of simulated time.
    public func run(for duration: SimDuration) {
        run(until: now + duration)
    }

    /// Runs the event in `slot` unless it was cancelled or its host's incarnation ended;
    /// frees the slot either way. Returns whether something ran.
    @inline(__always)
    private func fire(slot index: Int) -> Bool {
        // Moved out of the slot (leaving `.empty`), not copied: no retain/release of the
        // handler or closure context per event.
        var action = EventAction.empty
        swap(&action, &slots[index].action)
        let owner = Int(slots[index].host)
        let ownerEpoch = slots[index].hostEpoch
        slots[index].generation &+= 1
        freeSlots.append(UInt32(index))
        if owner >= 0 && hostLiveness[owner] != Host.liveness(epoch: ownerEpoch, running: true) { return false }
        switch consume action {
        case .empty:
            return false
        case let .handler(handler, token):
            eventsProcessed += 1
            handler.handleEvent(token: token)
        case let .closure(body):
            eventsProcessed += 1
            body()
        }
        return true
    }

    // MARK: - Hosts

    /// Adds a host (initially down, with an empty disk); `boot` starts it.
    /// - Parameter software: builds the host's software at each boot, from what its disk holds.
    @discardableResult
    public func addHost(named name: String, software: @escaping (Host) -> HostSoftware?) -> Host {
        let host = Host(id: hosts.count, name: name, simulation: self, makeSoftware: software)
        hosts.append(host)
        hostLiveness.append(host.liveness)
        network.hostAdded()
        return host
    }

    /// The host with that name, if any.
    public func host(named name: String) -> Host? {
        hosts.first { $0.name == name }
    }
}
