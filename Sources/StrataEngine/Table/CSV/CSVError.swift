/// A problem with a CSV file, located as precisely as the reader knows it.
public struct CSVError: UserFacingError, CustomStringConvertible, Equatable {
    /// The path as the user gave it (or a label for in-memory data).
    public let file: String
    /// 1-based physical line where the offending record starts; nil for whole-file problems.
    public let line: Int?
    /// The column involved, when there is one.
    public let columnName: String?
    /// 0-based position of that column.
    public let columnIndex: Int?
    /// What went wrong, without the location prefix.
    public let reason: String
    public let suggestion: String?
    /// Good data rows read before the failing one; large files say so, since the line number
    /// alone does not tell how far the load got.
    public let rowsReadBefore: Int?

    public init(
        file: String, line: Int? = nil, columnName: String? = nil, columnIndex: Int? = nil,
        reason: String, suggestion: String? = nil, rowsReadBefore: Int? = nil
    ) {
        self.file = file
        self.line = line
        self.columnName = columnName
        self.columnIndex = columnIndex
        self.reason = reason
        self.suggestion = suggestion
        self.rowsReadBefore = rowsReadBefore
    }

    /// Rows-read counts below this are left out of the message: on a small file the line number
    /// already says everything.
    static let rowsReadReportingThreshold = 100_000

    public var message: String {
        var text = line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
        if let rowsReadBefore, rowsReadBefore >= Self.rowsReadReportingThreshold {
            text += " (after \(rowsReadBefore) rows read)"
        }
        return text
    }

    public var description: String { suggestion.map { "\(message) (\($0))" } ?? message }

    /// The same error for a stretch of the file that was scanned with lines and rows counted
    /// from its own start.
    func shifted(lines: Int, rows: Int) -> CSVError {
        CSVError(
            file: file, line: line.map { $0 + lines }, columnName: columnName, columnIndex: columnIndex,
            reason: reason, suggestion: suggestion, rowsReadBefore: rowsReadBefore.map { $0 + rows })
    }
}

/// One row left out under `onerror=skip`.
public struct CSVIssue: Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line where the skipped record starts.
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
