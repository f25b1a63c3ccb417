/// The comment block at the top of a saved session: who wrote it, with which seed, from which data.
public struct SessionHeader: Sendable, Equatable {
    public var formatVersion = StrataVersion.sessionFormat
    public var strataVersion: String?
    /// `YYYY-MM-DD`, for people; a replay ignores it.
    public var savedOn: String?
    /// The session seed when its first command ran; a replay starts from it.
    public var seed: UInt64?
    public var files: [FileRecord] = []

    public init() {}

    /// The header a session saved now gets: this version, today, the seed it started with, and
    /// the files its workspace was built from.
    public static func forSaving(seed: UInt64, inputs: [FileRecord]) -> SessionHeader {
        var header = SessionHeader()
        header.strataVersion = StrataVersion.current
        header.savedOn = SessionFiles.today()
        header.seed = seed
        header.files = inputs.map { FileRecord(path: SessionFiles.displayPath($0.path), sha256: $0.sha256, rows: $0.rows) }
        return header
    }

    package static let marker = "# strata session"

    /// The header's lines, each starting with `#`.
    package func lines() -> [String] {
        var out = ["\(Self.marker) \(formatVersion)"]
        if let v = strataVersion { out.append("# strata: \(v)") }
        if let d = savedOn { out.append("# saved: \(d)") }
        if let s = seed { out.append("# seed: \(s)") }
        for f in files {
            out.append("# file: \(SessionText.quoted(f.path)) sha256=\(f.sha256 ?? "unknown") rows=\(f.rows)")
        }
        return out
    }

    /// Reads one header comment line into the header; false when it is not a header line.
    package mutating func read(_ line: String) -> Bool {
        if line.hasPrefix(Self.marker) {
            formatVersion = Int(line.dropFirst(Self.marker.count).trimmingSpaces) ?? 0
            return true
        }
        guard line.hasPrefix("# "), let colon = line.firstIndex(of: ":") else { return false }
        let key = line[line.index(line.startIndex, offsetBy: 2)..<colon]
        let value = String(line[line.index(after: colon)...]).trimmingSpaces
        switch key {
        case "strata": strataVersion = value
        case "saved": savedOn = value
        case "seed":
            guard let s = UInt64(value) else { return false }
            seed = s
        case "file":
            guard let record = Self.fileRecord(value) else { return false }
            files.append(record)
        default: return false
        }
        return true
    }

    /// `"path" sha256=HEX rows=N`
    private static func fileRecord(_ text: String) -> FileRecord? {
        guard let (path, rest) = SessionText.unquoted(prefixOf: text) else { return nil }
        var sha: String?
        var rows: Int?
        for part in rest.split(separator: " ") {
            if part.hasPrefix("sha256=") { sha = String(part.dropFirst(7)) }
            if part.hasPrefix("rows=") { rows = Int(part.dropFirst(5)) }
        }
        guard let rows else { return nil }
        return FileRecord(path: path, sha256: sha == "unknown" ? nil : sha, rows: rows)
    }
}

/// Small text helpers for the session format.
package enum SessionText {
    package static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A quoted string at the start of `text` and what follows it.
    package static func unquoted(prefixOf text: String) -> (String, Substring)? {
        guard text.first == "\"" else { return nil }
        var value = ""
        var escaped = false
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let c = text[index]
            if escaped {
                value.append(c); escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                return (value, text[text.index(after: index)...])
            } else {
                value.append(c)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
