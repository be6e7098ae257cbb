/// Lays out the reference's text: headings, paragraphs and entries, wrapped at a width.
struct ReferenceWriter {
    let width: Int
    private var lines: [String] = []

    init(width: Int) {
        self.width = width
    }

    /// The text written, ending with a line break.
    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func heading(_ title: String) {
        if !lines.isEmpty { lines.append("") }
        lines.append(title)
    }

    mutating func paragraph(_ text: String) {
        if !lines.isEmpty { lines.append("") }
        lines += Self.wrap(text, indent: "", width: width)
    }

    /// Each entry's form on its line, its meaning below it, indented.
    mutating func entries(_ entries: [ReferenceEntry]) {
        for entry in entries {
            lines.append("  " + entry.form)
            lines += Self.wrap(entry.meaning, indent: "      ", width: width)
        }
    }

    /// `text` in lines of at most `width` columns (a longer word gets a line of its own).
    static func wrap(_ text: String, indent: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        if line.count > indent.count { lines.append(line) }
        return lines
    }
}
