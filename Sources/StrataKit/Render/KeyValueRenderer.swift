/// A small two-column box without a header, for outputs that are a list of facts rather than a
/// table: a model summary, a test result, settings.
public enum KeyValueRenderer {
    /// Keys are left-aligned; values are right-aligned when every one of them reads as a number
    /// (so figures line up), left-aligned otherwise. The value column gives way first when the
    /// box is wider than `style.width`. No trailing newline.
    public static func render(pairs: [(String, String)], title: String? = nil, style: RenderStyle) -> String {
        var lines: [String] = []
        if let title {
            lines.append(TextEmphasis.bold.apply(TableRenderer.fitLine(title, style: style), color: style.color))
        }
        guard !pairs.isEmpty else { return lines.joined(separator: "\n") }

        let ellipsis = style.glyphs.ellipsis
        let keys = pairs.map {
            MeasuredText(DisplayWidth.truncate(CellText.sanitize($0.0, ascii: style.ascii), to: max(1, style.maxCellWidth), ellipsis: ellipsis))
        }
        let values = pairs.map { MeasuredText(CellText.sanitize($0.1, ascii: style.ascii)) }
        let numeric = values.allSatisfy { looksNumeric($0.text) }
        let alignments: [CellAlignment] = [.left, numeric ? .right : .left]
        let natural = [keys, values].map { column in column.reduce(1) { max($0, $1.width) } }
        let fit = ColumnFitting(
            natural: natural, shrinkable: [true, true], pinned: 2,
            available: max(1, style.width), markerWidth: 0
        ).fit()
        let box = BoxDrawing(widths: fit.widths, style: style)
        lines.append(box.top())
        for (key, value) in zip(keys, values) {
            lines.append(box.row([key, value], alignments))
        }
        lines.append(box.bottom())
        return lines.joined(separator: "\n")
    }

    /// Digits with an optional sign, grouping commas, point, exponent, or a trailing `%`;
    /// also the texts the number formatter writes for special values.
    package static func looksNumeric(_ text: String) -> Bool {
        if text == "inf" || text == "-inf" || text == ValueFormatter.missingMarker { return true }
        var sawDigit = false
        for (i, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case "-", "+": guard i == 0 || text.unicodeScalars.dropFirst(i - 1).first == "e" else { return false }
            case ",", ".", "e", "%": continue
            default: return false
            }
        }
        return sawDigit
    }
}
