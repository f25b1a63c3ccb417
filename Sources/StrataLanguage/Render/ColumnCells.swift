/// One column of a table as it will be drawn: header, type label and the text of the shown rows.
struct ColumnCells: Sendable {
    var header: Cell
    var typeLabel: Cell
    var cells: [Cell]
    var alignment: CellAlignment
    /// Text columns may be cut narrower to make room; numbers, dates and bools never are
    /// (short of a terminal too narrow for anything else).
    var shrinkable: Bool

    var naturalWidth: Int {
        cells.reduce(max(header.width, typeLabel.width, 1)) { max($0, $1.width) }
    }

    /// Numbers read right-aligned so magnitudes and decimal points line up; text, bools, dates
    /// and timestamps read left-aligned (the temporal ones are fixed-width anyway).
    static func alignment(for type: DataType) -> CellAlignment {
        type.isNumeric ? .right : .left
    }

    init(header: Cell, typeLabel: Cell, cells: [Cell], alignment: CellAlignment, shrinkable: Bool) {
        self.header = header
        self.typeLabel = typeLabel
        self.cells = cells
        self.alignment = alignment
        self.shrinkable = shrinkable
    }

    init(column: Column, rows: [Int], style: RenderStyle) {
        let ellipsis = style.glyphs.ellipsis
        let limit = max(1, style.maxCellWidth)
        let name = DisplayWidth.truncate(CellText.sanitize(column.name, ascii: style.ascii), to: limit, ellipsis: ellipsis)
        header = Cell(name, emphasis: .bold)
        typeLabel = Cell(column.type.rawValue, emphasis: .dim)
        alignment = Self.alignment(for: column.type)
        shrinkable = column.type == .string

        let values = rows.map { column.value(at: $0) }
        let layout: FloatLayout? = column.type == .float
            ? FloatLayout.choose(for: values.compactMap { if case .float(let d) = $0 { d } else { nil } })
            : nil
        cells = values.map { value in
            switch value {
            case .missing: return Cell(ValueFormatter.missingMarker, emphasis: .dim)
            case .float(let d) where d.isNaN: return Cell(ValueFormatter.missingMarker, emphasis: .dim)
            case .float(let d): return Cell(layout.map { $0.format(d) } ?? NumberFormatting.significant(d))
            default: return Cell(ValueFormatter.format(value, ascii: style.ascii, maxWidth: limit))
            }
        }
    }

    /// Row numbers count from 1 and keep their original value past a cut, so the tail's numbers
    /// tell how long the table is.
    static func rowNumbers(rows: [Int]) -> ColumnCells {
        ColumnCells(
            header: Cell("#", emphasis: .bold),
            typeLabel: Cell(""),
            cells: rows.map { Cell(NumberFormatting.grouped(Int64($0) + 1), emphasis: .dim) },
            alignment: .right,
            shrinkable: false)
    }

    /// Stands in for the hidden columns.
    static func hiddenMarker(rowCount: Int, ellipsis: String) -> ColumnCells {
        ColumnCells(
            header: Cell(ellipsis, emphasis: .dim),
            typeLabel: Cell(""),
            cells: Array(repeating: Cell(ellipsis, emphasis: .dim), count: rowCount),
            alignment: .center,
            shrinkable: false)
    }
}
