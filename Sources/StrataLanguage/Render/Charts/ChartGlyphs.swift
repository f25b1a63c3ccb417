/// The characters charts draw with, Unicode or plain ASCII, so each renderer is written once.
struct ChartGlyphs: Sendable {
    let ascii: Bool

    /// Series and group markers, in order; they tell series apart without colour.
    var markers: [String] {
        ascii ? ["*", "o", "+", "x", "#", "@", "%", "&"] : ["●", "▲", "■", "◆", "○", "△", "□", "◇"]
    }

    func marker(_ index: Int) -> String { markers[((index % markers.count) + markers.count) % markers.count] }

    /// The highlighted point of a mark, e.g. "best k".
    var markPoint: String { ascii ? "X" : "✕" }
    var guide: String { ascii ? ":" : "┊" }
    /// The same guide drawn across (a cut through a vertical dendrogram).
    var guideAcross: String { ascii ? "." : "┈" }
    var axisVertical: String { ascii ? "|" : "│" }
    var axisHorizontal: String { ascii ? "-" : "─" }
    var axisCorner: String { ascii ? "+" : "└" }
    var axisRightCorner: String { ascii ? "+" : "┘" }
    var tickLeft: String { ascii ? "+" : "┤" }
    var tickRight: String { ascii ? "+" : "├" }
    var tickBottom: String { ascii ? "+" : "┬" }
    var ellipsis: String { ascii ? "..." : "…" }

    /// Left-anchored partial blocks for horizontal bars: index i is (i+1)/8 of a cell.
    var horizontalEighths: [String] { ascii ? [".", ".", ".", "=", "=", "=", "=", "#"] : ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"] }
    /// Bottom-anchored partial blocks for vertical bars.
    var verticalEighths: [String] { ascii ? ["", "", "", ".", ".", ".", ".", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] }
    var fullBlock: String { ascii ? "#" : "█" }

    /// Shades from light to dark for heatmaps.
    var shades: [String] { ascii ? [".", ":", "+", "#"] : ["░", "▒", "▓", "█"] }
    /// Levels of a sparkline, low to high.
    var sparks: [String] { ascii ? ["_", ".", "-", "~", "=", "+", "*", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] }

    // Box plots.
    var whisker: String { ascii ? "-" : "─" }
    var whiskerLowCap: String { ascii ? "|" : "├" }
    var whiskerHighCap: String { ascii ? "|" : "┤" }
    var boxFill: String { ascii ? "=" : "▒" }
    var boxMedian: String { ascii ? "#" : "┃" }
    var outlier: String { ascii ? "o" : "○" }

    /// A box-drawing glyph for a cell whose line segments reach the given sides (dendrograms).
    func joint(up: Bool, down: Bool, left: Bool, right: Bool) -> String {
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
enum ChartColor {
    static let palette: [Int] = [34, 33, 32, 31, 35, 36, 94, 93]

    static func code(_ index: Int) -> Int { palette[((index % palette.count) + palette.count) % palette.count] }

    static func apply(_ text: String, series: Int?, enabled: Bool) -> String {
        guard enabled, let series, !text.isEmpty, text != " " else { return text }
        return "\u{1B}[\(code(series))m" + text + "\u{1B}[39m"
    }
}
