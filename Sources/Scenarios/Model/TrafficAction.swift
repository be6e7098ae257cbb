import SimEngine

/// A timeline action that sends traffic through the data plane (SCENARIO_FORMAT §9) and prints
/// what came back, as the user's terminal would.
public enum TrafficAction: Equatable, Sendable {
    /// `curl NODE:PORT [--max-time D]`: one request from outside to a node's published port.
    case curl(node: NodeReference, port: Int, maxTime: SimDuration?)
    /// `docker exec TASK ping -c N NAME`: from a task's container, resolve the name, then send
    /// N echo requests one second apart.
    case ping(from: TaskReference, count: Int, name: String)
    /// `docker exec TASK nslookup NAME`: the addresses the task's node's embedded DNS returns.
    case nslookup(from: TaskReference, name: String)

    /// The action's name as the user types it, for messages.
    public var name: String {
        switch self {
        case .curl: "curl"
        case .ping: "docker exec ping"
        case .nslookup: "docker exec nslookup"
        }
    }
}
