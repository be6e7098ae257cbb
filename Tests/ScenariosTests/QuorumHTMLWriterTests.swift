import Foundation
import Testing
@testable import Scenarios

/// `simrun quorum --format html`: the measured table and, per manager count, the two runs that
/// decide it, drawn from real runs (SCENARIO_FORMAT §12).
@Suite struct QuorumHTMLWriterTests {
    /// The rows for 1..3 managers, measured as `simrun quorum` does.
    static func rows() -> [QuorumHTMLWriter.Row] {
        (1...3).map { managers in
            let runs = (0...managers).map { QuorumExperiment(managers: managers, crashed: $0, seed: 1).runDrawn() }
            var measured = 0
            for run in runs where run.survived && run.crashed == measured + 1 { measured = run.crashed }
            return QuorumHTMLWriter.Row(managers: managers, measured: measured,
                                        runs: runs.filter { $0.crashed == measured || $0.crashed == measured + 1 })
        }
    }

    @Test func thePageShowsTheTableAndTheRunsThatDecideEachRow() throws {
        let rows = Self.rows()
        #expect(rows.map(\.measured) == [0, 0, 1], "N managers survive (N-1)/2 losses")
        let page = QuorumHTMLWriter.page(rows: rows, seed: 1)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        for row in ["<tr><td>1</td><td>1</td><td>0</td><td>0</td></tr>", "<tr><td>3</td><td>2</td><td>1</td><td>1</td></tr>"] {
            #expect(page.contains(row), "\(row)")
        }
        // Two runs per manager count, each with one lane name per manager.
        #expect(page.components(separatedBy: "<figure>").count - 1 == 6)
        #expect(page.components(separatedBy: "class=\"name\">m3<").count - 1 == 2)
        // Three managers: losing the leader, m2 or m3 leads again; losing two, nobody does.
        #expect(page.contains("3 managers, 1 crashed: m") && page.contains("leads again from"))
        #expect(page.contains("3 managers, 2 crashed: no leader again; the write never succeeded."))
        #expect(page.contains("class=\"leader\""), "leaderships are drawn")
        #expect(page.contains("class=\"down\""), "crashed managers are drawn down")
        for tag in ["svg", "figure", "section", "table", "g", "title", "rect"] {
            let opened = page.components(separatedBy: "<\(tag)>").count + page.components(separatedBy: "<\(tag) ").count - 2
            #expect(opened == page.components(separatedBy: "</\(tag)>").count - 1 + (tag == "rect" ? page.components(separatedBy: "/>").count - 1 : 0), "<\(tag)> balanced")
        }
        let withoutNamespace = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http") && !withoutNamespace.contains("<script"), "nothing loaded")
    }
}
