import Testing
import SimEngine
@testable import SimModels

@Suite struct IdentifierTests {
    /// IDs compare, sort and hash as their text does, whatever shortcut they take.
    @Test func idsOrderAndEqualAsTheirText() {
        var random = RandomStream(seed: 5)
        var texts = (0..<200).map { _ in SwarmID.generate(using: &random).rawValue }
        // Shared prefixes, prefixes of each other, short, empty and non-ASCII texts.
        texts += ["", "a", "ab", "abcdefgh", "abcdefgh1", "abcdefgh0", "abcdefghz", "abcdefg", "w1", "w10", "w2",
                  "é", "e\u{301}", "zé", "abcdefgé", "abcdefgz", "\u{0}", "a\u{0}", "A", "Z", "0"]
        texts += texts.prefix(50).map { String($0.prefix(8)) + "zzz" }
        for a in texts {
            for b in texts {
                let x = SwarmID(a), y = SwarmID(b)
                #expect((x < y) == (a < b), "\(a) < \(b)")
                if a.utf8.elementsEqual(b.utf8) { #expect(x == y && x.hashValue == y.hashValue) }
                if !(a == b) { #expect(x != y) }
            }
        }
        let sorted = texts.map(SwarmID.init).sorted().map(\.rawValue)
        #expect(sorted == texts.sorted())
    }

    /// IDs and slot keys hash through `KeyHash`: equal keys hash alike under any seed, and
    /// distinct random IDs spread over a table's buckets (no pile-up in the low bits).
    @Test func keysHashAlikeWhenEqualAndSpreadOtherwise() {
        var random = RandomStream(seed: 8)
        let ids = (0..<4096).map { _ in SwarmID.generate(using: &random) }
        for seed in [0, 1, -7, 123_456_789] {
            for id in ids.prefix(100) {
                #expect(SwarmID(id.rawValue)._rawHashValue(seed: seed) == id._rawHashValue(seed: seed))
                let key = SlotKey(serviceID: id, slot: 3, nodeID: nil)
                #expect(SlotKey(serviceID: SwarmID(id.rawValue), slot: 3, nodeID: nil)._rawHashValue(seed: seed) == key._rawHashValue(seed: seed))
            }
            var buckets = Array(repeating: 0, count: 4096)
            for id in ids { buckets[id._rawHashValue(seed: seed) & 4095] += 1 }
            #expect(buckets.max()! <= 10, "seed \(seed)")  // Poisson(1): P(> 10) is about 1e-8 per bucket
        }
        #expect(Set(ids).count == ids.count)
    }
}
