/// What to do with a row that cannot be read (wrong number of fields, a value that does not fit a
/// type forced with `types=`, a stray character after a closing quote).
public enum CSVErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// Stop at the first bad row with an error naming its line.
    case fail
    /// Leave bad rows out, count them, and keep the first few in `CSVLoadResult.skippedExamples`.
    case skip
}

/// How to read one CSV file. The defaults suit ordinary comma- or tab-separated files with a header.
public struct CSVOptions: Sendable {
    /// The field separator. nil picks one: `.tsv` and `.tab` files use tab; otherwise the header
    /// line decides: comma if it has one outside quotes, else `;` or tab, whichever it has more of
    /// (such files are common where the comma is the decimal mark), else comma.
    public var delimiter: UInt8?
    /// false names the columns `column1`, `column2`, … and reads the first line as data.
    public var hasHeader: Bool
    /// Column name → type, bypassing inference. A value that does not fit is a bad row.
    public var typeOverrides: [String: DataType]
    /// Cells equal to one of these (byte for byte) are missing.
    public var missingTokens: Set<String>
    /// A strftime-style pattern for dates or timestamps (`%Y %y %m %d %H %M %S %b %%`). When set it
    /// replaces the automatic `M/D/YYYY` forms, which it would otherwise contradict (`%d/%m/%Y`);
    /// ISO forms are still recognised.
    public var dateFormat: String?
    public var onError: CSVErrorPolicy

    public static let defaultMissingTokens: Set<String> = ["", "NA", "N/A", "NaN", "null", "NULL"]

    public init(
        delimiter: UInt8? = nil,
        hasHeader: Bool = true,
        typeOverrides: [String: DataType] = [:],
        missingTokens: Set<String> = CSVOptions.defaultMissingTokens,
        dateFormat: String? = nil,
        onError: CSVErrorPolicy = .fail
    ) {
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.typeOverrides = typeOverrides
        self.missingTokens = missingTokens
        self.dateFormat = dateFormat
        self.onError = onError
    }
}
