import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Scenarios
import SimEngine

/// `--format html`: one self-contained page per run, with a lane per node, every fault and
/// expectation in it, and no address outside the page.
@Suite struct HTMLTimelineWriterTests {
    @Test(arguments: ScenarioTestSupport.libraryFiles)
    func everyLibraryScenarioGivesAWellFormedSelfContainedPage(file: String) throws {
        let scenario = try #require(PictureTestSupport.libraryScenario(file))
        let (chronicle, html) = PictureTestSupport.draw(scenario, as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        try Self.checkTagsBalance(html, file: file)
        try Self.checkChartIsXML(html, file: file)
        Self.checkNothingExternal(html, file: file)
        // One lane per node.
        for node in chronicle.nodes {
            #expect(Self.count("<g class=\"lane node\" data-node=\"\(node.name)\">", in: html) == 1, "\(file): lane of \(node.name)")
        }
        #expect(Self.count("<g class=\"lane node\"", in: html) == chronicle.nodes.count)
        // Every fault and expectation, with its text, as a mark with a title and in words.
        for fault in chronicle.faults {
            #expect(html.contains(">" + HTMLText.escaped(fault.text) + "</text>"), "\(file): \(fault.text)")
        }
        #expect(Self.count("<g class=\"fault\"", in: html) == chronicle.faults.count)
        for result in chronicle.expectations {
            let text = HTMLText.escaped(HTMLScenarioLanes.describe(result))
            #expect(html.contains("<title>" + text + "</title>") && html.contains("<li>" + text + "</li>"), "\(file): \(result.text)")
        }
        #expect(Self.count("<g class=\"expect ", in: html) == chronicle.expectations.count + chronicle.failures.count)
        #expect(!html.contains("<g class=\"task\">") || html.contains("<title>task "))
    }

    @Test func failoverShowsTheCrashTheLeadersAndTheDownNode() throws {
        let scenario = try #require(PictureTestSupport.libraryScenario("scenarios/failover.scn"))
        let (_, html) = PictureTestSupport.draw(scenario, as: .html)
        #expect(html.contains("<title>30.000s fault: crash m1, in force until 100.000s</title>"))
        #expect(html.contains(">leader t2</text>"))
        #expect(html.contains("<g class=\"st-down\">"))
        #expect(html.contains(">web.5</text>"))
        #expect(html.contains(">docker node ls</text>"))
        #expect(PictureTestSupport.draw(scenario, as: .html).1 == html)
    }

    @Test func aBigClusterFoldsItsWorkersIntoOneLaneAndStaysSmall() throws {
        let source = """
        scenario: many workers
        description: more workers than lanes
        seed: 3
        duration: 40s
        cluster:
          managers: 3
          workers: 200
        services:
          web:
            image: nginx:1.25
            deploy:
              replicas: 400
        timeline:
          - at 20s: crash w7
        expect:
          - at 19s: service web has 400 running tasks
        """
        let scenario = try #require(ScenarioTestSupport.scenario(source))
        let (_, html) = PictureTestSupport.draw(scenario, as: .html)
        #expect(Self.count("<g class=\"lane summary\" data-fold=\"worker\">", in: html) == 1)
        #expect(Self.count("<g class=\"lane node\"", in: html) == 3)
        #expect(!html.contains("data-node=\"w7\""))
        #expect(html.contains(">crash w7</text>"))
        #expect(html.contains("of 200 workers ready"))
        try Self.checkChartIsXML(html, file: "many workers")
        // 200 workers fold to a page of tens of kilobytes; a thousand stay far below 10 MB.
        #expect(html.utf8.count < 200_000, "\(html.utf8.count) bytes")
    }

    // MARK: - Checks

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Every element outside `<script>` and `<style>` closes in order (void `meta` aside).
    static func checkTagsBalance(_ html: String, file: String) throws {
        var text = html
        for block in ["script", "style"] {
            while let open = text.range(of: "<\(block)>"), let close = text.range(of: "</\(block)>", range: open.upperBound..<text.endIndex) {
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
            }
        }
        let tag = try Regex("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
        var stack: [String] = []
        for match in text.matches(of: tag) {
            let closing = match.output[1].substring == "/"
            let name = String(match.output[2].substring ?? "")
            let selfClosing = match.output[3].substring == "/"
            if selfClosing || ["meta", "br"].contains(name) { continue }
            if closing {
                #expect(stack.last == name, "\(file): </\(name)> closes <\(stack.last ?? "nothing")>")
                if stack.last == name { stack.removeLast() } else { return }
            } else {
                stack.append(name)
            }
        }
        #expect(stack.isEmpty, "\(file): unclosed \(stack)")
    }

    /// The chart is an SVG document that an XML parser reads without error.
    static func checkChartIsXML(_ html: String, file: String) throws {
        let start = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let parser = XMLParser(data: Data(html[start.lowerBound..<end.upperBound].utf8))
        #expect(parser.parse(), "\(file): \(parser.parserError.map { "\($0)" } ?? "")")
    }

    /// No address but the SVG namespace: nothing to load from a network.
    static func checkNothingExternal(_ html: String, file: String) {
        let stripped = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!stripped.contains("http://") && !stripped.contains("https://"), "\(file): an external address")
        #expect(!stripped.contains(" src=") && !stripped.contains(" href="), "\(file): a link to load")
    }
}
