/// docker/go-units' size texts, as Docker and classic Swarm print memory: `BytesSize` is
/// `CustomSize("%.4g %s", size, 1024, binaryAbbrs)` (`0 B`, `960 B`, `2.044 GiB`, `6.09 GiB`).
///
/// The size is divided by 1024 while it is at least 1024 (exact in binary floating point), then
/// printed with Go's `%.4g`: four significant digits, rounded half to even on the exact value,
/// trailing zeros and a trailing point dropped. Integer arithmetic gives the same digits.
enum GoUnitsSize {
    static let binaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]

    /// `units.BytesSize(float64(bytes))`.
    static func bytesSize(_ bytes: Int64) -> String {
        guard bytes > 0 else { return bytes == 0 ? "0 B" : "-" + bytesSize(-bytes) }
        var unit = 0
        var divisor: Int64 = 1
        while bytes / divisor >= 1024 && unit < binaryUnits.count - 1 {
            divisor *= 1024
            unit += 1
        }
        return fourSignificantDigits(numerator: bytes, denominator: divisor) + " " + binaryUnits[unit]
    }

    /// Go's `%.4g` of numerator/denominator, for a quotient in [1, 1024).
    static func fourSignificantDigits(numerator: Int64, denominator: Int64) -> String {
        let integerDigits = String(numerator / denominator).count
        var decimals = max(0, 4 - integerDigits)
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        // Round numerator × scale / denominator half to even, in 128-bit arithmetic.
        let product = numerator.multipliedFullWidth(by: scale)
        var (quotient, remainder) = denominator.dividingFullWidth(product)
        let twice = remainder * 2
        if twice > denominator || (twice == denominator && quotient % 2 == 1) {
            quotient += 1
            remainder = 0
        }
        // A carry to five digits (999.96 → 1000.0) keeps four significant digits.
        var digits = String(quotient)
        if digits.count > 4 && decimals > 0 {
            digits.removeLast()
            decimals -= 1
        }
        guard decimals > 0 else { return digits }
        let integerPart = digits.dropLast(decimals)
        var fraction = String(digits.suffix(decimals))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(integerPart) : integerPart + "." + fraction
    }
}
