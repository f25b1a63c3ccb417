/// One command as the session saw it: what was typed, what it printed, whether it worked and how
/// long it took. The REPL numbers cells like IPython's `In [n]`.
public struct Cell: Sendable {
    public enum Status: Sendable, Equatable {
        case succeeded
        case failed(message: String)
    }

    public var number: Int
    /// The logical command line, as typed (parameters stay as `$name`).
    public let source: String
    /// `#` comment lines written above the command in a session file; saved with it again.
    public var comments: [String]
    public let status: Status
    public let output: CommandOutput
    /// The settings after the command ran, which decide how its output is drawn (ascii, rows).
    public let settings: Settings
    public let duration: Duration
    /// False for commands about the session itself (history, save session…): they are listed in
    /// `history` but a saved session does not replay them.
    public let isRecorded: Bool
    /// The workspace names the command read (`ParsedCommand.reads`).
    public let reads: Set<String>
    /// The workspace names it stored a result under; none when it failed.
    public let binds: Set<String>

    public init(number: Int, source: String, comments: [String] = [], status: Status, output: CommandOutput,
                settings: Settings, duration: Duration, isRecorded: Bool, reads: Set<String> = [], binds: Set<String> = []) {
        self.number = number
        self.source = source
        self.comments = comments
        self.status = status
        self.output = output
        self.settings = settings
        self.duration = duration
        self.isRecorded = isRecorded
        self.reads = reads
        self.binds = binds
    }

    public var succeeded: Bool { status == .succeeded }

    /// Whether a saved session or notebook keeps this cell.
    public var isSaved: Bool { succeeded && isRecorded }

    /// The output as a session file records it: fixed width, no colour, so it is the same on
    /// every machine. A failed cell's text is its error message.
    public var outputText: String {
        switch status {
        case .succeeded: return OutputRenderer.render(output, style: OutputRenderer.style(for: settings))
        case .failed(let message): return message
        }
    }

    /// Lines of `outputText`; none for an empty output.
    public var outputLines: [String] {
        let text = outputText
        return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
