import SimEngine

/// A swarm join token, `SWMTKN-1-<root CA digest>-<secret>` (SwarmKit `ca/config.go`
/// `GenerateJoinToken`, `ParseJoinToken`): the SHA-256 digest of the root CA certificate in
/// base 36, left-padded with zeros to 50 characters, then a 16-byte random secret in base 36,
/// left-padded to 25. The digest lets a joining node check the CA it downloads; the whole token
/// is the secret the CA compares (`ca/server.go` `IssueNodeCertificate`).
///
/// The simulation has no certificates: the digest is 32 bytes drawn once per swarm, the secret 16
/// bytes drawn per token, both from the simulation's streams (never system random).
public struct JoinToken: Equatable, Sendable, CustomStringConvertible {
    /// SwarmKit's `base36DigestLen` and `maxGeneratedSecretLength`.
    static let digestLength = 50
    static let secretLength = 25

    /// The digest part, 50 base-36 characters.
    public var digest: String
    /// The secret part, 25 base-36 characters.
    public var secret: String

    /// The token as `docker swarm join-token -q` prints it.
    public var description: String { "SWMTKN-1-\(digest)-\(secret)" }

    /// A new token for the CA whose certificate digest is `rootDigest` (32 bytes), with a secret
    /// of 16 bytes drawn from `random`.
    public static func generate(rootDigest: [UInt8], using random: inout RandomStream) -> JoinToken {
        generate(encodedDigest: Base36.encode(rootDigest, width: digestLength), using: &random)
    }

    /// A token for a root digest already encoded (the worker and manager tokens share it).
    public static func generate(encodedDigest: String, using random: inout RandomStream) -> JoinToken {
        JoinToken(digest: encodedDigest, secret: Base36.encode(bytes(16, from: &random), width: secretLength))
    }

    /// 32 random bytes standing for a new root CA certificate's SHA-256 digest.
    public static func rootDigest(using random: inout RandomStream) -> [UInt8] {
        bytes(32, from: &random)
    }

    /// `count` (a multiple of 8) bytes from `random`, big-endian per draw.
    private static func bytes(_ count: Int, from random: inout RandomStream) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<(count / 8) {
            let word = random.next()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    /// Parses `text` as `ParseJoinToken` does for version 1 tokens: four dash-separated parts,
    /// `SWMTKN`, `1`, a 50-character digest and a 25-character secret; nil otherwise (SwarmKit's
    /// `invalid join token`).
    public init?(parsing text: String) {
        // On the UTF-8 bytes: splitting the String by Characters cost ~16k instructions a join.
        let parts = Array(text.utf8).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].elementsEqual("SWMTKN".utf8), parts[1].elementsEqual("1".utf8),
              parts[2].count == Self.digestLength, parts[3].count == Self.secretLength else { return nil }
        digest = String(decoding: parts[2], as: UTF8.self)
        secret = String(decoding: parts[3], as: UTF8.self)
    }

    public init(digest: String, secret: String) {
        self.digest = digest
        self.secret = secret
    }

    /// The digest as 64 hexadecimal digits (what `remote CA does not match fingerprint.
    /// Expected: ...` prints).
    public var digestHex: String {
        Base36.decode(digest, byteCount: 32).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// SwarmKit's texts (moby passes them on): a token that does not parse (`ca/config.go`
    /// `errInvalidJoinToken`), and one the CA does not know (`ca/server.go`
    /// `IssueNodeCertificate`, gRPC InvalidArgument).
    public static let invalidMessage = "invalid join token"
    public static let unknownTokenMessage = "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster"

    /// `ca/certificates.go` `GetRemoteCA`: the CA downloaded does not have the token's digest.
    public static func fingerprintMessage(expected token: JoinToken) -> String {
        "remote CA does not match fingerprint. Expected: \(token.digestHex)"
    }
}

/// A swarm's two join tokens (`api.JoinTokens`).
public struct JoinTokens: Equatable, Sendable {
    public var worker: JoinToken
    public var manager: JoinToken

    public init(worker: JoinToken, manager: JoinToken) {
        self.worker = worker
        self.manager = manager
    }

    /// The token that joins a node with `role`.
    public subscript(role: NodeRole) -> JoinToken {
        get { role == .manager ? manager : worker }
        set { if role == .manager { manager = newValue } else { worker = newValue } }
    }

    /// The role a token grants: the manager token is compared first, as the CA does; nil for any
    /// other token.
    public func role(of token: JoinToken) -> NodeRole? {
        if token == manager { return .manager }
        if token == worker { return .worker }
        return nil
    }
}

/// Big-endian byte strings in base 36 (Go's `big.Int.Text(36)`: digits then lower-case letters).
enum Base36 {
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// `bytes` as a base-36 number, left-padded with zeros to `width` characters.
    static func encode(_ bytes: [UInt8], width: Int) -> String {
        // Long division by 36 on 32-bit limbs, most significant first: a byte at a time, a
        // 32-byte digest took about 100k instructions, a tenth of a 3-manager swarm's start.
        var limbs = [UInt32](repeating: 0, count: (bytes.count + 3) / 4)
        for (offset, byte) in bytes.reversed().enumerated() {
            limbs[limbs.count - 1 - offset / 4] |= UInt32(byte) << (8 * UInt32(offset % 4))
        }
        var first = limbs.firstIndex { $0 != 0 } ?? limbs.count
        let table = digits
        var out: [UInt8] = []
        out.reserveCapacity(width)
        while first < limbs.count {
            var remainder: UInt64 = 0
            for index in first..<limbs.count {
                let value = remainder << 32 | UInt64(limbs[index])
                limbs[index] = UInt32(value / 36)
                remainder = value % 36
            }
            out.append(table[Int(remainder)])
            while first < limbs.count && limbs[first] == 0 { first += 1 }
        }
        while out.count < width { out.append(table[0]) }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// The base-36 number `text` as `byteCount` big-endian bytes (higher bytes dropped).
    static func decode(_ text: String, byteCount: Int) -> [UInt8] {
        var number = [UInt8](repeating: 0, count: byteCount)
        for character in text.lowercased().utf8 {
            guard let digit = digits.firstIndex(of: character) else { continue }
            var carry = digit
            for index in number.indices.reversed() {
                let value = Int(number[index]) * 36 + carry
                number[index] = UInt8(value & 0xFF)
                carry = value >> 8
            }
        }
        return number
    }
}
