/// The characters a renderer draws with, so ASCII mode is one switch rather than a branch per line.
package struct Glyphs: Sendable {
    package var horizontal: String
    package var vertical: String
    package var topLeft: String, topMid: String, topRight: String
    package var midLeft: String, midMid: String, midRight: String
    package var bottomLeft: String, bottomMid: String, bottomRight: String
    /// Marks cut text, hidden columns and hidden rows.
    package var ellipsis: String
    /// Between the row and column counts of a shape: `10 rows × 3 columns`.
    package var times: String

    package static let unicode = Glyphs(
        horizontal: "─", vertical: "│",
        topLeft: "┌", topMid: "┬", topRight: "┐",
        midLeft: "├", midMid: "┼", midRight: "┤",
        bottomLeft: "└", bottomMid: "┴", bottomRight: "┘",
        ellipsis: "…", times: "×")

    package static let ascii = Glyphs(
        horizontal: "-", vertical: "|",
        topLeft: "+", topMid: "+", topRight: "+",
        midLeft: "+", midMid: "+", midRight: "+",
        bottomLeft: "+", bottomMid: "+", bottomRight: "+",
        ellipsis: "...", times: "x")
}
