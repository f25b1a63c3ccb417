/// One column of a table as it will be drawn: header, type label and the text of the shown rows.
package struct ColumnCells: Sendable {
    package var header: MeasuredText
    package var typeLabel: MeasuredText
    package var cells: [MeasuredText]
    package var alignment: CellAlignment
    /// Text columns may be cut narrower to make room; numbers, dates and bools never are
    /// (short of a terminal too narrow for anything else).
    package var shrinkable: Bool

    package var naturalWidth: Int {
        cells.reduce(max(header.width, typeLabel.width, 1)) { max($0, $1.width) }
    }

    /// Numbers read right-aligned so magnitudes and decimal points line up; text, bools, dates
    /// and timestamps read left-aligned (the temporal ones are fixed-width anyway).
    package static func alignment(for type: DataType) -> CellAlignment {
        type.isNumeric ? .right : .left
    }

    package init(header: MeasuredText, typeLabel: MeasuredText, cells: [MeasuredText], alignment: CellAlignment, shrinkable: Bool) {
        self.header = header
        self.typeLabel = typeLabel
        self.cells = cells
        self.alignment = alignment
        self.shrinkable = shrinkable
    }

    package init(column: Column, rows: [Int], style: RenderStyle) {
        let ellipsis = style.glyphs.ellipsis
        let limit = max(1, style.maxCellWidth)
        let name = DisplayWidth.truncate(CellText.sanitize(column.name, ascii: style.ascii), to: limit, ellipsis: ellipsis)
        header = MeasuredText(name, emphasis: .bold)
        typeLabel = MeasuredText(column.type.rawValue, emphasis: .dim)
        alignment = Self.alignment(for: column.type)
        shrinkable = column.type == .string

        let values = rows.map { column.value(at: $0) }
        var floats: [Double] = []
        var largest = 0.0
        for value in values {
            switch value {
            case .int(let v): largest = max(largest, Double(v.magnitude))
            case .float(let d) where d.isFinite:
                floats.append(d)
                largest = max(largest, d.magnitude)
            default: break
            }
        }
        let grouping = ColumnGrouping.groupsDigits(column, largestMagnitude: largest)
        let layout = FloatLayout.choose(for: floats, minimumDecimals: column.display.decimals ?? 0)
        cells = values.map { value in
            switch value {
            case .missing: return MeasuredText(ValueFormatter.missingMarker, emphasis: .dim)
            case .float(let d) where d.isNaN: return MeasuredText(ValueFormatter.missingMarker, emphasis: .dim)
            case .float(let d) where column.display.significantWhenSmall:
                return MeasuredText(layout.formatKeepingSmall(d, grouping: grouping))
            case .float(let d): return MeasuredText(layout.format(d, grouping: grouping))
            case .int(let v): return MeasuredText(NumberFormatting.integer(v, grouping: grouping))
            default: return MeasuredText(ValueFormatter.format(value, ascii: style.ascii, maxWidth: limit))
            }
        }
    }

    /// Row numbers count from 1 and keep their original value past a cut, so the tail's numbers
    /// tell how long the table is.
    package static func rowNumbers(rows: [Int]) -> ColumnCells {
        let grouping = NumberFormatting.wantsGrouping(largestMagnitude: Double((rows.max() ?? 0) + 1))
        return ColumnCells(
            header: MeasuredText("#", emphasis: .bold),
            typeLabel: MeasuredText(""),
            cells: rows.map { MeasuredText(NumberFormatting.integer(Int64($0) + 1, grouping: grouping), emphasis: .dim) },
            alignment: .right,
            shrinkable: false)
    }

    /// Stands in for the hidden columns.
    package static func hiddenMarker(rowCount: Int, ellipsis: String) -> ColumnCells {
        ColumnCells(
            header: MeasuredText(ellipsis, emphasis: .dim),
            typeLabel: MeasuredText(""),
            cells: Array(repeating: MeasuredText(ellipsis, emphasis: .dim), count: rowCount),
            alignment: .center,
            shrinkable: false)
    }
}
