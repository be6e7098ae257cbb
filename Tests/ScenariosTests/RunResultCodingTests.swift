import Foundation
import SimEngine
import Testing
@testable import Scenarios

/// A run result survives JSON exactly: `simrun check` gets its results from worker processes
/// this way, and its output must be the same bytes as if the runs had been done in-process.
@Suite struct RunResultCodingTests {
    typealias F = ReportFixtures

    static func roundTrip(_ result: RunResult) throws -> RunResult {
        try JSONDecoder().decode(RunResult.self, from: JSONEncoder().encode(result))
    }

    @Test func theFixturesRoundTrip() throws {
        #expect(try Self.roundTrip(F.passing) == F.passing)
        #expect(try Self.roundTrip(F.failing) == F.failing)
    }

    @Test func extremesAndAwkwardTextRoundTrip() throws {
        var result = F.failing
        result.summary.seed = .max
        result.summary.statistics = nil
        result.summary.title = "quotes \" back\\slash tab\t crlf\r\n é 🐳 \u{1}"
        result.summary.duration = SimDuration(nanoseconds: .max)
        result.failures[0].time = SimInstant(nanoseconds: .min)
        result.expectations[0].detail = "\n\n"
        let decoded = try Self.roundTrip(result)
        #expect(decoded == result)
        #expect(decoded.summary.seed == .max)
        #expect(decoded.summary.statistics == nil)
        #expect(TextReport.summaryBlock(decoded) == TextReport.summaryBlock(result))
    }

    @Test func theEncodingIsOneLineWithTimesAsIntegers() throws {
        let text = String(decoding: try JSONEncoder().encode(F.failing), as: UTF8.self)
        #expect(!text.contains("\n"), "one JSON line per result")
        #expect(text.contains("\"decidedAt\":120000000000"))
    }
}
