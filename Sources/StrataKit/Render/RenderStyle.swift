/// How output is drawn. The caller decides from the environment (terminal or not, `NO_COLOR`,
/// `set ascii`); renderers only honour it, so a replay with `.batch` is byte-identical anywhere.
public struct RenderStyle: Sendable, Equatable {
    /// Columns available: the terminal's width, or 100 when output is not a terminal.
    public var width: Int
    /// `set ascii on`: `+ - |` borders, `...` and `x`, no Unicode decoration.
    public var ascii: Bool
    /// ANSI bold and dim; only on a terminal and never when `NO_COLOR` is set.
    public var color: Bool
    /// Longer tables show their first and last rows around a `…` row.
    public var maxRows: Int
    /// Text cells wider than this are cut with `…`.
    public var maxCellWidth: Int

    public init(width: Int, ascii: Bool, color: Bool, maxRows: Int = 20, maxCellWidth: Int = 32) {
        self.width = width
        self.ascii = ascii
        self.color = color
        self.maxRows = maxRows
        self.maxCellWidth = maxCellWidth
    }

    /// For output that is not a terminal: session files, notebooks, pipes.
    public static let batch = RenderStyle(width: 100, ascii: false, color: false)

    package var glyphs: Glyphs { ascii ? .ascii : .unicode }
}
