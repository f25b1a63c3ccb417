/// Draws a command's output as text. Interim version: tables as tab-separated rows until the
/// table renderer lands.
public enum OutputRenderer {
    public static func render(_ output: CommandOutput) -> String {
        var lines: [String] = []
        for block in output.blocks {
            switch block {
            case .table(let t, let title, let footer):
                if let title { lines.append(title) }
                lines.append(t.columnNames.joined(separator: "\t"))
                for r in 0..<min(t.rowCount, 20) {
                    lines.append(t.columns.map { "\($0.value(at: r))" }.joined(separator: "\t"))
                }
                if let footer { lines.append(footer) }
            case .keyValues(let pairs, let title):
                if let title { lines.append(title) }
                for (k, v) in pairs { lines.append(k + "  " + v) }
            case .text(let s): lines.append(s)
            case .note(let s): lines.append(s)
            case .warning(let s): lines.append("warning: " + s)
            }
        }
        return lines.joined(separator: "\n")
    }
}
