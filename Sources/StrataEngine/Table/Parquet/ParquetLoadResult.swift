/// What a Parquet load produced, and what the user should know about how it was read.
public struct ParquetLoadResult: Sendable {
    public let table: Table
    /// The files read (one, or a folder's part files).
    public let files: [String]
    public let rowGroupCount: Int
    /// Skipped columns with the reason, decimals read as floats, dropped fractional seconds, …
    public let notes: [String]
}
