import Testing
@testable import Scenarios

@Suite struct GoUnitsSizeTests {
    @Test func bytesSizeAsGoUnitsPrintsIt() {
        #expect(GoUnitsSize.bytesSize(0) == "0 B")
        #expect(GoUnitsSize.bytesSize(960) == "960 B")
        #expect(GoUnitsSize.bytesSize(1023) == "1023 B")
        #expect(GoUnitsSize.bytesSize(1024) == "1 KiB")
        #expect(GoUnitsSize.bytesSize(1536) == "1.5 KiB")
        #expect(GoUnitsSize.bytesSize(2 << 30) == "2 GiB")
        #expect(GoUnitsSize.bytesSize(2_194_815_000) == "2.044 GiB")          // the seed's h104
        #expect(GoUnitsSize.bytesSize(4_343_745_000) == "4.045 GiB")          // the seed's docker
        #expect(GoUnitsSize.bytesSize(2_194_815_000 + 4_343_745_000) == "6.09 GiB")
        #expect(GoUnitsSize.bytesSize(1_048_575) == "1024 KiB")               // 1023.999 rounds up, stays KiB
        #expect(GoUnitsSize.bytesSize(1_023_959) == "1000 KiB")               // 999.96 carries to four digits
        #expect(GoUnitsSize.bytesSize(12_345_678) == "11.77 MiB")
    }

    @Test func ties_roundHalfToEven() {
        #expect(GoUnitsSize.bytesSize(102_656) == "100.2 KiB")                // 100.25
        #expect(GoUnitsSize.bytesSize(103_168) == "100.8 KiB")                // 100.75
    }
}
