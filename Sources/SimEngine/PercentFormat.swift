/// Parsing of percentages (`20%`, `0.5%`) into a probability in [0, 1].
public enum PercentFormat {
    public static func parse(_ text: String) throws(ValueParseError) -> Double {
        let trimmed = text.trimmingSpaces()
        let hint = "percentages are written as 0%, 20% or 0.5%"
        guard trimmed.hasSuffix("%") else { throw ValueParseError("expected a percentage, got '\(text)'", hint: hint) }
        let number = trimmed.dropLast()
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              number.filter({ $0 == "." }).count <= 1, let value = Double(number) else {
            throw ValueParseError("invalid percentage '\(text)'", hint: hint)
        }
        guard value <= 100 else { throw ValueParseError("percentage '\(text)' is over 100%", hint: hint) }
        return value / 100
    }
}
