import SimModels
/// The classic part of a scenario with `mode: classic` (SCENARIO_FORMAT §10): the hosts with
/// their roles, the swarm flags, the timeline and the expectations. `Scenario.classic` holds it;
/// the Swarm-mode fields of that scenario are then empty.
public struct ClassicScenario: Equatable, Sendable {
    public var settings: ClassicSettings
    /// Every host: those listed under `nodes:` with `runs:` in file order, then the generated
    /// ones (`c1..`, `m1..`, `e1..`).
    public var hosts: [ClassicHost]
    /// In time order (file order for equal times).
    public var timeline: [ClassicTimelineEntry]
    public var expectations: [ClassicExpectation]

    public init(settings: ClassicSettings = ClassicSettings(), hosts: [ClassicHost], timeline: [ClassicTimelineEntry] = [],
                expectations: [ClassicExpectation] = []) {
        self.settings = settings
        self.hosts = hosts
        self.timeline = timeline
        self.expectations = expectations
    }

    /// The hosts that run `role`, in `hosts` order.
    public func hosts(running role: ClassicRole) -> [ClassicHost] {
        hosts.filter { $0.runs(role) }
    }

    /// The host called `name`, if any.
    public func host(named name: String) -> ClassicHost? {
        hosts.first { $0.name == name }
    }
}
