/// Draws the lines of a box from column widths; shared by the table and key–value renderers.
package struct BoxDrawing {
    package var widths: [Int]
    package var style: RenderStyle

    private var glyphs: Glyphs { style.glyphs }

    package func top() -> String { rule(glyphs.topLeft, glyphs.topMid, glyphs.topRight) }
    package func separator() -> String { rule(glyphs.midLeft, glyphs.midMid, glyphs.midRight) }
    package func bottom() -> String { rule(glyphs.bottomLeft, glyphs.bottomMid, glyphs.bottomRight) }

    /// One line of cells; `cells` and `alignments` pair up with `widths`.
    package func row(_ cells: [MeasuredText], _ alignments: [CellAlignment]) -> String {
        var line = glyphs.vertical
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : MeasuredText("")
            let alignment = i < alignments.count ? alignments[i] : .left
            line += " " + alignment.place(cell, width: width, ellipsis: glyphs.ellipsis, color: style.color) + " " + glyphs.vertical
        }
        return line
    }

    private func rule(_ left: String, _ mid: String, _ right: String) -> String {
        left + widths.map { String(repeating: glyphs.horizontal, count: $0 + 2) }.joined(separator: mid) + right
    }
}
