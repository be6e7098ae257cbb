import Testing
import SimEngine
@testable import SimModels

/// Join tokens as SwarmKit writes and parses them (`ca/config.go`).
@Suite struct JoinTokenTests {
    @Test func base36IsGoBigIntTextPadded() {
        #expect(Base36.encode([0x01, 0x00], width: 4) == "0074")  // 256 = 7 * 36 + 4
        #expect(Base36.encode([0xFF], width: 1) == "73")           // 255 = 7 * 36 + 3: never cut
        #expect(Base36.encode([0, 0], width: 3) == "000")
        #expect(Base36.decode("0074", byteCount: 2) == [0x01, 0x00])
        var random = RandomStream(seed: 9)
        let bytes = JoinToken.rootDigest(using: &random)
        #expect(Base36.decode(Base36.encode(bytes, width: 50), byteCount: 32) == bytes)
    }

    @Test func aTokenHasSwarmKitsShapeAndComesFromTheStream() throws {
        var random = RandomStream(seed: 4, name: "ca/x")
        let digest = JoinToken.rootDigest(using: &random)
        let worker = JoinToken.generate(rootDigest: digest, using: &random)
        let manager = JoinToken.generate(rootDigest: digest, using: &random)
        let text = worker.description
        #expect(text.hasPrefix("SWMTKN-1-"))
        let parts = text.split(separator: "-")
        #expect(parts.count == 4 && parts[2].count == 50 && parts[3].count == 25)
        #expect(parts[2].allSatisfy { $0.isNumber || ("a"..."z").contains($0) })
        #expect(worker.digest == manager.digest && worker.secret != manager.secret, "one CA, two secrets")
        #expect(JoinToken(parsing: text) == worker)
        #expect(worker.digestHex.count == 64)
        #expect(worker.digestHex == digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        var again = RandomStream(seed: 4, name: "ca/x")
        let sameDigest = JoinToken.rootDigest(using: &again)
        #expect(JoinToken.generate(rootDigest: sameDigest, using: &again) == worker, "the same seed, the same token")
    }

    @Test func parsingRejectsWhatParseJoinTokenRejects() {
        let digest = String(repeating: "1", count: 50), secret = String(repeating: "2", count: 25)
        #expect(JoinToken(parsing: "SWMTKN-1-\(digest)-\(secret)") != nil)
        for bad in ["worker", "", "SWMTKN-1-\(digest)", "SWMTKN-2-\(digest)-\(secret)", "SWMTKN-1-\(digest)1-\(secret)",
                    "SWMTKN-1-\(digest)-\(secret)2", "SWMTKX-1-\(digest)-\(secret)", "SWMTKN-1-\(digest)-\(secret)-x"] {
            #expect(JoinToken(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func theManagerTokenGrantsManagerAndTheWorkerTokenWorker() throws {
        var random = RandomStream(seed: 5)
        let cluster = ClusterObject(id: SwarmID("c"), createdAt: .zero, certificateAuthority: &random)
        let tokens = try #require(cluster.joinTokens)
        #expect(JoinAdmission.role(for: tokens.manager, cluster: cluster) == .success(.manager))
        #expect(JoinAdmission.role(for: tokens.worker, cluster: cluster) == .success(.worker))
        let wrongSecret = JoinToken(digest: tokens.worker.digest, secret: String(repeating: "0", count: 25))
        #expect(JoinAdmission.role(for: wrongSecret, cluster: cluster) == .failure(JoinRefusal(JoinToken.unknownTokenMessage)))
        let wrongCA = JoinToken(digest: String(repeating: "0", count: 50), secret: tokens.worker.secret)
        #expect(JoinAdmission.role(for: wrongCA, cluster: cluster)
                == .failure(JoinRefusal("remote CA does not match fingerprint. Expected: " + String(repeating: "0", count: 64))))
        #expect(JoinAdmission.role(for: nil, cluster: cluster) == .failure(JoinRefusal(JoinToken.unknownTokenMessage)))
    }
}
