import Foundation
import Testing
@testable import Scenarios

/// The outputs the reporters write through.
@Suite struct ReportOutputTests {
    @Test func bufferKeepsEverything() {
        let buffer = TimelineBuffer()
        buffer.write("a\n")
        buffer.write("b\n")
        buffer.flush()
        #expect(buffer.text == "a\nb\n")
        buffer.clear()
        #expect(buffer.text.isEmpty)
    }

    @Test func fileOutputWritesInChunksAndOnFlush() throws {
        let path = NSTemporaryDirectory() + "simrun-report-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0 ... .max)).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try FileTimelineOutput(path: path, chunkSize: 100)
        var expected = ""
        for index in 0 ..< 1000 {
            let line = "line \(index) é✔\n"
            output.write(line)
            expected += line
        }
        output.write("tail without newline")
        expected += "tail without newline"
        let partial = try String(contentsOfFile: path, encoding: .utf8)
        #expect(partial.count < expected.count)
        #expect(expected.hasPrefix(partial))
        output.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test func fileOutputFlushesWhenReleased() throws {
        let path = NSTemporaryDirectory() + "simrun-report-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0 ... .max)).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let output = try FileTimelineOutput(path: path)
            output.write("kept\n")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept\n")
    }

    @Test func unwritablePathIsAnError() {
        let path = NSTemporaryDirectory() + "no-such-directory-\(UInt64.random(in: 0 ... .max))/out.jsonl"
        #expect(throws: TimelineOutputError.self) { try FileTimelineOutput(path: path) }
        do {
            _ = try FileTimelineOutput(path: path)
        } catch {
            #expect(error.description.hasPrefix("cannot write '\(path)': no such directory"))
        }
    }
}
