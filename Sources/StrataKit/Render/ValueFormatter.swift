/// The text of a single cell, outside any column context. Table columns format floats through a
/// shared `FloatLayout` instead, so that they align; everything else reads the same either way.
public enum ValueFormatter {
    /// Shown for missing cells (and NaN, which the engine treats as missing), in Unicode and
    /// ASCII alike so the two modes differ only in decoration. Dimmed when colour is on, which
    /// is what tells it apart from a string that happens to read "NA".
    public static let missingMarker = "NA"

    /// Numbers of five or more integer digits get thousands separators (see
    /// `NumberFormatting.groupingFrom`), floats show up to 6 significant digits, strings are made safe
    /// for a single terminal line (see `CellText`) and cut with an ellipsis past `maxWidth` cells.
    public static func format(_ value: Value, ascii: Bool = false, maxWidth: Int? = nil) -> String {
        switch value {
        case .missing: return missingMarker
        case .int(let v): return NumberFormatting.integer(v, grouping: v.magnitude >= NumberFormatting.groupingFrom)
        case .float(let v):
            guard !v.isNaN else { return missingMarker }
            return NumberFormatting.significant(v, grouping: NumberFormatting.wantsGrouping(largestMagnitude: v.magnitude))
        case .string(let s):
            let safe = CellText.sanitize(s, ascii: ascii)
            guard let maxWidth else { return safe }
            return DisplayWidth.truncate(safe, to: maxWidth, ellipsis: ascii ? Glyphs.ascii.ellipsis : Glyphs.unicode.ellipsis)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return CivilCalendar.formatDate(days: d)
        case .timestamp(let s): return CivilCalendar.formatTimestamp(seconds: s)
        }
    }
}
