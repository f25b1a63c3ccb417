/// The characters charts draw with, Unicode or plain ASCII, so each renderer is written once.
package struct ChartGlyphs: Sendable {
    package let ascii: Bool

    package init(ascii: Bool) { self.ascii = ascii }

    /// Series and group markers, in order; they tell series apart without colour.
    package var markers: [String] {
        ascii ? ["*", "o", "+", "x", "#", "@", "%", "&"] : ["●", "▲", "■", "◆", "○", "△", "□", "◇"]
    }

    package func marker(_ index: Int) -> String { markers[((index % markers.count) + markers.count) % markers.count] }

    /// The highlighted point of a mark, e.g. "best k".
    package var markPoint: String { ascii ? "X" : "✕" }
    package var guide: String { ascii ? ":" : "┊" }
    /// The same guide drawn across (a cut through a vertical dendrogram).
    package var guideAcross: String { ascii ? "." : "┈" }
    package var axisVertical: String { ascii ? "|" : "│" }
    package var axisHorizontal: String { ascii ? "-" : "─" }
    package var axisCorner: String { ascii ? "+" : "└" }
    package var axisRightCorner: String { ascii ? "+" : "┘" }
    package var tickLeft: String { ascii ? "+" : "┤" }
    package var tickRight: String { ascii ? "+" : "├" }
    package var tickBottom: String { ascii ? "+" : "┬" }
    package var ellipsis: String { ascii ? "..." : "…" }

    /// Left-anchored partial blocks for horizontal bars: index i is (i+1)/8 of a cell.
    package var horizontalEighths: [String] { ascii ? [".", ".", ".", "=", "=", "=", "=", "#"] : ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"] }
    /// Bottom-anchored partial blocks for vertical bars.
    package var verticalEighths: [String] { ascii ? ["", "", "", ".", ".", ".", ".", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] }
    package var fullBlock: String { ascii ? "#" : "█" }

    /// Shades from light to dark for heatmaps.
    package var shades: [String] { ascii ? [".", ":", "+", "#"] : ["░", "▒", "▓", "█"] }
    /// Levels of a sparkline, low to high.
    package var sparks: [String] { ascii ? ["_", ".", "-", "~", "=", "+", "*", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] }

    // Box plots.
    package var whisker: String { ascii ? "-" : "─" }
    package var whiskerLowCap: String { ascii ? "|" : "├" }
    package var whiskerHighCap: String { ascii ? "|" : "┤" }
    package var boxFill: String { ascii ? "=" : "▒" }
    package var boxMedian: String { ascii ? "#" : "┃" }
    package var outlier: String { ascii ? "o" : "○" }

    /// A box-drawing glyph for a cell whose line segments reach the given sides (dendrograms).
    package func joint(up: Bool, down: Bool, left: Bool, right: Bool) -> String {
        let vertical = up || down, horizontal = left || right
        if ascii { return vertical && horizontal ? "+" : vertical ? "|" : horizontal ? "-" : " " }
        switch (up, down, left, right) {
        case (false, false, false, false): return " "
        case (true, true, true, true): return "┼"
        case (true, true, true, false): return "┤"
        case (true, true, false, true): return "├"
        case (true, false, true, true): return "┴"
        case (false, true, true, true): return "┬"
        case (true, false, true, false): return "┘"
        case (true, false, false, true): return "└"
        case (false, true, true, false): return "┐"
        case (false, true, false, true): return "┌"
        case (_, _, false, false): return "│"
        default: return "─"
        }
    }
}

/// Foreground colours for series, applied only when the style allows colour.
package enum ChartColor {
    package static let palette: [Int] = [34, 33, 32, 31, 35, 36, 94, 93]

    package static func code(_ index: Int) -> Int { palette[((index % palette.count) + palette.count) % palette.count] }

    package static func apply(_ text: String, series: Int?, enabled: Bool) -> String {
        guard enabled, let series, !text.isEmpty, text != " " else { return text }
        return "\u{1B}[\(code(series))m" + text + "\u{1B}[39m"
    }
}
