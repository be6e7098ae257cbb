import SimEngine

/// The draws the scenario generator makes, on the project's own generator (never the
/// standard library's, whose algorithms may change between releases).
extension RandomStream {
    /// One element of `elements`, uniformly.
    /// - Precondition: `elements` is not empty.
    /// - Complexity: O(1)
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[nextInt(below: elements.count)]
    }

    /// True `percent` times in a hundred.
    /// - Complexity: O(1)
    mutating func percent(_ percent: Int) -> Bool {
        nextInt(below: 100) < percent
    }

    /// One of the choices, each drawn in proportion to its weight.
    /// - Precondition: the weights are not negative and some weight is positive.
    /// - Complexity: O(n) in the number of choices.
    mutating func weighted<T>(_ choices: [(weight: Int, value: T)]) -> T {
        var draw = nextInt(below: choices.reduce(0) { $0 + $1.weight })
        for choice in choices {
            if draw < choice.weight { return choice.value }
            draw -= choice.weight
        }
        return choices[choices.count - 1].value
    }

    /// `count` distinct elements of `elements` (all of them if there are fewer), in a random order.
    /// - Complexity: O(n) in the number of elements.
    mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
        var shuffled = elements
        shuffle(&shuffled)
        return Array(shuffled.prefix(max(0, count)))
    }

    /// A whole number of milliseconds in `range`, as a duration.
    /// - Complexity: O(1)
    mutating func milliseconds(in range: ClosedRange<Int>) -> SimDuration {
        .milliseconds(Int64(nextInt(in: range)))
    }
}
