/// A piece of text already measured, with how it should stand out when colour is on.
package struct MeasuredText: Sendable {
    package var text: String
    package var width: Int
    package var emphasis: TextEmphasis

    package init(_ text: String, emphasis: TextEmphasis = .plain) {
        self.text = text
        self.width = DisplayWidth.of(text)
        self.emphasis = emphasis
    }
}

package enum CellAlignment: Sendable {
    case left
    case right
    case center

    /// Places `cell` in exactly `width` cells: cut with `ellipsis` if too wide, padded with
    /// spaces otherwise. Escape codes go around the text only, never into the measured width.
    package func place(_ cell: MeasuredText, width: Int, ellipsis: String, color: Bool) -> String {
        var text = cell.text
        var used = cell.width
        if used > width {
            text = DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
            used = DisplayWidth.of(text)
        }
        let room = max(0, width - used)
        let (before, after): (Int, Int)
        switch self {
        case .left: (before, after) = (0, room)
        case .right: (before, after) = (room, 0)
        case .center: (before, after) = (room / 2, room - room / 2)
        }
        return String(repeating: " ", count: before)
            + cell.emphasis.apply(text, color: color)
            + String(repeating: " ", count: after)
    }
}
