import Foundation

/// What one chart kind draws: the body lines, the legend entries and notes of its own.
package struct ChartBody {
    package var lines: [String]
    package var legend: [LegendEntry] = []
    package var notes: [String] = []
}

package struct LegendEntry: Equatable {
    package var glyph: String
    package var label: String
    package var series: Int?
}

/// The room and the means a chart kind draws with.
package struct ChartCanvas {
    package var width: Int
    package var height: Int
    package var glyphs: ChartGlyphs
    package var color: Bool
    package var maxLabelWidth: Int

    package func fit(_ text: String, _ width: Int) -> String {
        DisplayWidth.truncate(CellText.sanitize(text, ascii: glyphs.ascii), to: max(1, width), ellipsis: glyphs.ellipsis)
    }
}

/// Draws a `Chart` as lines of text for a style: title, body, legend, notes. No line is wider
/// than the style's width.
public enum ChartRenderer {
    public static func render(_ chart: Chart, style: RenderStyle) -> String {
        let width = ChartLayout.width(chart, style)
        let canvas = ChartCanvas(width: width,
                                 height: ChartLayout.plotHeight(chart, style),
                                 glyphs: ChartGlyphs(ascii: style.ascii), color: style.color,
                                 maxLabelWidth: max(4, min(style.maxCellWidth, width / 3)))
        var lines: [String] = []
        if let title = chart.title {
            lines.append(TextEmphasis.bold.apply(canvas.fit(asciiPunctuation(title, style.ascii), width), color: style.color))
        }
        let body = self.body(chart.kind, canvas)
        lines += body.lines
        lines += legendLines(body.legend, canvas, width: width)
        for note in body.notes + chart.notes {
            lines += MessageRenderer.wrap(CellText.sanitize(asciiPunctuation(note, style.ascii), ascii: style.ascii), width: width)
        }
        if !style.color {
            lines = lines.map { DisplayWidth.of($0) > width ? DisplayWidth.prefix($0, width: width).text : $0 }
        }
        return lines.map(trimTrailing).joined(separator: "\n")
    }

    package static func body(_ kind: Chart.Kind, _ canvas: ChartCanvas) -> ChartBody {
        switch kind {
        case .bar(let bar): return bar.orientation == .horizontal ? HorizontalBars.render(bar, canvas) : VerticalBars.render(bar, canvas)
        case .histogram(let h): return HistogramRenderer.render(h, canvas)
        case .line(let line):
            return XYPlot(series: line.series, axes: line.axes, marks: line.marks, connect: true,
                          showPoints: line.showPoints).render(canvas)
        case .scatter(let s):
            return XYPlot(series: s.groups, axes: s.axes, marks: [], connect: false, showPoints: false).render(canvas)
        case .heatmap(let h): return HeatmapRenderer.render(h, canvas)
        case .dendrogram(let d): return DendrogramRenderer.render(d, canvas)
        case .sparkline(let s): return SparklineRenderer.render(s, canvas)
        case .box(let b): return BoxPlotRenderer.render(b, canvas)
        }
    }

    /// `● elbow   ▲ silhouette`, entries wrapped whole onto as many lines as the width needs.
    package static func legendLines(_ entries: [LegendEntry], _ canvas: ChartCanvas, width: Int) -> [String] {
        var lines: [String] = []
        var line = "", used = 0
        for e in entries {
            let label = canvas.fit(e.label, max(1, width - DisplayWidth.of(e.glyph) - 1))
            let w = DisplayWidth.of(e.glyph) + 1 + DisplayWidth.of(label)
            if used > 0 && used + 3 + w > width {
                lines.append(line)
                line = ""; used = 0
            }
            if used > 0 { line += "   "; used += 3 }
            line += ChartColor.apply(e.glyph, series: e.series, enabled: canvas.color) + " " + label
            used += w
        }
        if used > 0 { lines.append(line) }
        return lines
    }

    /// The typographic marks chart titles and notes use, spelled in ASCII for ASCII mode.
    package static func asciiPunctuation(_ text: String, _ ascii: Bool) -> String {
        guard ascii else { return text }
        return text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "≤", with: "<=")
            .replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "…", with: "...")
    }

    package static func trimTrailing(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Numbers shown next to bars and in cells: one number of decimals for the whole set, at most
/// four significant digits for the smallest magnitude that matters.
package enum ChartNumber {
    package static func format(_ values: [Double], significant: Int = 4) -> [String] {
        let finite = values.filter(\.isFinite)
        let decimals = min(6, finite.map { NumberFormatting.decimalsNeeded($0, significant: significant) }.max() ?? 0)
        let grouping = NumberFormatting.wantsGrouping(largestMagnitude: finite.map(abs).max() ?? 0)
        return values.map { v in
            guard v.isFinite else { return v.isNaN ? ValueFormatter.missingMarker : NumberFormatting.format(v, decimals: 0) }
            if v != 0 && (abs(v) >= NumberFormatting.scientificAbove || abs(v) < NumberFormatting.scientificBelow) {
                return NumberFormatting.significant(v, digits: significant)
            }
            return NumberFormatting.format(v, decimals: decimals, grouping: grouping)
        }
    }
}
