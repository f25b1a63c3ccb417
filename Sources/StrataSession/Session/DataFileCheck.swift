import Foundation

/// Compares the data files a session header lists with the files on disk now, and says so just
/// before the first command that reads a changed one.
public struct DataFileCheck: Sendable {
    /// Path → what differs, for files that differ and have not been warned about yet.
    private var pending: [String: String] = [:]

    public init(header: SessionHeader) {
        for record in header.files {
            guard let recorded = record.sha256 else { continue }
            guard FileManager.default.fileExists(atPath: record.path) else {
                pending[record.path] = "'\(record.path)' is missing (the session read \(record.rows) rows from it)"
                continue
            }
            guard let now = FileDigest.sha256(path: record.path) else { continue }
            if now != recorded {
                pending[record.path] = "'\(record.path)' has changed since the session was saved "
                    + "(SHA-256 \(now.prefix(12))…, recorded \(recorded.prefix(12))…; it had \(record.rows) rows): results may differ"
            }
        }
    }

    public var changedFiles: [String] { pending.keys.sorted() }

    /// Warnings for the changed files `line` names, each given once.
    public mutating func warnings(before line: String) -> [String] {
        guard !pending.isEmpty, let tokens = try? Lexer.tokenize(line) else { return [] }
        var out: [String] = []
        for token in tokens {
            if case .string(let path) = token.kind, let message = pending.removeValue(forKey: path) {
                out.append("warning: " + message)
            }
        }
        return out
    }
}
