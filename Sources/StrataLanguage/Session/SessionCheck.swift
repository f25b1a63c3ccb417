/// `strata check FILE`: replays a saved session and compares each command's output with the
/// output recorded under it.
public struct SessionCheck: Sendable {
    public struct Mismatch: Sendable {
        public let cellNumber: Int
        public let entry: SessionDocument.Entry
        public let replayed: [String]
        /// The command failed on replay (its error message is in `replayed`).
        public let failed: Bool
    }

    public let path: String
    public let cellCount: Int
    public let mismatches: [Mismatch]
    /// Changed data files, said before the cells that read them.
    public let warnings: [String]
    /// The file as it would be saved now: the replayed cells and outputs, comments kept.
    public let rerecorded: String

    public var passed: Bool { mismatches.isEmpty }

    /// Replays `document` in a fresh workspace and compares outputs cell by cell. Every cell runs
    /// (a mismatch does not stop the replay), so one report shows everything that differs.
    public static func run(_ document: SessionDocument, path: String, overrides: [String: String] = [:],
                           registry: CommandRegistry = StandardCommands.registry, context: RunContext = .quiet) -> SessionCheck {
        let interpreter = Interpreter(registry: registry, workspace: SessionReplay.workspace(for: document, overrides: overrides))
        var files = DataFileCheck(header: document.header)
        var warnings: [String] = []
        var mismatches: [Mismatch] = []
        var count = 0
        for entry in document.entries {
            warnings += files.warnings(before: entry.source)
            let result = interpreter.execute(entry.source, context: context, location: "\(path):\(entry.line)",
                                             comments: entry.comments)
            if case .empty = result { continue }
            count += 1
            let cell = interpreter.cells.last
            let replayed = cell?.outputLines ?? []
            if SessionDocument.normalized(replayed) != SessionDocument.normalized(entry.recorded) {
                mismatches.append(Mismatch(cellNumber: count, entry: entry, replayed: replayed,
                                           failed: !(cell?.succeeded ?? true)))
            }
            if case .quit = result { break }
        }
        let header = SessionHeader.forSaving(seed: interpreter.initialSeed, inputs: interpreter.workspace.inputs)
        let text = SessionDocument.render(cells: interpreter.cells, header: header, trailingComments: document.trailingComments)
        return SessionCheck(path: path, cellCount: count, mismatches: mismatches, warnings: warnings, rerecorded: text)
    }

    /// The report: each mismatching cell with a unified diff (at most `maxDiffs`), then a summary line.
    public func report(maxDiffs: Int = 10) -> String {
        var out = warnings
        for m in mismatches.prefix(maxDiffs) {
            let what = m.failed ? "failed on replay" : "output differs"
            out.append("\(path):\(m.entry.line): cell \(m.cellNumber) \(what): \(m.entry.source)")
            out.append(UnifiedDiff.render(old: SessionDocument.normalized(m.entry.recorded),
                                          new: SessionDocument.normalized(m.replayed),
                                          oldLabel: "recorded", newLabel: "replayed"))
        }
        if mismatches.count > maxDiffs {
            out.append("… and \(mismatches.count - maxDiffs) more cells differ")
        }
        if passed {
            out.append("\(path): all \(cellCount) cells match")
        } else {
            let first = mismatches[0]
            out.append("\(path): \(mismatches.count) of \(cellCount) cells differ; the first is cell \(first.cellNumber) (line \(first.entry.line))")
        }
        return out.joined(separator: "\n")
    }
}

/// What replaying a session needs before its first command.
public enum SessionReplay {
    /// A fresh workspace with the session's recorded seed and the `--set` overrides.
    public static func workspace(for document: SessionDocument, overrides: [String: String],
                                 base: Workspace = Workspace()) -> Workspace {
        var workspace = base
        if let seed = document.header.seed { workspace.settings.seed = seed }
        workspace.parameterOverrides = overrides
        return workspace
    }
}
