/// The Docker CLI's table layout: Go's `text/tabwriter` (docker/cli vendors a copy) configured as
/// `formatter.Context.postFormat` does it, `NewWriter(out, 10, 1, 3, ' ', 0)`: minimum cell width
/// 10 (padding included), padding 3, padded with spaces, left-aligned.
///
/// Cells are tab-terminated: the text after a line's last tab is not part of any column and is
/// written as is. A column is a run of consecutive lines that all have a cell in it (elastic
/// tabstops); its width is the widest cell plus the padding, at least the minimum width. Empty
/// cells are padded too, so a row whose trailing columns are empty ends in spaces, as Docker's do.
public struct TableWriter: Sendable {
    public var minWidth: Int
    public var padding: Int

    /// Docker's table settings.
    public init(minWidth: Int = 10, padding: Int = 3) {
        self.minWidth = minWidth
        self.padding = padding
    }

    /// Lays out `rows` (each a list of cells; the last cell of a row is its trailing text) and
    /// returns the lines joined by `\n`, without a final newline.
    /// - Complexity: O(cells × columns) in the worst case; O(cells) for a rectangular table.
    public func render(_ rows: [[String]]) -> String {
        let lines = rows.map { cells in cells.map { Cell(text: $0, width: TableWriter.displayWidth($0)) } }
        var output: [String] = Array(repeating: "", count: lines.count)
        var widths: [Int] = []
        format(lines, from: 0, to: lines.count, widths: &widths, output: &output)
        return output.joined(separator: "\n")
    }

    /// The rows as Docker builds them: the header, then one row per item, cells separated by tabs.
    public func render(header: [String], rows: [[String]]) -> String {
        render([header] + rows)
    }

    struct Cell {
        var text: String
        var width: Int
    }

    /// Go tabwriter's `format`: find the column blocks left to right, recursively, and write each
    /// line once the widths of all its columns are known.
    private func format(_ lines: [[Cell]], from start: Int, to end: Int, widths: inout [Int], output: inout [String]) {
        let column = widths.count
        var line0 = start
        var this = start
        while this < end {
            // A line has a cell in `column` when the column is not its trailing text.
            if column >= lines[this].count - 1 {
                this += 1
                continue
            }
            writeLines(lines, from: line0, to: this, widths: widths, output: &output)
            line0 = this
            var width = minWidth
            while this < end, column < lines[this].count - 1 {
                width = max(width, lines[this][column].width + padding)
                this += 1
            }
            widths.append(width)
            format(lines, from: line0, to: this, widths: &widths, output: &output)
            widths.removeLast()
            line0 = this
        }
        writeLines(lines, from: line0, to: end, widths: widths, output: &output)
    }

    private func writeLines(_ lines: [[Cell]], from start: Int, to end: Int, widths: [Int], output: inout [String]) {
        guard start < end else { return }
        // Built as UTF-8 bytes: appending strings and runs of spaces one by one costs far more.
        var bytes: [UInt8] = []
        for index in start..<end {
            bytes.removeAll(keepingCapacity: true)
            let cells = lines[index]
            for (j, cell) in cells.enumerated() {
                bytes.append(contentsOf: cell.text.utf8)
                if j < widths.count, j < cells.count - 1 {
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, widths[j] - cell.width)))
                }
            }
            output[index] = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The display width of `text`: one column per Unicode scalar, two for East Asian wide and
    /// full-width characters (`go-runewidth` outside an East Asian locale, for the characters a
    /// simulated cluster prints).
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            width += isWide(scalar) ? 2 : 1
        }
        return width
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
