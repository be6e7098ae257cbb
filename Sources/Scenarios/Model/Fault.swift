import SimEngine

/// A fault or change of environment of the timeline (SCENARIO_FORMAT §5).
public enum Fault: Equatable, Sendable {
    /// `crash NODE`: the host stops at once; volatile state is lost.
    case crash(NodeReference)
    /// `restart NODE`: the host boots again; the engine restarts from its disk.
    case restart(NodeReference)
    /// `stop NODE`: a clean shutdown (containers stopped, then the host).
    case stop(NodeReference)
    /// `partition A B | C D`: the groups as written; unlisted nodes form one more group.
    case partition([[NodeReference]])
    /// `isolate NODE`: cut one node off from every other.
    case isolate(NodeReference)
    /// `heal`: remove every partition, isolation, one-way drop, latency and loss override
    /// (links return to `cluster.network`) and image-pull failure.
    case heal
    /// `drop A -> B`: one-way loss of every message from A to B, until `heal`.
    case drop(from: NodeReference, to: NodeReference)
    /// `latency A B 200ms` / `latency * 200ms`: the one-way latency, both directions.
    case latency(LinkSelector, SimDuration)
    /// `loss A B 20%` / `loss * 20%`: the probability in [0, 1] that a message is lost.
    case loss(LinkSelector, Double)
    /// `kill TASK`: the task's container exits with code 137.
    case kill(TaskReference)
    /// `fail NODE image-pull`: pulls on that node fail until `heal`.
    case failImagePulls(NodeReference)

    /// The fault's word, as written first in the action: `crash`, `partition`...
    public var name: String {
        switch self {
        case .crash: "crash"
        case .restart: "restart"
        case .stop: "stop"
        case .partition: "partition"
        case .isolate: "isolate"
        case .heal: "heal"
        case .drop: "drop"
        case .latency: "latency"
        case .loss: "loss"
        case .kill: "kill"
        case .failImagePulls: "fail"
        }
    }
}

/// The links a `latency` or `loss` fault changes.
public enum LinkSelector: Hashable, Sendable {
    /// `*`: every link.
    case all
    /// `A B`: the links between two nodes, both directions.
    case between(NodeReference, NodeReference)
}
