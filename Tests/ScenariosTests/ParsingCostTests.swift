import Foundation
import Testing
@testable import Scenarios

/// Loading costs time linear in the file's size, whatever the shape of the text (issue #21:
/// trailing spaces made it quadratic). Measured as the ratio of two sizes eight times apart,
/// each the best of three loads: linear work gives about 8, quadratic about 64.
@Suite struct ParsingCostTests {
    private func bestLoadTime(_ source: String) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = ScenarioLoader.load(source: source, file: "big.scn")
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        return best
    }

    private func growth(_ make: (Int) -> String, small: Int) -> Double {
        bestLoadTime(make(small * 8)) / bestLoadTime(make(small))
    }

    @Test func trailingSpacesInABlockCostLinearTime() {
        let ratio = growth({ "scenario: x\ndescription: |\n  hello" + String(repeating: " ", count: $0) + "\n" }, small: 16_000)
        #expect(ratio < 24, "8 times the spaces took \(ratio) times as long")
    }

    @Test func spacesInAQuotedScalarCostLinearTime() {
        let ratio = growth({ "scenario: 'a" + String(repeating: " ", count: $0) + "'\n" }, small: 16_000)
        #expect(ratio < 24, "8 times the spaces took \(ratio) times as long")
    }

    @Test func aLongTimelineCostsLinearTime() {
        let ratio = growth({ entries in
            var text = "scenario: big\nduration: 30h\ncluster:\n  managers: 3\ntimeline:\n"
            for index in 0..<entries { text += "  - at \(index + 1)s: docker node ls\n" }
            return text
        }, small: 1_000)
        #expect(ratio < 24, "8 times the entries took \(ratio) times as long")
    }
}
