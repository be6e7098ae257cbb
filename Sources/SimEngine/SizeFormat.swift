/// Parsing and printing of sizes as Compose writes them (`512MiB`, `8GiB`, `256M`, `1g`):
/// every unit is a power of 1024.
public enum SizeFormat {
    private static let units: [(String, Int64)] = [
        ("b", 1), ("k", 1 << 10), ("kb", 1 << 10), ("kib", 1 << 10),
        ("m", 1 << 20), ("mb", 1 << 20), ("mib", 1 << 20),
        ("g", 1 << 30), ("gb", 1 << 30), ("gib", 1 << 30),
        ("t", 1 << 40), ("tb", 1 << 40), ("tib", 1 << 40),
    ]

    /// Parses a size into bytes; a bare number is bytes.
    public static func parse(_ text: String) throws(ValueParseError) -> Int64 {
        let trimmed = text.trimmingSpaces()
        let hint = "sizes are written as 512MiB, 8GiB, 256M or 1G (powers of 1024)"
        let numberText = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        if numberText.isEmpty { throw ValueParseError("invalid size '\(text)'", hint: hint) }
        let unitText = trimmed.dropFirst(numberText.count).lowercased().trimmingSpaces()
        let scale: Int64
        if unitText.isEmpty {
            scale = 1
        } else if let unit = units.first(where: { $0.0 == unitText }) {
            scale = unit.1
        } else {
            throw ValueParseError("unknown unit '\(unitText)' in size '\(text)'", hint: hint)
        }
        guard let bytes = DurationFormat.scaled(numberText, by: scale) else {
            throw ValueParseError("invalid size '\(text)'", hint: hint)
        }
        return bytes
    }

    /// The size in the largest binary unit that divides it evenly or with one decimal: `8GiB`, `1.5GiB`, `512MiB`.
    public static func format(_ bytes: Int64) -> String {
        let steps: [(String, Int64)] = [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (name, scale) in steps where bytes >= scale {
            let tenths = bytes / (scale / 10)  // truncated to one decimal
            return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + name
        }
        return "\(bytes)B"
    }
}
