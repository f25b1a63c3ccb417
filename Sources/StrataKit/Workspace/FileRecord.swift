/// A data file the session read, recorded in a saved session's header so a replay can tell
/// whether the data is still the same.
public struct FileRecord: Sendable, Equatable {
    /// As the command named it (relative to the working directory when it was typed so).
    public let path: String
    /// Lowercase hex SHA-256 of the bytes read; nil when the file could not be hashed.
    public let sha256: String?
    public let rows: Int

    public init(path: String, sha256: String?, rows: Int) {
        self.path = path
        self.sha256 = sha256
        self.rows = rows
    }
}

/// A `param` value: the tokens that replace `$name` in later commands, and their text.
public struct ParameterValue: Sendable, Equatable {
    public let text: String
    public let tokens: [Token]

    public init(text: String, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }
}
