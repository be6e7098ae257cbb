import Testing
@testable import SimEngine

@Suite struct DurationFormatTests {
    @Test func parsesDockerDurations() throws {
        #expect(try DurationFormat.parse("500us") == .microseconds(500))
        #expect(try DurationFormat.parse("250ms") == .milliseconds(250))
        #expect(try DurationFormat.parse("10s") == .seconds(10))
        #expect(try DurationFormat.parse("1m30s") == .seconds(90))
        #expect(try DurationFormat.parse("2h") == .hours(2))
        #expect(try DurationFormat.parse("1.5s") == .milliseconds(1500))
        #expect(try DurationFormat.parse("0") == .zero)
        #expect(try DurationFormat.parse("3µs") == .microseconds(3))
    }

    @Test func rejectsBadDurations() {
        for bad in ["", "10", "10x", "s", "1..5s", "99999999999999h", "1m30"] {
            #expect(throws: ValueParseError.self, "\(bad)") { try DurationFormat.parse(bad) }
        }
    }

    @Test func printsLikeGo() {
        #expect(SimDuration.seconds(90).description == "1m30s")
        #expect(SimDuration.milliseconds(1500).description == "1.5s")
        #expect(SimDuration.milliseconds(250).description == "250ms")
        #expect(SimDuration.microseconds(500).description == "500us")
        #expect(SimDuration.hours(2).description == "2h0m0s")
        #expect(SimDuration.zero.description == "0s")
        #expect(SimInstant(nanoseconds: 12_345_678_901).description == "12.345s")
    }

    @Test func parsesSizesAndPercentages() throws {
        #expect(try SizeFormat.parse("512MiB") == 512 << 20)
        #expect(try SizeFormat.parse("8GiB") == 8 << 30)
        #expect(try SizeFormat.parse("256M") == 256 << 20)
        #expect(try SizeFormat.parse("1g") == 1 << 30)
        #expect(try SizeFormat.parse("1024") == 1024)
        #expect(SizeFormat.format(8 << 30) == "8GiB")
        #expect(throws: ValueParseError.self) { try SizeFormat.parse("12 apples") }
        #expect(try PercentFormat.parse("20%") == 0.2)
        #expect(try PercentFormat.parse("0%") == 0)
        #expect(throws: ValueParseError.self) { try PercentFormat.parse("20") }
        #expect(throws: ValueParseError.self) { try PercentFormat.parse("120%") }
    }
}
