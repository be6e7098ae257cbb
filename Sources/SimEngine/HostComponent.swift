/// A piece of software on one host that schedules its own work (a dispatcher, an agent, a
/// container runtime, a leader's subsystems).
///
/// Work scheduled through `Simulation.schedule(after:for:_:)` is bound twice, by construction:
/// to the host's incarnation (a crash or stop drops it, as the host's memory is lost) and to
/// the component's own life (once `isRunning` is false, it is dropped too: a dispatcher
/// stopped when its manager lost leadership never serves another batch). The event holds the
/// component strongly and hands it to the work as its argument, so the work needs no
/// `unowned` or `weak` capture of its owner: a component released while its work is pending
/// cannot be read after it was freed, and a stopped one cannot act.
public protocol HostComponent: AnyObject {
    /// The host the component runs on.
    var host: Host { get }
    /// False once the component was stopped for good; its pending work is then dropped.
    /// Components that live exactly as long as their host's incarnation answer true.
    var isRunning: Bool { get }
}

/// One piece of a component's scheduled work: the engine's handler path with the component
/// and the work as its state. Its name (`Dispatcher`, `Agent`) is what the progress guard
/// reports when a component's work floods the event queue.
final class ComponentWork<Component: HostComponent>: EventHandler, NamedEventHandler {
    private let component: Component
    private let work: (Component) -> Void

    init(_ component: Component, _ work: @escaping (Component) -> Void) {
        self.component = component
        self.work = work
    }

    func handleEvent(token: Int) {
        guard component.isRunning else { return }
        work(component)
    }

    func eventSource(token: Int) -> String { "\(Component.self)" }
}

extension Simulation {
    /// Schedules `work` for `component` after `delay`, bound to its host's current incarnation
    /// and to the component's life (`HostComponent`).
    /// - Complexity: O(log n)
    @discardableResult
    public func schedule<Component: HostComponent>(after delay: SimDuration, for component: Component,
                                                   _ work: @escaping (Component) -> Void) -> TimerID {
        schedule(at: now + timerDelay(delay, host: component.host.id), for: component, work)
    }

    /// Schedules `work` for `component` at `time` (never before now), bound as above.
    /// - Complexity: O(log n)
    @discardableResult
    public func schedule<Component: HostComponent>(at time: SimInstant, for component: Component,
                                                   _ work: @escaping (Component) -> Void) -> TimerID {
        enqueue(at: time, action: .handler(ComponentWork(component, work), 0), host: component.host.id)
    }
}
