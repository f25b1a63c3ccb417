/// Horizontal bars: label, bar, value. Lengths are proportional to the values from a zero line;
/// negative values extend to the left of it.
package enum HorizontalBars {
    package static func render(_ bar: BarChart, _ canvas: ChartCanvas) -> ChartBody {
        guard !bar.values.isEmpty else { return ChartBody(lines: ["(no bars to draw)"]) }
        let glyphs = canvas.glyphs
        let labels = bar.labels.map { canvas.fit($0, canvas.maxLabelWidth) }
        let values = ChartNumber.format(bar.values)
        let header = bar.categoryLabel.map { canvas.fit($0, canvas.maxLabelWidth) } ?? ""
        let labelWidth = max(DisplayWidth.of(header), labels.map { DisplayWidth.of($0) }.max() ?? 0)
        let valueWidth = values.map { DisplayWidth.of($0) }.max() ?? 0
        let area = max(4, canvas.width - labelWidth - valueWidth - 3)
        let finite = bar.values.map { $0.isFinite ? $0 : 0 }
        let low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 0)
        let span = high - low
        // Cells left of the zero line for negative bars, the rest for positive ones.
        let negativeCells = span > 0 ? Int((Double(area) * -low / span).rounded()) : 0
        let positiveCells = area - negativeCells
        var lines: [String] = []
        if bar.categoryLabel != nil || bar.valueLabel != nil {
            let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(header) + 1)
            lines.append(header + pad + canvas.fit(bar.valueLabel ?? "", area + valueWidth + 1))
        }
        for (i, value) in finite.enumerated() {
            let label = i < labels.count ? labels[i] : ""
            var line = label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label) + 1)
            var cells = ""
            if negativeCells > 0 {
                let n = value < 0 ? min(negativeCells, Int((Double(negativeCells) * value / low).rounded())) : 0
                cells += String(repeating: " ", count: negativeCells - n) + String(repeating: glyphs.fullBlock, count: n)
            }
            if value > 0 && positiveCells > 0 {
                // A positive value too small for an eighth still shows a sliver, so it never reads as zero.
                let (whole, eighths) = split(max(Double(positiveCells) * value / high, 1.0 / 8))
                cells += String(repeating: glyphs.fullBlock, count: whole)
                    + (eighths > 0 ? glyphs.horizontalEighths[eighths - 1] : "")
            }
            line += ChartColor.apply(cells, series: 0, enabled: canvas.color)
            line += " " + values[i]
            lines.append(line)
        }
        var body = ChartBody(lines: lines)
        if bar.values.contains(where: { !$0.isFinite }) { body.notes.append("missing values are drawn as empty bars") }
        return body
    }

    /// Cells and leftover eighths of a length in cells.
    package static func split(_ length: Double) -> (Int, Int) {
        let eighths = Int((length * 8).rounded())
        return (eighths / 8, eighths % 8)
    }
}

/// Vertical bars over a value axis that always includes zero; category labels below each bar.
package enum VerticalBars {
    package static func render(_ bar: BarChart, _ canvas: ChartCanvas) -> ChartBody {
        guard !bar.values.isEmpty else { return ChartBody(lines: ["(no bars to draw)"]) }
        let finite = bar.values.map { $0.isFinite ? $0 : 0 }
        let rows = canvas.height
        let scale = AxisTicks.linear(finite.min() ?? 0, finite.max() ?? 0, maxTicks: ChartLayout.yTicks(rows: rows), includeZero: true)
        let yTicks = scale.ticks.map { PlacedTick(position: BarGeometry.tickRow(scale.fraction(axisValue: $0), rows: rows), label: scale.label($0)) }
        let left = PlotFrame.leftMargin(for: yTicks.map(\.label))
        let room = max(2, canvas.width - left)
        // As wide as the room allows (up to 8 cells) with one blank between bars.
        let shown = min(bar.values.count, max(1, (room + 1) / 2))
        let barWidth = max(1, min(8, (room + 1) / shown - 1))
        let plotWidth = min(room, shown * (barWidth + 1))
        var grid = CellGrid(width: plotWidth, height: rows)
        for i in 0..<shown {
            BarGeometry.drawColumn(&grid, column: i * (barWidth + 1), width: barWidth, value: finite[i], scale: scale,
                                   glyphs: canvas.glyphs, series: 0)
        }
        let xTicks = (0..<shown).map { i -> PlacedTick in
            let label = i < bar.labels.count ? canvas.fit(bar.labels[i], max(1, barWidth)) : ""
            return PlacedTick(position: i * (barWidth + 1) + (barWidth - 1) / 2, label: label)
        }
        let frame = PlotFrame(yTicks: yTicks, secondaryTicks: nil, xTicks: xTicks, yLabel: bar.valueLabel,
                              secondaryLabel: nil, xLabel: bar.categoryLabel, glyphs: canvas.glyphs)
        var body = ChartBody(lines: frame.render(grid, width: canvas.width, color: canvas.color))
        if shown < bar.values.count {
            body.notes.append("\(bar.values.count - shown) more bars do not fit; use a horizontal bar chart")
        }
        if barWidth < 3 && bar.labels.contains(where: { DisplayWidth.of($0) > barWidth }) {
            body.notes.append("labels are cut to the bar width")
        }
        return body
    }
}

/// Drawing bars in a grid of cells from a value axis.
package enum BarGeometry {
    /// The row (0 at the top) a bar reaching `fraction` of the height ends in; `rows` (the axis
    /// line below the plot) for the bottom edge itself.
    package static func tickRow(_ fraction: Double, rows: Int) -> Int {
        let cells = Int((fraction * Double(rows) - 1e-9).rounded(.up))
        return max(0, min(rows, rows - cells))
    }

    /// One bar from the zero line to `value`; eighth blocks at the top of positive bars.
    package static func drawColumn(_ grid: inout CellGrid, column: Int, width: Int, value: Double, scale: AxisScale,
                           glyphs: ChartGlyphs, series: Int?) {
        let rows = grid.height
        let zero = scale.fraction(axisValue: 0) * Double(rows)
        let top = scale.fraction(axisValue: value) * Double(rows)
        if value >= 0 {
            let eighths = Int(((top - zero) * 8).rounded())
            let start = Int((zero).rounded())
            let whole = eighths / 8, rest = eighths % 8
            for r in 0..<whole { fill(&grid, column, width, rows - 1 - (start + r), glyphs.fullBlock, series) }
            if rest > 0, !glyphs.verticalEighths[rest - 1].isEmpty {
                fill(&grid, column, width, rows - 1 - (start + whole), glyphs.verticalEighths[rest - 1], series)
            }
        } else {
            // A negative value always fills at least one cell below the zero line.
            let to = Int(zero.rounded()), from = min(Int(top.rounded()), to - 1)
            for r in max(0, from)..<max(max(0, from), to) { fill(&grid, column, width, rows - 1 - r, glyphs.fullBlock, series) }
        }
    }

    private static func fill(_ grid: inout CellGrid, _ column: Int, _ width: Int, _ row: Int, _ glyph: String, _ series: Int?) {
        for c in column..<(column + width) { grid.set(c, row, glyph, series: series) }
    }
}
