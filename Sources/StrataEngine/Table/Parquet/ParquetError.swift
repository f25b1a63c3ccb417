/// A problem with a Parquet file: what was wrong, in which file, and where inside it when known
/// (a column, a row group, a byte offset).
public struct ParquetError: UserFacingError, CustomStringConvertible, Equatable {
    /// The path as the user gave it.
    public let file: String
    public let reason: String
    public let suggestion: String?

    public init(file: String, reason: String, suggestion: String? = nil) {
        self.file = file
        self.reason = reason
        self.suggestion = suggestion
    }

    public var message: String { "\(file): \(reason)" }
    public var description: String { suggestion.map { "\(message) (\($0))" } ?? message }

    /// A fault found while decoding, before the file name is known to the decoder; the reader
    /// adds the file (and the column or row group) when it catches one.
    struct Corrupt: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
