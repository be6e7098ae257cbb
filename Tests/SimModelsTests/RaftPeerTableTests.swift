import Testing
@testable import SimModels
import SimEngine

@Suite struct RaftPeerTableTests {
    /// Random inserts, updates and removals agree with a `Dictionary`, and keys stay sorted.
    @Test func behavesLikeADictionaryWithSortedKeys() {
        var random = RandomStream(seed: 11)
        var table = RaftPeerTable<Int>()
        var reference: [RaftNodeID: Int] = [:]
        for step in 0..<2000 {
            let id = RaftNodeID(random.nextInt(below: 9) + 1)
            switch random.nextInt(below: 5) {
            case 0:
                table[id] = nil
                reference[id] = nil
            case 1:
                #expect(table.removeValue(forKey: id) == reference.removeValue(forKey: id))
            case 2:
                let found = table.modify(id) { $0 += 1 }
                #expect(found == (reference[id] != nil))
                if found { reference[id]! += 1 }
            case 3:
                table.modify(id, insertingIfAbsent: 100) { $0 += 1 }
                reference[id, default: 100] += 1
            default:
                table[id] = step
                reference[id] = step
            }
            #expect(table.keys == reference.keys.sorted())
            #expect(table.values == reference.keys.sorted().map { reference[$0]! })
            #expect(table[id] == reference[id])
            #expect(table.count == reference.count)
        }
    }
}
