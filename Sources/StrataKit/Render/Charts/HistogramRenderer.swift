import Foundation

/// Bars over the bins of a histogram, no gaps, on a numeric x axis; counts start at zero.
package enum HistogramRenderer {
    package static func render(_ h: HistogramChart, _ canvas: ChartCanvas) -> ChartBody {
        guard h.counts.count >= 1, h.edges.count == h.counts.count + 1 else { return ChartBody(lines: ["(no bins to draw)"]) }
        let rows = canvas.height
        let maxCount = h.counts.max() ?? 0
        let yTicks: [PlacedTick]
        let height: (Int) -> Double
        if h.logCounts {
            // log10(1 + count), so a bin of one value still shows and empty bins stay empty.
            let decades = max(1, Int(log10(Double(max(1, maxCount))).rounded(.up)))
            let top = log10(1 + pow(10, Double(decades)))
            height = { log10(1 + Double($0)) / top }
            yTicks = ([0] + (0...decades).map { Int(pow(10, Double($0))) }).map {
                PlacedTick(position: BarGeometry.tickRow(height($0), rows: rows), label: Format.count($0))
            }
        } else {
            let scale = AxisTicks.linear(0, Double(maxCount), maxTicks: ChartLayout.yTicks(rows: rows), includeZero: true)
            height = { scale.fraction(axisValue: Double($0)) }
            yTicks = scale.ticks.map { PlacedTick(position: BarGeometry.tickRow(scale.fraction(axisValue: $0), rows: rows), label: scale.label($0)) }
        }
        let left = PlotFrame.leftMargin(for: yTicks.map(\.label))
        let room = max(1, canvas.width - left)
        // Bins wider than the room are merged in groups, and the note says so.
        let merge = (h.counts.count + room - 1) / room
        var counts: [Int] = []
        var edges: [Double] = [h.edges[0]]
        var start = 0
        while start < h.counts.count {
            let end = min(h.counts.count, start + merge)
            counts.append(h.counts[start..<end].reduce(0, +))
            edges.append(h.edges[end])
            start = end
        }
        let perBin = max(1, room / counts.count)
        let plotWidth = perBin * counts.count
        let unitScale = AxisScale(lower: 0, upper: 1, ticks: [], kind: .number, decimals: 0)
        var grid = CellGrid(width: plotWidth, height: rows)
        for (i, c) in counts.enumerated() where c > 0 {
            BarGeometry.drawColumn(&grid, column: i * perBin, width: perBin, value: height(c), scale: unitScale,
                                   glyphs: canvas.glyphs, series: 0)
        }
        // x ticks: round numbers inside the binned range, placed by where they fall across the bins.
        guard let first = edges.first, let last = edges.last else { return ChartBody(lines: []) }
        let probe = AxisTicks.scale(first, last, kind: h.xKind, maxTicks: max(2, plotWidth / 8))
        let widest = probe.ticks.map { DisplayWidth.of(probe.label($0)) }.max() ?? 4
        // Two more than fit: the ticks outside the binned range are dropped below.
        let xScale = AxisTicks.scale(first, last, kind: h.xKind, maxTicks: ChartLayout.maxTicks(length: plotWidth, labelWidth: widest) + 2)
        let lo = xScale.position(first) ?? 0, hi = xScale.position(last) ?? 1
        let xTicks = xScale.ticks.filter { $0 >= lo - 1e-9 * abs(hi - lo) && $0 <= hi + 1e-9 * abs(hi - lo) }.map { t in
            PlacedTick(position: min(plotWidth - 1, Int(((t - lo) / max(hi - lo, .leastNormalMagnitude) * Double(plotWidth)).rounded(.down))),
                       label: xScale.label(t))
        }
        let frame = PlotFrame(yTicks: yTicks, secondaryTicks: nil, xTicks: xTicks,
                              yLabel: h.logCounts ? "count (log scale)" : "count", secondaryLabel: nil,
                              xLabel: XYPlot.axisTitle(h.xLabel, h.xKind), glyphs: canvas.glyphs)
        var body = ChartBody(lines: frame.render(grid, width: canvas.width, color: canvas.color))
        if merge > 1 {
            body.notes.append("\(h.counts.count) bins drawn as \(counts.count) columns (every \(merge) merged) to fit the width")
        }
        return body
    }
}
