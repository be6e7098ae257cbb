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
}
