/// Why one command of a session cannot become Spark code. Thrown by a mapping; the exporter
/// collects every one with its line before anything is written.
package struct SparkUnsupported: Error, Sendable {
    package let reason: String

    package init(_ reason: String) { self.reason = reason }
}

/// A command that was not exported: where it is, what it was, why.
public struct SparkSkippedCommand: Sendable, Equatable {
    public let location: String
    public let source: String
    public let reason: String

    /// `tour.strata:12: cluster hierarchical …: reason`
    public var rendered: String { "\(location): \(source)\n  \(reason)" }
}

/// The export refused: the session has commands with no Spark mapping, and nothing was written.
public struct SparkExportRefused: UserFacingError {
    public let skipped: [SparkSkippedCommand]

    public var message: String {
        let count = skipped.count == 1 ? "1 command has" : "\(skipped.count) commands have"
        return "\(count) no Spark mapping; nothing was written\n" + skipped.map(\.rendered).joined(separator: "\n")
    }

    public var suggestion: String? {
        "remove them from the session, or export with skip-unsupported (the shell: --skip-unsupported) "
            + "to leave them out as comments"
    }
}
