/// Plain prose for the terminal: made safe and wrapped at spaces to the width, so messages,
/// notes and errors never run past the edge however long a name in them is.
public enum MessageRenderer {
    /// Each line of `text` is wrapped on its own; continuation lines keep its indentation.
    /// A word longer than the width is broken. No trailing newline.
    public static func render(_ text: String, style: RenderStyle) -> String {
        let width = max(1, style.width)
        var out: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += wrap(CellText.sanitize(String(rawLine), ascii: style.ascii), width: width)
        }
        return out.joined(separator: "\n")
    }

    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indentCount = line.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: indentCount < width / 2 ? indentCount : 0)
        var lines: [String] = []
        var current = indent
        var currentWidth = indent.count
        var hasWord = false
        for word in line.split(separator: " ").map(String.init) {
            var word = word
            var wordWidth = DisplayWidth.of(word)
            if hasWord, currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if hasWord {
                lines.append(current)
                current = indent
                currentWidth = indent.count
            }
            // Break words that cannot fit on a line of their own.
            while currentWidth + wordWidth > width {
                let piece = DisplayWidth.prefix(word, width: max(1, width - currentWidth))
                // A character wider than the room (a wide glyph in a 1-cell gap) still goes out alone.
                let taken = piece.text.isEmpty ? String(word.prefix(1)) : piece.text
                lines.append(current + taken)
                word = String(word.dropFirst(taken.count))
                wordWidth = DisplayWidth.of(word)
                current = indent
                currentWidth = indent.count
            }
            current += word
            currentWidth += wordWidth
            hasWord = !word.isEmpty
        }
        if hasWord || lines.isEmpty { lines.append(current) }
        return lines
    }
}
