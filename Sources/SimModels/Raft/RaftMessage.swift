// The messages Raft nodes exchange (etcd raftpb `Message`), as an enum per kind.

/// A message from one node to another. The host carries it over the network.
public struct RaftMessage<Command: Equatable & Sendable, AppState: Sendable>: Sendable {
    public var from: RaftNodeID
    public var to: RaftNodeID
    /// The sender's term, or for a granted vote the term of the election.
    public var term: RaftTerm
    public var body: Body

    public init(from: RaftNodeID, to: RaftNodeID, term: RaftTerm, body: Body) {
        self.from = from
        self.to = to
        self.term = term
        self.body = body
    }

    /// The content of a message, one case per etcd message type that crosses the network.
    public enum Body: Sendable {
        /// `MsgVote` (RequestVote). `transfer` marks a campaign started by
        /// `MsgTimeoutNow`, which voters honour even within their leader lease.
        case vote(lastIndex: RaftIndex, lastTerm: RaftTerm, transfer: Bool)
        /// `MsgVoteResp`.
        case voteResponse(granted: Bool)
        /// `MsgPreVote`: would you vote for me at `term`? Changes nobody's term.
        case preVote(lastIndex: RaftIndex, lastTerm: RaftTerm)
        /// `MsgPreVoteResp`.
        case preVoteResponse(granted: Bool)
        /// `MsgApp` (AppendEntries): entries following `prevIndex`/`prevTerm`.
        case append(prevIndex: RaftIndex, prevTerm: RaftTerm, entries: [RaftEntry<Command>], commit: RaftIndex)
        /// `MsgAppResp`. Accepted: `index` is the follower's last matching index.
        /// Rejected: `index` is the rejected `prevIndex`, and `hintIndex`/`hintTerm`
        /// let the leader skip a whole conflicting term at once.
        case appendResponse(index: RaftIndex, rejected: Bool, hintIndex: RaftIndex, hintTerm: RaftTerm)
        /// `MsgHeartbeat`, carrying `min(match, committed)` for the follower.
        case heartbeat(commit: RaftIndex)
        /// `MsgHeartbeatResp`.
        case heartbeatResponse
        /// `MsgSnap` (InstallSnapshot).
        case snapshot(RaftSnapshot<AppState>)
        /// `MsgTimeoutNow`: campaign now, the leader is handing over to you.
        case timeoutNow
        /// Not an etcd message: SwarmKit answers a removed member's messages with the
        /// error "raft: member has been removed", which makes it stop its manager.
        case memberRemoved
    }

    /// The message type without its payload.
    public var kind: RaftMessageKind {
        switch body {
        case .vote: return .vote
        case .voteResponse: return .voteResponse
        case .preVote: return .preVote
        case .preVoteResponse: return .preVoteResponse
        case .append: return .append
        case .appendResponse: return .appendResponse
        case .heartbeat: return .heartbeat
        case .heartbeatResponse: return .heartbeatResponse
        case .snapshot: return .snapshot
        case .timeoutNow: return .timeoutNow
        case .memberRemoved: return .memberRemoved
        }
    }
}

/// Message types, named after etcd's.
public enum RaftMessageKind: String, Equatable, Hashable, Sendable, CaseIterable {
    case vote = "MsgVote"
    case voteResponse = "MsgVoteResp"
    case preVote = "MsgPreVote"
    case preVoteResponse = "MsgPreVoteResp"
    case append = "MsgApp"
    case appendResponse = "MsgAppResp"
    case heartbeat = "MsgHeartbeat"
    case heartbeatResponse = "MsgHeartbeatResp"
    case snapshot = "MsgSnap"
    case timeoutNow = "MsgTimeoutNow"
    case memberRemoved = "MemberRemoved"
}

extension RaftMessage: CustomStringConvertible {
    public var description: String {
        let head = "\(kind.rawValue) \(RaftNodeIDFormat.hex(from))->\(RaftNodeIDFormat.hex(to)) term=\(term)"
        switch body {
        case .vote(let index, let logTerm, let transfer):
            return head + " index=\(index) logTerm=\(logTerm)" + (transfer ? " transfer" : "")
        case .preVote(let index, let logTerm):
            return head + " index=\(index) logTerm=\(logTerm)"
        case .voteResponse(let granted), .preVoteResponse(let granted):
            return head + (granted ? " granted" : " rejected")
        case .append(let prevIndex, let prevTerm, let entries, let commit):
            return head + " prev=\(prevIndex)/\(prevTerm) entries=\(entries.count) commit=\(commit)"
        case .appendResponse(let index, let rejected, let hintIndex, let hintTerm):
            return head + " index=\(index)" + (rejected ? " rejected hint=\(hintIndex)/\(hintTerm)" : "")
        case .heartbeat(let commit):
            return head + " commit=\(commit)"
        case .snapshot(let snapshot):
            return head + " snapshot=\(snapshot.index)/\(snapshot.term)"
        case .heartbeatResponse, .timeoutNow, .memberRemoved:
            return head
        }
    }
}

extension RaftMessage.Body: Equatable where AppState: Equatable {}
extension RaftMessage: Equatable where AppState: Equatable {}
