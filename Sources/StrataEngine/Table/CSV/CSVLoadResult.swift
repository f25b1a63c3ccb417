/// What a load produced, and what the user should know about how it was read.
public struct CSVLoadResult: Sendable {
    public let table: Table
    /// Rows left out under `onerror=skip`.
    public let skippedRows: Int
    /// The first few skipped rows, in file order.
    public let skippedExamples: [CSVIssue]
    /// Decisions worth telling: renamed headers, mixed columns read as text, thousands separators,
    /// replaced invalid UTF-8, a detected delimiter.
    public let notes: [String]

    public init(table: Table, skippedRows: Int, skippedExamples: [CSVIssue], notes: [String]) {
        self.table = table
        self.skippedRows = skippedRows
        self.skippedExamples = skippedExamples
        self.notes = notes
    }

    /// How many skipped rows are kept as examples.
    public static let maxSkippedExamples = 5
}
