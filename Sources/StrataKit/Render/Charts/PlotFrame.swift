/// A tick label at a row (y axes) or column (x axes) of the plotting area.
package struct PlacedTick: Equatable {
    package var position: Int
    package var label: String
}

/// Axes around a plotting area: y tick labels on the left (and a secondary axis on the right),
/// the x axis with its tick labels below, and the axis titles. Knows nothing about what is plotted.
package struct PlotFrame {
    package var yTicks: [PlacedTick]
    package var secondaryTicks: [PlacedTick]?
    package var xTicks: [PlacedTick]
    package var yLabel: String?
    package var secondaryLabel: String?
    package var xLabel: String?
    package var glyphs: ChartGlyphs

    /// Columns left of the plot: the widest y label and the axis line.
    package static func leftMargin(for labels: [String]) -> Int {
        (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    }

    /// Columns right of the plot: the secondary axis line and its labels.
    package static func rightMargin(for labels: [String]?) -> Int {
        guard let labels else { return 0 }
        return (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    }

    package func render(_ grid: CellGrid, width totalWidth: Int, color: Bool) -> [String] {
        let left = Self.leftMargin(for: yTicks.map(\.label))
        var lines: [String] = []
        let yTitle = yLabel.map { fit($0, totalWidth) }
        let rightTitle = secondaryLabel.map { fit($0, max(1, totalWidth - (yTitle.map { DisplayWidth.of($0) + 2 } ?? 0))) }
        if yTitle != nil || rightTitle != nil {
            var line = yTitle ?? ""
            if let rightTitle {
                let gap = max(2, totalWidth - DisplayWidth.of(line) - DisplayWidth.of(rightTitle))
                line += String(repeating: " ", count: gap) + rightTitle
            }
            lines.append(line)
        }
        let yByRow = Dictionary(yTicks.map { ($0.position, $0.label) }, uniquingKeysWith: { a, _ in a })
        let secondaryByRow = Dictionary((secondaryTicks ?? []).map { ($0.position, $0.label) }, uniquingKeysWith: { a, _ in a })
        for row in 0..<grid.height {
            let label = yByRow[row] ?? ""
            var line = String(repeating: " ", count: max(0, left - 2 - DisplayWidth.of(label))) + label + " "
            line += yByRow[row] != nil ? glyphs.tickLeft : glyphs.axisVertical
            line += grid.line(row, color: color)
            if secondaryTicks != nil {
                let tick = secondaryByRow[row]
                line += (tick != nil ? glyphs.tickRight : glyphs.axisVertical) + (tick.map { " " + $0 } ?? "")
            }
            lines.append(line)
        }
        var axis = Array(repeating: glyphs.axisHorizontal, count: grid.width)
        for t in xTicks where t.position >= 0 && t.position < grid.width { axis[t.position] = glyphs.tickBottom }
        // A tick at the row below the plot (zero of a bar chart) is labelled on the axis line itself.
        let axisLabel = yByRow[grid.height].map { $0 + " " } ?? ""
        lines.append(String(repeating: " ", count: max(0, left - 1 - DisplayWidth.of(axisLabel))) + axisLabel + glyphs.axisCorner + axis.joined()
                     + (secondaryTicks != nil ? glyphs.axisRightCorner : ""))
        if let labels = Self.tickLabelLine(xTicks, offset: left, width: totalWidth) { lines.append(labels) }
        if let xLabel {
            let text = fit(xLabel, totalWidth)
            let center = left + grid.width / 2 - DisplayWidth.of(text) / 2
            let start = max(0, min(center, totalWidth - DisplayWidth.of(text)))
            lines.append(String(repeating: " ", count: start) + text)
        }
        return lines
    }

    private func fit(_ text: String, _ width: Int) -> String {
        DisplayWidth.truncate(CellText.sanitize(text, ascii: glyphs.ascii), to: max(1, width), ellipsis: glyphs.ellipsis)
    }

    /// Labels centred under their columns; a label that would touch the previous one is left out,
    /// and labels at the edges are pushed inside the width.
    package static func tickLabelLine(_ ticks: [PlacedTick], offset: Int, width: Int) -> String? {
        guard !ticks.isEmpty else { return nil }
        var line = ""
        var used = 0
        for t in ticks.sorted(by: { $0.position < $1.position }) {
            let w = DisplayWidth.of(t.label)
            guard w <= width else { continue }
            var start = offset + t.position - w / 2
            start = min(max(start, 0), width - w)
            guard start >= (used == 0 ? 0 : used + 1) else { continue }
            line += String(repeating: " ", count: start - used) + t.label
            used = start + w
        }
        return line
    }
}

/// Sizes shared by the chart kinds.
package enum ChartLayout {
    package static func width(_ chart: Chart, _ style: RenderStyle) -> Int {
        let available = max(1, style.width)
        return min(available, max(1, chart.width ?? available))
    }

    /// Rows of the plotting area: as asked, else a sixth of the width within 8…16 rows, so a
    /// 100-column batch run always draws 16 rows.
    package static func plotHeight(_ chart: Chart, _ style: RenderStyle) -> Int {
        if let h = chart.height { return max(2, min(h, 200)) }
        return max(8, min(16, width(chart, style) / 6))
    }

    /// Ticks up a value axis of `rows` rows: about one every other row, at most eight.
    package static func yTicks(rows: Int) -> Int { max(3, min(8, rows / 2)) }

    /// Ticks that fit `length` cells with some room between labels.
    package static func maxTicks(length: Int, labelWidth: Int) -> Int {
        max(2, min(11, length / max(4, labelWidth + 3)))
    }

    /// Row of the plotting area (0 at the top) for a fraction of the height, as dots are placed.
    package static func dotRow(_ fraction: Double, rows: Int, dotsPerRow: Int) -> Int {
        let dots = rows * dotsPerRow
        let y = Int(((1 - fraction) * Double(dots - 1)).rounded())
        return min(rows - 1, max(0, y / dotsPerRow))
    }

    /// Column for a fraction of the width, as dots are placed.
    package static func dotColumn(_ fraction: Double, columns: Int, dotsPerColumn: Int) -> Int {
        let dots = columns * dotsPerColumn
        let x = Int((fraction * Double(dots - 1)).rounded())
        return min(columns - 1, max(0, x / dotsPerColumn))
    }
}
