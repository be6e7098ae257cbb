import SimEngine

/// Docker's memory sizes on the command line (`docker run -m 512m`): go-units `RAMInBytes`,
/// a decimal number and an optional unit `b`, `k`, `m`, `g`, `t`, `p` (powers of 1024, any
/// case, an optional `i` and `b` after it: `512m`, `512MB`, `1GiB`).
enum DockerRAMSyntax {
    static func parse(_ text: String) throws(ValueParseError) -> Int64 {
        let invalid = ValueParseError("invalid size: '\(text)'", hint: "write a size such as 512m, 1g or 268435456 (bytes)")
        var rest = Substring(text)
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        rest = rest.dropFirst(number.count)
        if rest.first == " " { rest = rest.dropFirst() }
        guard let value = Double(number), value.isFinite else { throw invalid }
        var exponent = 0
        if let unit = rest.first, let index = "kmgtp".firstIndex(of: Character(unit.lowercased())) {
            exponent = "kmgtp".distance(from: "kmgtp".startIndex, to: index) + 1
            rest = rest.dropFirst()
            if rest.first == "i" || rest.first == "I" { rest = rest.dropFirst() }
        }
        if rest.first == "b" || rest.first == "B" { rest = rest.dropFirst() }
        guard rest.isEmpty else { throw invalid }
        var bytes = value
        for _ in 0..<exponent { bytes *= 1024 }
        guard bytes < 9.0e18 else { throw ValueParseError("size '\(text)' is too large") }
        return Int64(bytes)
    }
}
