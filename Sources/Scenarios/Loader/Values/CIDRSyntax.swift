import SimEngine

/// Checks of IPv4 subnets in CIDR notation (`10.0.9.0/24`).
enum CIDRSyntax {
    /// The subnet, trimmed, when it is `A.B.C.D/N` with octets up to 255 and N up to 32.
    /// - Throws: `ValueParseError` saying what was wrong.
    static func check(_ text: String) throws(ValueParseError) -> String {
        let trimmed = text.trimmingWhitespace()
        let error = ValueParseError("invalid subnet '\(text)'", hint: "write an IPv4 subnet such as 10.0.9.0/24")
        let halves = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, let bits = Int(halves[1]), (0...32).contains(bits), halves[1].count <= 2 else { throw error }
        let octets = halves[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { throw error }
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(octet), value <= 255 else { throw error }
        }
        return trimmed
    }
}
