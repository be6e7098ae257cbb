import Foundation
import Testing
@testable import simrun

/// docs/reference.md and docs/simrun.1 say what simrun prints: their generated parts are the
/// output of the commands they name (`scripts/regenerate-docs` rewrites them).
@Suite struct ReferenceDocumentTests {
    private static let marker = "<!-- generated: simrun "

    /// Each generated block of the reference: the arguments named and the text between the fences.
    private func generatedBlocks() throws -> [(arguments: [String], text: String)] {
        let url = SimrunProcess.packageRoot.appendingPathComponent("docs/reference.md")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var blocks: [(arguments: [String], text: String)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix(Self.marker), line.hasSuffix(" -->") else { continue }
            let arguments = line.dropFirst(Self.marker.count).dropLast(4).split(separator: " ").map(String.init)
            var body: [String] = []
            index += 1  // the opening fence
            while index < lines.count, lines[index] != "```" {
                body.append(lines[index])
                index += 1
            }
            blocks.append((arguments, body.map { $0 + "\n" }.joined()))
        }
        return blocks
    }

    @Test func everyGeneratedBlockOfTheReferenceIsWhatSimrunPrints() throws {
        let blocks = try generatedBlocks()
        #expect(blocks.count >= 6)
        for block in blocks {
            let outcome = try SimrunProcess.run(block.arguments, environment: ["NO_COLOR": "1"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == block.text, "docs/reference.md's block of 'simrun \(block.arguments.joined(separator: " "))' is stale: run scripts/regenerate-docs")
        }
    }

    @Test func theManualPageIsTheGeneratedOne() throws {
        let url = SimrunProcess.packageRoot.appendingPathComponent("docs/simrun.1")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == ManPage.text, "docs/simrun.1 is stale: run scripts/regenerate-docs")
        let printed = try SimrunProcess.run(["help", "--man"])
        #expect(printed.stdout == ManPage.text)
    }

    @Test func helpTopicsPrintTheReferenceAndAnUnknownOneIsAUsageError() throws {
        for (topic, word) in [("format", "x-sim"), ("conditions", "converged"), ("faults", "partition")] {
            let outcome = try SimrunProcess.run(["help", topic])
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains(word), "simrun help \(topic)")
        }
        let wrong = try SimrunProcess.run(["help", "faultz"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("Did you mean 'faults'?"))
    }

    @Test func theTopLevelHelpNamesNoFileAbsentFromTheRepository() throws {
        let outcome = try SimrunProcess.run(["--help"])
        #expect(!outcome.stdout.contains("SCENARIO_FORMAT"))
        for path in ["docs/reference.md", "docs/simrun.1"] {
            #expect(outcome.stdout.contains(path))
            #expect(FileManager.default.fileExists(atPath: SimrunProcess.packageRoot.appendingPathComponent(path).path))
        }
    }
}
