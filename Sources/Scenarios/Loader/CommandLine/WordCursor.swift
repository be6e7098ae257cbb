/// Walks the words of a condition.
struct WordCursor {
    let tokens: [CommandToken]
    var index = 0

    /// The word `ahead` places on, without consuming it.
    func peek(_ ahead: Int = 0) -> CommandToken? {
        index + ahead < tokens.count ? tokens[index + ahead] : nil
    }

    /// The next word, consumed.
    mutating func next() -> CommandToken? {
        defer { index += 1 }
        return peek()
    }

    /// Consumes one word.
    mutating func skip() { index += 1 }
}
