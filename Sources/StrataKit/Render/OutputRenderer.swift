/// Draws a command's output as text, block by block, separated by blank lines.
/// The same function serves the terminal (with its width and colour) and recorded output (`.batch`).
public enum OutputRenderer {
    public static func render(_ output: CommandOutput, style: RenderStyle = .batch) -> String {
        var parts: [String] = []
        for block in output.blocks {
            switch block {
            case .table(let t, let title, let footer, let totalRows, let showShape):
                parts.append(TableRenderer.render(t, title: title, style: style, footer: footer, totalRows: totalRows,
                                                  showShape: showShape))
            case .keyValues(let pairs, let title):
                parts.append(KeyValueRenderer.render(pairs: pairs, title: title, style: style))
            case .text(let s):
                parts.append(s)
            case .help(let s):
                parts.append(MessageRenderer.renderHanging(s, style: style))
            case .note(let s):
                parts.append(MessageRenderer.render(s, style: style))
            case .warning(let s):
                parts.append(MessageRenderer.render("warning: " + s, style: style))
            case .chart(let chart):
                parts.append(ChartRenderer.render(chart, style: style))
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The style for a workspace's settings on a given output (terminal width and colour decided by the caller).
    public static func style(for settings: Settings, width: Int = 100, color: Bool = false) -> RenderStyle {
        RenderStyle(width: width, ascii: settings.ascii, color: color, maxRows: settings.maxRows)
    }
}
