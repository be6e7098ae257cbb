import Testing
@testable import SimModels
import SimEngine

@Suite struct SwarmMessageLayoutTests {
    /// The network carries messages as `any NetworkMessage`, whose inline buffer holds three
    /// words: a larger message would get a heap box of its own on every send.
    @Test func aSwarmMessageFitsTheExistentialInlineBuffer() {
        #expect(MemoryLayout<SwarmMessage>.size <= 3 * MemoryLayout<Int>.size)
    }
}
