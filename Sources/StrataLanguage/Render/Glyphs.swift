/// The characters a renderer draws with, so ASCII mode is one switch rather than a branch per line.
struct Glyphs: Sendable {
    var horizontal: String
    var vertical: String
    var topLeft: String, topMid: String, topRight: String
    var midLeft: String, midMid: String, midRight: String
    var bottomLeft: String, bottomMid: String, bottomRight: String
    /// Marks cut text, hidden columns and hidden rows.
    var ellipsis: String
    /// Between the row and column counts of a shape: `10 rows × 3 columns`.
    var times: String

    static let unicode = Glyphs(
        horizontal: "─", vertical: "│",
        topLeft: "┌", topMid: "┬", topRight: "┐",
        midLeft: "├", midMid: "┼", midRight: "┤",
        bottomLeft: "└", bottomMid: "┴", bottomRight: "┘",
        ellipsis: "…", times: "×")

    static let ascii = Glyphs(
        horizontal: "-", vertical: "|",
        topLeft: "+", topMid: "+", topRight: "+",
        midLeft: "+", midMid: "+", midRight: "+",
        bottomLeft: "+", bottomMid: "+", bottomRight: "+",
        ellipsis: "...", times: "x")
}
