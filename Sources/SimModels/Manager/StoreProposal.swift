/// A Raft log entry's command for the Swarm store: one batch of store actions, applied together.
public struct StoreProposal: Equatable, Sendable {
    /// The Raft ID of the proposing manager and its counter: unique across the run.
    public var proposer: RaftNodeID
    public var sequence: UInt64
    public var actions: [StoreAction]

    public init(proposer: RaftNodeID, sequence: UInt64, actions: [StoreAction]) {
        self.proposer = proposer
        self.sequence = sequence
        self.actions = actions
    }
}
