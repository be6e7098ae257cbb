import SimEngine
import Testing
@testable import Scenarios

/// Run results survive a field line exactly: `simrun check` gets its results from worker
/// processes this way, and its output must be the same bytes as if the runs had been done
/// in-process.
@Suite struct FieldLineTests {
    typealias F = ReportFixtures

    static func roundTrip(_ result: RunResult) throws -> RunResult {
        var writer = FieldLineWriter()
        result.write(to: &writer)
        var reader = FieldLineReader(writer.bytes)
        let read = try RunResult(from: &reader)
        try reader.finish()
        return read
    }

    @Test func theFixturesRoundTrip() throws {
        #expect(try Self.roundTrip(F.passing) == F.passing)
        #expect(try Self.roundTrip(F.failing) == F.failing)
    }

    @Test func extremesAndAwkwardTextRoundTrip() throws {
        var result = F.failing
        result.summary.seed = .max
        result.summary.statistics = nil
        result.summary.finalLeader = ""
        result.summary.title = "tab\there \\t back\\slash\\ crlf\r\n lf\n é 🐳 \u{0}\u{1}"
        result.summary.duration = SimDuration(nanoseconds: .max)
        result.failures[0].time = SimInstant(nanoseconds: .min)
        result.expectations[0].detail = "\n\n"
        result.expectations[1].text = ""
        result.summary.services = []
        let read = try Self.roundTrip(result)
        #expect(read == result)
        #expect(read.summary.title.utf8.elementsEqual(result.summary.title.utf8))
        #expect(read.summary.finalLeader == "", "an empty leader is not no leader")
        #expect(TextReport.summaryBlock(read) == TextReport.summaryBlock(result))
    }

    /// A run the progress guard stopped reaches the parent as stopped (exit status 1 of
    /// `check`, its report naming the components), and a service's tasks on down nodes too.
    @Test func aStalledRunAndTasksOnDownNodesRoundTrip() throws {
        var result = F.failing
        result.failures.append(RunFailure(kind: .progress, time: F.at(30_096),
                                          text: "the simulation stopped making progress at 30.096s: more than 21200 events in one instant; of the next 10000 events: LeaderRuntime on m1 (10000)"))
        result.summary.services = [RunSummary.ServiceLine(name: "web", replicas: "8/6", onDownNodes: 2)]
        let read = try Self.roundTrip(result)
        #expect(read == result)
        #expect(read.stalled)
    }

    @Test func aLineHasNoNewlineButItsEndAndNoTabButItsSeparators() {
        var writer = FieldLineWriter()
        writer.add("a\tb\nc\r")
        writer.add(-12)
        writer.add(true)
        writer.add(0.1)
        #expect(String(decoding: writer.line, as: UTF8.self) == "a\\tb\\nc\\r\t-12\t1\t0.1\n")
    }

    @Test func numbersAndFlagsReadBackExactly() throws {
        var writer = FieldLineWriter()
        for number in [0.1, 1.0 / 3, 1e-300, 123_456.789] { writer.add(number) }
        writer.add(UInt64.max)
        writer.add(Int64.min)
        writer.add(false)
        var reader = FieldLineReader(writer.bytes)
        for number in [0.1, 1.0 / 3, 1e-300, 123_456.789] { #expect(try reader.double() == number) }
        #expect(try reader.integer(UInt64.self) == .max)
        #expect(try reader.integer(Int64.self) == .min)
        #expect(try reader.flag() == false)
        try reader.finish()
    }

    @Test func aMalformedLineIsAnErrorNotACrash() throws {
        var short = FieldLineReader(Array("2".utf8))
        #expect(try short.count() == 2)
        #expect(throws: FieldLineReader.Failure.self) { try short.string() }
        var negative = FieldLineReader(Array("-1".utf8))
        #expect(throws: FieldLineReader.Failure.self) { try negative.count() }
        var notAFlag = FieldLineReader(Array("yes".utf8))
        #expect(throws: FieldLineReader.Failure.self) { try notAFlag.flag() }
        var writer = FieldLineWriter()
        F.passing.write(to: &writer)
        writer.add("extra")
        var long = FieldLineReader(writer.bytes)
        _ = try RunResult(from: &long)
        #expect(throws: FieldLineReader.Failure.self) { try long.finish() }
        var truncated = FieldLineReader(Array(writer.bytes.dropLast(40)))
        #expect(throws: FieldLineReader.Failure.self) { try RunResult(from: &truncated) }
    }
}
