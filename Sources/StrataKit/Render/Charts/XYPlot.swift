/// Line and scatter charts: series of (x, y) points on numeric (or date, or log) axes, drawn with
/// braille dots (Unicode) or one character per cell (ASCII). Series are told apart by colour when
/// the style has it and always by markers: markers on the points of lines, and marker cells
/// instead of braille for a scatter of several groups without colour.
package struct XYPlot {
    package var series: [ChartSeries]
    package var axes: ChartAxes
    package var marks: [ChartMark]
    package var connect: Bool
    package var showPoints: Bool

    package func render(_ canvas: ChartCanvas) -> ChartBody {
        let glyphs = canvas.glyphs
        let xScaleFor = { (maxTicks: Int, values: [Double]) in
            AxisTicks.scale(values.min() ?? 0, values.max() ?? 1, kind: axes.xKind, maxTicks: maxTicks)
        }
        let placeable = series.map { s in
            s.points.filter { p in Self.placeable(p.x, axes.xKind) && Self.placeable(p.y, axes.yKind) }
        }
        let dropped = zip(series, placeable).reduce(0) { $0 + $1.0.points.count - $1.1.count }
        let xs = placeable.flatMap { $0.map(\.x) } + marks.map(\.x).filter { Self.placeable($0, axes.xKind) }
        guard !xs.isEmpty else { return ChartBody(lines: ["(no points to plot)"]) }

        let yTickCount = ChartLayout.yTicks(rows: canvas.height)
        func yScale(secondary: Bool) -> AxisScale? {
            let ys = zip(series, placeable).filter { $0.0.secondaryAxis == secondary }.flatMap { $0.1.map(\.y) }
                + marks.filter { $0.secondaryAxis == secondary }.map(\.y).filter { Self.placeable($0, axes.yKind) }
            guard let lo = ys.min(), let hi = ys.max() else { return nil }
            return AxisTicks.scale(lo, hi, kind: axes.yKind, maxTicks: yTickCount)
        }
        let hasSecondary = series.contains { $0.secondaryAxis }
        let primary = yScale(secondary: false) ?? yScale(secondary: true) ?? AxisTicks.linear(0, 1, maxTicks: 2)
        let secondary = hasSecondary ? yScale(secondary: true) : nil
        let yLabels = primary.ticks.map(primary.label)
        let secondaryLabels = secondary.map { s in s.ticks.map(s.label) }
        let left = PlotFrame.leftMargin(for: yLabels)
        let plotWidth = max(4, canvas.width - left - PlotFrame.rightMargin(for: secondaryLabels))
        let rows = canvas.height

        let provisional = xScaleFor(max(2, plotWidth / 8), xs)
        let widest = provisional.ticks.map { DisplayWidth.of(provisional.label($0)) }.max() ?? 4
        let xScale = xScaleFor(ChartLayout.maxTicks(length: plotWidth, labelWidth: widest), xs)

        let markerCells = series.count > 1 && !connect && !canvas.color
        let dotsAcross = markerCells || glyphs.ascii ? plotWidth : plotWidth * 2
        let dotsDown = markerCells || glyphs.ascii ? rows : rows * 4
        func dot(_ p: ChartPoint, _ scale: AxisScale) -> (Int, Int)? {
            guard let fx = xScale.fraction(p.x), let fy = scale.fraction(p.y) else { return nil }
            return (Int((fx * Double(dotsAcross - 1)).rounded()), Int(((1 - fy) * Double(dotsDown - 1)).rounded()))
        }
        func cell(_ d: (Int, Int)) -> (Int, Int) {
            markerCells || glyphs.ascii ? d : (d.0 / 2, d.1 / 4)
        }

        var grid = CellGrid(width: plotWidth, height: rows)
        for mark in marks {
            guard let d = dot(ChartPoint(x: mark.x, y: mark.y), mark.secondaryAxis ? (secondary ?? primary) : primary) else { continue }
            let column = cell(d).0
            for row in 0..<rows { grid.set(column, row, glyphs.guide) }
        }
        if markerCells {
            for (index, points) in placeable.enumerated() {
                let scale = series[index].secondaryAxis ? (secondary ?? primary) : primary
                for p in points { if let d = dot(p, scale) { grid.set(d.0, d.1, glyphs.marker(index), series: index) } }
            }
        } else {
            var dots = DotCanvas(columns: plotWidth, rows: rows, ascii: glyphs.ascii)
            for (index, points) in placeable.enumerated() {
                let scale = series[index].secondaryAxis ? (secondary ?? primary) : primary
                let placed = points.compactMap { dot($0, scale) }
                for (i, d) in placed.enumerated() {
                    if connect, i > 0 { dots.line(from: placed[i - 1], to: d, series: index, glyph: glyphs.marker(index)) }
                    dots.dot(d.0, d.1, series: index, glyph: glyphs.marker(index))
                }
            }
            dots.paint(into: &grid)
            if connect && (showPoints || series.count > 1) && !glyphs.ascii {
                // Markers spaced at least four columns apart, so a dense line keeps its trace visible.
                for (index, points) in placeable.enumerated() {
                    let scale = series[index].secondaryAxis ? (secondary ?? primary) : primary
                    var lastColumn: Int?
                    for p in points {
                        guard let d = dot(p, scale) else { continue }
                        let c = cell(d)
                        if let last = lastColumn, c.0 - last < 4, c.0 >= last { continue }
                        grid.set(c.0, c.1, glyphs.marker(index), series: index)
                        lastColumn = c.0
                    }
                }
            }
        }
        for mark in marks {
            guard let d = dot(ChartPoint(x: mark.x, y: mark.y), mark.secondaryAxis ? (secondary ?? primary) : primary) else { continue }
            let c = cell(d)
            grid.set(c.0, c.1, glyphs.markPoint)
        }

        let frame = PlotFrame(
            yTicks: primary.ticks.map { PlacedTick(position: ChartLayout.dotRow(primary.fraction(axisValue: $0), rows: rows, dotsPerRow: dotsDown / rows), label: primary.label($0)) },
            secondaryTicks: secondary.map { s in s.ticks.map { PlacedTick(position: ChartLayout.dotRow(s.fraction(axisValue: $0), rows: rows, dotsPerRow: dotsDown / rows), label: s.label($0)) } },
            xTicks: xScale.ticks.map { PlacedTick(position: ChartLayout.dotColumn(xScale.fraction(axisValue: $0), columns: plotWidth, dotsPerColumn: dotsAcross / plotWidth), label: xScale.label($0)) },
            yLabel: Self.axisTitle(axes.yLabel, axes.yKind), secondaryLabel: hasSecondary ? Self.axisTitle(axes.secondaryLabel, axes.yKind) : nil,
            xLabel: Self.axisTitle(axes.xLabel, axes.xKind), glyphs: glyphs)
        var body = ChartBody(lines: frame.render(grid, width: canvas.width, color: canvas.color))
        if series.count > 1 || series.contains(where: { $0.secondaryAxis }) {
            body.legend = series.enumerated().map { i, s in
                LegendEntry(glyph: glyphs.marker(i), label: s.name + (s.secondaryAxis && series.count > 1 ? " (right axis)" : ""), series: i)
            }
        }
        body.legend += marks.map { LegendEntry(glyph: glyphs.markPoint, label: $0.label, series: nil) }
        if dropped > 0 {
            let reason = axes.xKind == .log10 || axes.yKind == .log10 ? "missing, not finite or not positive on a log axis" : "missing or not finite"
            body.notes.append("\(Format.count(dropped)) point\(dropped == 1 ? "" : "s") left out (\(reason))")
        }
        return body
    }

    package static func placeable(_ v: Double, _ kind: AxisKind) -> Bool {
        v.isFinite && (kind != .log10 || v > 0)
    }

    package static func axisTitle(_ label: String?, _ kind: AxisKind) -> String? {
        guard kind == .log10 else { return label }
        return (label.map { $0 + " " } ?? "") + "(log scale)"
    }
}

extension AxisScale {
    /// Where a tick (already in axis space) falls between 0 and 1.
    package func fraction(axisValue v: Double) -> Double {
        let span = upper - lower
        return span > 0 ? (v - lower) / span : 0.5
    }
}
