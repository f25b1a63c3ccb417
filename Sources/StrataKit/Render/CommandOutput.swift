/// What a command produces: values, not printed text. Renderers draw the same output for the
/// terminal, a session file or a notebook, so it reads identically in all three.
public enum OutputBlock: Sendable {
    /// A table with an optional title above and footer line below; `totalRows` when it holds
    /// only some rows of a larger table.
    /// `showShape: false` drops the "N rows × M columns" line for summaries whose size says nothing.
    case table(Table, title: String? = nil, footer: String? = nil, totalRows: Int? = nil, showShape: Bool = true)
    /// Aligned `label  value` lines (summaries, settings).
    case keyValues([(String, String)], title: String?)
    /// Preformatted text, printed as is.
    case text(String)
    /// Help: `  term  description` lines whose overlong descriptions wrap at word boundaries with
    /// a hanging indent (see `MessageRenderer.renderHanging`).
    case help(String)
    /// A short confirmation of what changed, e.g. "sales: 1,234 rows × 8 columns".
    case note(String)
    /// Something the user should know although the command succeeded.
    case warning(String)
    /// A chart, drawn for the style at hand (see `ChartRenderer`).
    case chart(Chart)
}

public struct CommandOutput: Sendable {
    public var blocks: [OutputBlock]

    public init(_ blocks: [OutputBlock] = []) { self.blocks = blocks }

    public static let empty = CommandOutput()

    public static func note(_ s: String) -> CommandOutput { CommandOutput([.note(s)]) }
    public static func text(_ s: String) -> CommandOutput { CommandOutput([.text(s)]) }

    public mutating func append(_ block: OutputBlock) { blocks.append(block) }
    public mutating func append(contentsOf other: CommandOutput) { blocks += other.blocks }
}
