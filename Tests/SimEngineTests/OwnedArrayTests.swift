import Testing
@testable import SimEngine

/// The engine's non-copyable array keeps, moves and releases its elements as `Array` would.
/// (`#expect` cannot look into a non-copyable value, so each check reads into a local first.)
@Suite struct OwnedArrayTests {
    /// Counts the instances alive, to see that the array releases what it holds.
    final class Tracked {
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) { self.value = value; Tracked.alive += 1 }
        deinit { Tracked.alive -= 1 }
    }

    @Test func appendsPastItsCapacityAndReadsBackInOrder() {
        var array = OwnedArray<Int>()
        for value in 0..<1000 { array.append(value * 3) }
        let count = array.count, capacity = array.capacity
        #expect(count == 1000 && capacity >= 1000)
        var values: [Int] = []
        for index in 0..<count { values.append(array[index]) }
        #expect(values == (0..<1000).map { $0 * 3 })
        array[500] = -1
        let around = [array[499], array[500], array[501]]
        #expect(around == [1497, -1, 1503])
    }

    @Test func popLastTakesTheLastUntilEmpty() {
        var array = OwnedArray<Int>()
        let none = array.popLast()
        #expect(none == nil)
        for value in 1...20 { array.append(value) }
        var popped: [Int] = []
        while let value = array.popLast() { popped.append(value) }
        let empty = array.isEmpty
        #expect(popped == Array((1...20).reversed()) && empty)
        array.append(7)
        let first = array[0]
        #expect(first == 7)
    }

    @Test func releasesItsElementsWhenEmptiedAndWhenDropped() {
        let before = Tracked.alive
        do {
            var array = OwnedArray<Tracked?>()
            for value in 0..<100 { array.append(Tracked(value)) }
            #expect(Tracked.alive == before + 100)
            let taken = array[10].take()
            let slot = array[10]
            #expect(taken?.value == 10 && slot == nil)
            let last = array.popLast()
            #expect(last??.value == 99)
            #expect(Tracked.alive == before + 100)  // `taken` and `last` are still held
            array.removeAll()
            let count = array.count
            #expect(count == 0 && Tracked.alive == before + 2)
            for value in 0..<40 { array.append(Tracked(value)) }
            #expect(Tracked.alive == before + 42)
        }
        #expect(Tracked.alive == before)
    }
}
