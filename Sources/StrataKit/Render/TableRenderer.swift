/// Draws a table as a box with a header row, a type row and the shown rows, followed by its shape.
///
/// Tables longer than `style.maxRows` show their first ⌈maxRows/2⌉ and last ⌊maxRows/2⌋ rows
/// around a `…` row; tables wider than `style.width` lose middle columns to a `…` column and
/// the footer names them. The result has no trailing newline.
public enum TableRenderer {
    /// - Parameters:
    ///   - title: a line above the box (bold with colour).
    ///   - rowNumbers: a leading `#` column counting rows from 1.
    ///   - footer: an extra line below the shape line (a note, a total); may hold several lines.
    ///   - totalRows: when `table` holds some rows of a larger one (`show`), that table's row count,
    ///     so the shape line reads "5,000 rows × 4 columns (… 4,995 more rows)".
    ///   - showShape: false leaves out the shape line for small result tables whose size says nothing
    ///     (it still appears when rows were cut).
    public static func render(
        _ table: Table,
        title: String? = nil,
        style: RenderStyle,
        rowNumbers: Bool = false,
        footer: String? = nil,
        totalRows: Int? = nil,
        showShape: Bool = true
    ) -> String {
        let glyphs = style.glyphs
        let width = max(1, style.width)
        var lines: [String] = []
        if let title {
            lines.append(TextEmphasis.bold.apply(fitLine(title, style: style), color: style.color))
        }

        let (rows, gapAt) = shownRows(count: table.rowCount, maxRows: style.maxRows)
        if table.columnCount > 0 {
            var columns = table.columns.map { ColumnCells(column: $0, rows: rows, style: style) }
            if rowNumbers { columns.insert(.rowNumbers(rows: rows), at: 0) }
            let fit = ColumnFitting(
                natural: columns.map(\.naturalWidth),
                shrinkable: columns.map(\.shrinkable),
                pinned: rowNumbers ? 1 : 0,
                available: width,
                markerWidth: DisplayWidth.of(glyphs.ellipsis)
            ).fit()
            lines += box(columns: columns, fit: fit, rows: rows.count, gapAt: gapAt, style: style)
            if showShape || table.rowCount > style.maxRows { lines.append(fitLine(shape(rows: max(totalRows ?? 0, table.rowCount), shown: rows.count, columns: table.columnCount, glyphs: glyphs), style: style)) }
            if !fit.hidden.isEmpty {
                let names = fit.hidden.compactMap { i -> String? in
                    let index = i - (rowNumbers ? 1 : 0)
                    return table.columns.indices.contains(index) ? CellText.sanitize(table.columns[index].name, ascii: style.ascii) : nil
                }
                let noun = names.count == 1 ? "column" : "columns"
                lines.append(fitLine("\(glyphs.ellipsis) \(NumberFormatting.grouped(Int64(names.count))) more \(noun): " + names.joined(separator: ", "), style: style))
            }
        } else {
            lines.append(fitLine(shape(rows: table.rowCount, shown: table.rowCount, columns: 0, glyphs: glyphs), style: style))
        }
        if let footer {
            for line in footer.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(fitLine(String(line), style: style))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Which rows to draw, and the position in that list before which the `…` row goes.
    package static func shownRows(count: Int, maxRows: Int) -> (rows: [Int], gapAt: Int?) {
        let limit = max(1, maxRows)
        guard count > limit else { return (Array(0..<max(0, count)), nil) }
        let head = (limit + 1) / 2
        let tail = limit / 2
        return (Array(0..<head) + Array((count - tail)..<count), head)
    }

    /// `1,000 rows × 3 columns (… 980 more rows)`.
    package static func shape(rows: Int, shown: Int, columns: Int, glyphs: Glyphs) -> String {
        let text = NumberFormatting.grouped(Int64(rows)) + (rows == 1 ? " row" : " rows")
            + " \(glyphs.times) " + NumberFormatting.grouped(Int64(columns)) + (columns == 1 ? " column" : " columns")
        guard shown < rows else { return text }
        let more = rows - shown
        return text + " (\(glyphs.ellipsis) " + NumberFormatting.grouped(Int64(more)) + (more == 1 ? " more row)" : " more rows)")
    }

    /// A free-text line made safe and cut to the width.
    package static func fitLine(_ text: String, style: RenderStyle) -> String {
        DisplayWidth.truncate(CellText.sanitize(text, ascii: style.ascii), to: max(1, style.width), ellipsis: style.glyphs.ellipsis)
    }

    private static func box(columns: [ColumnCells], fit: ColumnFitting.Result, rows: Int, gapAt: Int?, style: RenderStyle) -> [String] {
        var drawn = fit.visible.map { columns[$0] }
        var widths = fit.widths
        let ellipsis = style.glyphs.ellipsis
        if let markerBefore = fit.markerBefore {
            drawn.insert(.hiddenMarker(rowCount: rows, ellipsis: ellipsis), at: markerBefore)
            widths.insert(DisplayWidth.of(ellipsis), at: markerBefore)
        }
        let box = BoxDrawing(widths: widths, style: style)
        let alignments = drawn.map(\.alignment)
        var lines = [box.top(), box.row(drawn.map(\.header), alignments), box.row(drawn.map(\.typeLabel), alignments)]
        if rows > 0 { lines.append(box.separator()) }
        let gapAlignments = [CellAlignment](repeating: .center, count: drawn.count)
        for r in 0..<rows {
            if r == gapAt {
                lines.append(box.row(widths.map { gapCell(width: $0, ellipsis: ellipsis) }, gapAlignments))
            }
            lines.append(box.row(drawn.map { r < $0.cells.count ? $0.cells[r] : MeasuredText("") }, alignments))
        }
        lines.append(box.bottom())
        return lines
    }

    /// The `…` of the skipped-rows line; in ASCII, as many dots of `...` as the column holds.
    private static func gapCell(width: Int, ellipsis: String) -> MeasuredText {
        MeasuredText(DisplayWidth.prefix(ellipsis, width: width).text, emphasis: .dim)
    }
}
