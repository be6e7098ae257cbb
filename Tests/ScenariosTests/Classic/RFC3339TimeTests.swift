import Testing
import SimEngine
@testable import Scenarios

@Suite struct RFC3339TimeTests {
    @Test func instantsBecomeUTCWallClockTexts() {
        let epoch: Int64 = 1_458_715_440   // 2016-03-23T06:44:00Z
        #expect(RFC3339Time.format(.zero, epoch: epoch) == "2016-03-23T06:44:00Z")
        #expect(RFC3339Time.format(.zero + .milliseconds(50_999), epoch: epoch) == "2016-03-23T06:44:50Z")
        #expect(RFC3339Time.format(.zero + .hours(18), epoch: epoch) == "2016-03-24T00:44:00Z")
        #expect(RFC3339Time.format(.zero, epoch: 0) == "1970-01-01T00:00:00Z")
        #expect(RFC3339Time.format(.zero, epoch: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(RFC3339Time.format(.zero, epoch: 1_483_228_799) == "2016-12-31T23:59:59Z")
    }
}
