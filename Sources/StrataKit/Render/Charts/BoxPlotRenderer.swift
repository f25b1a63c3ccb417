/// One box-and-whisker row per group on a shared value axis:
/// `├────▒▒▒┃▒▒▒▒────┤  ○` (ASCII `|----===#====----|  o`).
package enum BoxPlotRenderer {
    package static func render(_ b: BoxChart, _ canvas: ChartCanvas) -> ChartBody {
        guard !b.groups.isEmpty else { return ChartBody(lines: ["(no groups to draw)"]) }
        let glyphs = canvas.glyphs
        let low = b.groups.map(\.minimum).min() ?? 0, high = b.groups.map(\.maximum).max() ?? 1
        let names = b.groups.map { canvas.fit($0.name, canvas.maxLabelWidth) }
        let left = PlotFrame.leftMargin(for: names)
        let plotWidth = max(4, canvas.width - left)
        let probe = AxisTicks.linear(low, high, maxTicks: max(2, plotWidth / 8))
        let widest = probe.ticks.map { DisplayWidth.of(probe.label($0)) }.max() ?? 4
        let scale = AxisTicks.linear(low, high, maxTicks: ChartLayout.maxTicks(length: plotWidth, labelWidth: widest))
        func column(_ v: Double) -> Int {
            ChartLayout.dotColumn(scale.fraction(axisValue: v), columns: plotWidth, dotsPerColumn: 1)
        }
        let spacing = b.groups.count <= 8 ? 2 : 1
        var grid = CellGrid(width: plotWidth, height: (b.groups.count - 1) * spacing + 1)
        for (i, g) in b.groups.enumerated() {
            let row = i * spacing
            let (lw, q1, med, q3, hw) = (column(g.lowerWhisker), column(g.q1), column(g.median), column(g.q3), column(g.upperWhisker))
            for c in lw...max(lw, hw) { grid.set(c, row, glyphs.whisker, series: i) }
            grid.set(lw, row, glyphs.whiskerLowCap, series: i)
            grid.set(hw, row, glyphs.whiskerHighCap, series: i)
            for c in q1...max(q1, q3) { grid.set(c, row, glyphs.boxFill, series: i) }
            grid.set(med, row, glyphs.boxMedian, series: i)
            for o in g.outliers { grid.set(column(o), row, glyphs.outlier, series: i) }
        }
        let frame = PlotFrame(
            yTicks: names.enumerated().map { PlacedTick(position: $0.offset * spacing, label: $0.element) },
            secondaryTicks: nil,
            xTicks: scale.ticks.map { PlacedTick(position: column($0), label: scale.label($0)) },
            yLabel: nil, secondaryLabel: nil, xLabel: b.valueLabel, glyphs: glyphs)
        var body = ChartBody(lines: frame.render(grid, width: canvas.width, color: canvas.color))
        body.notes.append("box Q1–Q3, \(glyphs.boxMedian) median, whiskers within 1.5 IQR, \(glyphs.outlier) outliers")
        return body
    }
}
