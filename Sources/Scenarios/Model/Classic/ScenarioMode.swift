/// The system a scenario simulates (`mode:`): Swarm mode (the default, SCENARIO_FORMAT §3-9) or
/// classic standalone Swarm 1.x with Consul discovery (§10).
public enum ScenarioMode: String, Equatable, Sendable, CaseIterable {
    case swarm
    case classic
}
