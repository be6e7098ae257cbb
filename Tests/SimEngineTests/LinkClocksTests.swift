import Testing
@testable import SimEngine

@Suite struct LinkClocksTests {
    /// Random links and times (growing the table several times) give what a dictionary of
    /// latest arrivals gives.
    @Test func arrivalsMatchADictionaryOfLatestTimes() {
        var random = RandomStream(seed: 5)
        var clocks = LinkClocks()
        var reference: [LinkKey: Int64] = [:]
        for _ in 0..<20_000 {
            let link = LinkKey(from: random.nextInt(below: 60), to: random.nextInt(below: 60))
            let proposed = Int64(random.nextInt(below: 1_000_000))
            let expected = max(reference[link] ?? .min, proposed)
            reference[link] = expected
            #expect(clocks.arrival(on: link, proposed: proposed) == expected)
        }
        #expect(reference.count > 1000)
    }
}
