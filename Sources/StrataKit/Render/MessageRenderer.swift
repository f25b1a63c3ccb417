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

    /// Text laid out in two columns, like help: `  term    description`. A line too long for the
    /// width wraps at spaces, and its continuation lines start under the description (a hanging
    /// indent), so a term's summary reads as one block instead of being cut mid-word by the
    /// terminal. Lines without a second column wrap as `render` does.
    public static func renderHanging(_ text: String, style: RenderStyle) -> String {
        let width = max(1, style.width)
        var out: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = CellText.sanitize(String(rawLine), ascii: style.ascii)
            guard DisplayWidth.of(line) > width else {
                out.append(line)
                continue
            }
            if let column = descriptionColumn(line), DisplayWidth.of(String(line.prefix(column))) <= width / 2 {
                let head = String(line.prefix(column))
                let headWidth = DisplayWidth.of(head)
                let body = wrap(String(line.dropFirst(column)), width: max(1, width - headWidth))
                let indent = String(repeating: " ", count: headWidth)
                out += body.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element }
            } else {
                out += wrap(line, width: width)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Where the second column of `  term    description` starts: after the first run of two or
    /// more spaces that follows the term. nil when the line has no such gap.
    package static func descriptionColumn(_ line: String) -> Int? {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        var sawTerm = false
        while i < chars.count {
            if chars[i] == " ", i + 1 < chars.count, chars[i + 1] == " ", sawTerm {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                return j < chars.count ? j : nil
            }
            sawTerm = true
            i += 1
        }
        return nil
    }

    package static func wrap(_ line: String, width: Int) -> [String] {
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
