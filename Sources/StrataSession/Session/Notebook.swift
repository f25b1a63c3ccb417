import Foundation

/// A session as a notebook: Markdown (a fenced block per command and one for its output) or
/// Jupyter (nbformat 4, each command a code cell with its output as a text stream), so the
/// same cells can be read on GitHub or opened in Jupyter.
public enum Notebook {
    public enum Format: String, Sendable {
        case markdown
        case jupyter

        /// By the file's extension: `.md` or `.ipynb`.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown }
            else if lower.hasSuffix(".ipynb") { self = .jupyter }
            else { return nil }
        }
    }

    /// One command as a notebook shows it: the prose above it, the command, and its output.
    public struct Entry: Sendable, Equatable {
        public let comments: [String]
        public let source: String
        public let outputLines: [String]

        public init(comments: [String], source: String, outputLines: [String]) {
            self.comments = comments
            self.source = source
            self.outputLines = outputLines
        }
    }

    public static func render(_ cells: [Cell], format: Format, title: String) -> String {
        let saved = cells.filter(\.isSaved).map { Entry(comments: $0.comments, source: $0.source, outputLines: $0.outputLines) }
        return render(saved, format: format, title: title)
    }

    /// `trailing`: comments after the last command, shown as closing prose.
    public static func render(_ entries: [Entry], format: Format, title: String, trailing: [String] = []) -> String {
        switch format {
        case .markdown: return markdown(entries, title: title, trailing: trailing)
        case .jupyter: return jupyter(entries, title: title, trailing: trailing)
        }
    }

    /// Comments above a command become prose: `# text` → `text`.
    private static func prose(_ comments: [String]) -> [String] {
        comments.map { c in
            var s = Substring(c)
            if s.first == "#" { s.removeFirst() }
            if s.first == " " { s.removeFirst() }
            return String(s)
        }
    }

    private static func fence(for lines: [String]) -> String {
        // A fence longer than any run of backticks inside, so output can never close it early.
        var longest = 2
        for line in lines {
            var run = 0
            for c in line { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        }
        return String(repeating: "`", count: longest + 1)
    }

    private static func markdown(_ cells: [Entry], title: String, trailing: [String]) -> String {
        var out = ["# \(title)", ""]
        for cell in cells {
            let text = prose(cell.comments)
            if !text.isEmpty { out += text + [""] }
            let source = [cell.source]
            let f = fence(for: source)
            out += [f + "strata"] + source + [f]
            let output = cell.outputLines
            if !output.isEmpty {
                let g = fence(for: output)
                out += [g + "text"] + output + [g]
            }
            out.append("")
        }
        let closing = prose(trailing)
        if !closing.isEmpty { out += closing + [""] }
        return out.joined(separator: "\n")
    }

    // MARK: Jupyter

    private struct JupyterNotebook: Encodable {
        let cells: [JupyterCell]
        let metadata: Metadata
        let nbformat = 4
        let nbformat_minor = 4

        struct Metadata: Encodable {
            let kernelspec = ["display_name": "Strata", "language": "strata", "name": "strata"]
            let language_info = ["name": "strata", "file_extension": ".strata"]
        }
    }

    private struct StreamOutput: Encodable {
        let output_type = "stream"
        let name = "stdout"
        let text: [String]
    }

    private struct JupyterCell: Encodable {
        let cell_type: String
        let source: [String]
        let execution_count: Int?
        let outputs: [StreamOutput]?

        enum CodingKeys: String, CodingKey { case cell_type, metadata, source, execution_count, outputs }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cell_type, forKey: .cell_type)
            try c.encode([String: String](), forKey: .metadata)
            try c.encode(source, forKey: .source)
            if cell_type == "code" {
                try c.encode(execution_count, forKey: .execution_count)
                try c.encode(outputs ?? [], forKey: .outputs)
            }
        }
    }

    /// Jupyter keeps multi-line strings as lists of lines, each but the last ending in a newline.
    private static func jupyterLines(_ lines: [String]) -> [String] {
        lines.enumerated().map { $0.offset == lines.count - 1 ? $0.element : $0.element + "\n" }
    }

    private static func jupyter(_ cells: [Entry], title: String, trailing: [String]) -> String {
        var out: [JupyterCell] = [JupyterCell(cell_type: "markdown", source: ["# \(title)"], execution_count: nil, outputs: nil)]
        for (index, cell) in cells.enumerated() {
            let text = prose(cell.comments)
            if !text.isEmpty {
                out.append(JupyterCell(cell_type: "markdown", source: jupyterLines(text), execution_count: nil, outputs: nil))
            }
            let lines = cell.outputLines
            out.append(JupyterCell(cell_type: "code", source: [cell.source], execution_count: index + 1,
                                   outputs: lines.isEmpty ? [] : [StreamOutput(text: jupyterLines(lines))]))
        }
        let closing = prose(trailing)
        if !closing.isEmpty {
            out.append(JupyterCell(cell_type: "markdown", source: jupyterLines(closing), execution_count: nil, outputs: nil))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let notebook = JupyterNotebook(cells: out, metadata: .init())
        guard let data = try? encoder.encode(notebook) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
