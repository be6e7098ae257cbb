/// The leader's CA deciding a new node's join (SwarmKit `ca/server.go` `IssueNodeCertificate`):
/// a node without a certificate must present one of the swarm's join tokens, and gets the role
/// of the token it presented: the manager token is compared first, then the worker token.
///
/// The digest check a joining node makes on the CA certificate it downloads (`ca/certificates.go`
/// `GetRemoteCA`) is made here too, from the same data: the token's digest part against the
/// swarm's root CA digest, with SwarmKit's text.
public enum JoinAdmission {
    /// The role `token` grants in the swarm of `cluster`, or the text the join fails with.
    public static func role(for token: JoinToken?, cluster: ClusterObject?) -> Result<NodeRole, JoinRefusal> {
        guard let token, let tokens = cluster?.joinTokens else { return .failure(JoinRefusal(JoinToken.unknownTokenMessage)) }
        // Both tokens carry the root CA's digest, encoded once when the swarm was created.
        if cluster?.rootCADigest != nil, token.digest != tokens.manager.digest {
            return .failure(JoinRefusal(JoinToken.fingerprintMessage(expected: token)))
        }
        guard let role = tokens.role(of: token) else { return .failure(JoinRefusal(JoinToken.unknownTokenMessage)) }
        return .success(role)
    }
}

/// Why the CA refused a join, in the words the joining node's engine prints.
public struct JoinRefusal: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
