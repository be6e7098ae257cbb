import Foundation
import SimEngine

/// Small pieces of the HTML page: escaping and the time scale.
enum HTMLText {
    /// `text` safe inside an element or a double-quoted attribute, as XML escapes it (SVG is
    /// XML; HTML reads the same entities). The colon of `://` is
    /// written `&#58;` too: a reader sees the same text (Docker's messages quote its docs'
    /// addresses), and the page's source names no address that anything could load.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"':".contains($0) }) || text.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return text }
        return JUnitReport.escape(text, inAttribute: false).replacingOccurrences(of: "://", with: "&#58;//")
    }

    /// A `<title>` element: the text alternative of the mark it is in, shown on hover.
    static func title(_ text: String) -> String {
        "<title>" + escaped(text) + "</title>"
    }
}

/// Where an instant falls across the plot, as a percentage of its width: the SVG draws every
/// x in percent, so zooming (widening the SVG) stretches time and leaves text as it is.
struct TimeScale {
    let end: SimInstant

    /// `t` as a percentage with three decimals (`37.500%`), clamped to the run.
    func x(_ time: SimInstant) -> String {
        String(format: "%.3f%%", fraction(time) * 100)
    }

    /// `t` as a percentage, kept far enough from the right edge for a mark of `width`
    /// percent to show whole (an expectation decided at the end of the run).
    func x(_ time: SimInstant, leaving width: Double) -> String {
        String(format: "%.3f%%", min(fraction(time) * 100, 100 - width))
    }

    /// The width from `start` to `end`, at least `minimum` percent so that an instant shows.
    func width(from start: SimInstant, to end: SimInstant, minimum: Double = 0.05) -> String {
        String(format: "%.3f%%", max(minimum, (fraction(end) - fraction(start)) * 100))
    }

    /// The share of the run that `start`..`end` covers.
    func share(from start: SimInstant, to end: SimInstant) -> Double {
        fraction(end) - fraction(start)
    }

    private func fraction(_ time: SimInstant) -> Double {
        guard end.nanoseconds > 0 else { return 0 }
        return min(1, max(0, Double(time.nanoseconds) / Double(end.nanoseconds)))
    }

    /// Instants for the axis: a round step that gives at most about 12 ticks.
    func ticks() -> [SimInstant] {
        let seconds = max(1, end.nanoseconds / 1_000_000_000)
        let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400]
        let step = steps.first { seconds / $0 <= 12 } ?? max(1, seconds / 12)
        return stride(from: Int64(0), through: seconds, by: Int(step)).map { SimInstant(nanoseconds: $0 * 1_000_000_000) }
    }
}
