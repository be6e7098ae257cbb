extension StringProtocol {
    /// The text without the leading and trailing characters for which `isTrimmed` holds.
    ///
    /// Walks indexes inward from both ends, so it is linear in the characters removed.
    /// (`Substring.dropLast()` in a loop is not: each call measures the whole string, which
    /// made validating a line with 100 KB of trailing spaces take seconds.)
    /// - Complexity: O(n)
    public func trimming(leading: Bool = true, trailing: Bool = true, where isTrimmed: (Character) -> Bool) -> SubSequence {
        var start = startIndex
        var end = endIndex
        if leading {
            while start < end, isTrimmed(self[start]) { start = index(after: start) }
        }
        if trailing {
            while start < end {
                let before = index(before: end)
                guard isTrimmed(self[before]) else { break }
                end = before
            }
        }
        return self[start..<end]
    }
}

extension Character {
    /// A space or a tab.
    public var isSpaceOrTab: Bool { self == " " || self == "\t" }
    /// A line break: `\n`, `\r` or `\r\n` (one character in Swift).
    public var isLineBreak: Bool { self == "\n" || self == "\r" || self == "\r\n" }
}
