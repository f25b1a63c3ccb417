/// A matrix of shaded cells with their values: rows × columns, shades in equal steps from the
/// lowest to the highest value (of the whole matrix, each row or each column).
package enum HeatmapRenderer {
    package static func render(_ h: HeatmapChart, _ canvas: ChartCanvas) -> ChartBody {
        let rowCount = min(h.rowLabels.count, h.values.count)
        let columnCount = h.columnLabels.count
        guard rowCount > 0, columnCount > 0 else { return ChartBody(lines: ["(no cells to draw)"]) }
        let shades = canvas.glyphs.shades
        func cell(_ r: Int, _ c: Int) -> Double? {
            guard c < h.values[r].count, let v = h.values[r][c], v.isFinite else { return nil }
            return v
        }
        let all = (0..<rowCount).flatMap { r in (0..<columnCount).map { c in cell(r, c) ?? .nan } }
        // Decimals are shared down a column, which usually holds one quantity.
        var texts = Array(repeating: "", count: all.count)
        for c in 0..<columnCount {
            let column = ChartNumber.format((0..<rowCount).map { all[$0 * columnCount + c] }, significant: max(1, h.digits))
            for r in 0..<rowCount { texts[r * columnCount + c] = column[r] }
        }
        let valueWidth = h.showValues ? texts.map { DisplayWidth.of($0) }.max() ?? 1 : 0
        let shadeWidth = 2
        let cellWidth = h.showValues ? shadeWidth + 1 + valueWidth : shadeWidth + 1
        let rowLabels = (0..<rowCount).map { canvas.fit(h.rowLabels[$0], canvas.maxLabelWidth) }
        let labelWidth = rowLabels.map { DisplayWidth.of($0) }.max() ?? 0
        let columnWidth = max(cellWidth, min(12, h.columnLabels.map { DisplayWidth.of($0) }.max() ?? 0))
        let fitting = max(1, (canvas.width - labelWidth) / (columnWidth + 1))
        let shown = min(columnCount, fitting)

        func range(_ r: Int, _ c: Int) -> (Double, Double)? {
            let values: [Double]
            switch h.scale {
            case .global: values = all.filter(\.isFinite)
            case .row: values = (0..<columnCount).compactMap { cell(r, $0) }
            case .column: values = (0..<rowCount).compactMap { cell($0, c) }
            }
            guard let lo = values.min(), let hi = values.max() else { return nil }
            return (lo, hi)
        }
        func level(_ v: Double, _ lo: Double, _ hi: Double) -> Int {
            guard hi > lo else { return 0 }
            return min(shades.count - 1, max(0, Int((v - lo) / (hi - lo) * Double(shades.count))))
        }

        var lines: [String] = []
        var header = String(repeating: " ", count: labelWidth)
        for c in 0..<shown {
            let label = canvas.fit(h.columnLabels[c], columnWidth)
            header += " " + String(repeating: " ", count: columnWidth - DisplayWidth.of(label)) + label
        }
        lines.append(header)
        for r in 0..<rowCount {
            var line = rowLabels[r] + String(repeating: " ", count: labelWidth - DisplayWidth.of(rowLabels[r]))
            for c in 0..<shown {
                var text: String
                if let v = cell(r, c), let (lo, hi) = range(r, c) {
                    let shade = String(repeating: shades[level(v, lo, hi)], count: shadeWidth)
                    text = shade + (h.showValues ? " " + pad(texts[r * columnCount + c], valueWidth) : "")
                } else {
                    text = pad(ValueFormatter.missingMarker, cellWidth)
                }
                line += " " + String(repeating: " ", count: columnWidth - DisplayWidth.of(text)) + text
            }
            lines.append(line)
        }
        var body = ChartBody(lines: lines)
        switch h.scale {
        case .global:
            if let lo = all.filter(\.isFinite).min(), let hi = all.filter(\.isFinite).max() {
                let bounds = ChartNumber.format((0...shades.count).map { lo + (hi - lo) * Double($0) / Double(shades.count) },
                                                significant: max(1, h.digits))
                body.notes.append("shades: " + (0..<shades.count).map { "\(shades[$0]) \(bounds[$0])–\(bounds[$0 + 1])" }.joined(separator: "  "))
            }
        case .row: body.notes.append("shades run from each row's lowest (\(shades[0])) to highest (\(shades[shades.count - 1])) value")
        case .column: body.notes.append("shades run from each column's lowest (\(shades[0])) to highest (\(shades[shades.count - 1])) value")
        }
        if shown < columnCount { body.notes.append("\(columnCount - shown) more columns do not fit the width") }
        return body
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}

/// One line of level marks, with the range and count beside it.
package enum SparklineRenderer {
    package static func render(_ s: SparklineChart, _ canvas: ChartCanvas) -> ChartBody {
        let finite = s.values.compactMap { $0 }.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return ChartBody(lines: ["(no values to draw)"]) }
        let range = ChartNumber.format([lo, hi])
        let suffix = "  min \(range[0])  max \(range[1])"
        let room = max(1, canvas.width - DisplayWidth.of(suffix))
        // More values than cells: each mark is the mean of a run of neighbours.
        let perMark = (s.values.count + room - 1) / room
        var means: [Double?] = []
        var start = 0
        while start < s.values.count {
            let run = s.values[start..<min(s.values.count, start + perMark)].compactMap { $0 }.filter(\.isFinite)
            means.append(run.isEmpty ? nil : run.reduce(0, +) / Double(run.count))
            start += perMark
        }
        let levels = canvas.glyphs.sparks
        let marks = means.map { v -> String in
            guard let v else { return " " }
            guard hi > lo else { return levels[levels.count / 2 - 1] }
            return levels[min(levels.count - 1, max(0, Int(((v - lo) / (hi - lo) * Double(levels.count - 1)).rounded())))]
        }
        var body = ChartBody(lines: [ChartColor.apply(marks.joined(), series: 0, enabled: canvas.color) + suffix])
        if perMark > 1 { body.notes.append("each mark is the mean of \(perMark) consecutive values") }
        return body
    }
}
