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
    /// Errors that kept the file from being replayed at all (each with `FILE:LINE`); nothing ran.
    public let errors: [String]
    public let cellCount: Int
    public let mismatches: [Mismatch]
    /// Changed data files, said before the cells that read them.
    public let warnings: [String]
    /// The file as it would be saved now: the replayed cells and outputs, comments kept.
    public let rerecorded: String

    public var passed: Bool { errors.isEmpty && mismatches.isEmpty }

    /// Checks `document` first (a file with an error is not replayed), then replays it in a fresh
    /// workspace and compares outputs cell by cell. Every cell runs (a mismatch does not stop the
    /// replay), so one report shows everything that differs.
    public static func run(_ document: SessionDocument, path: String, overrides: [String: String] = [:],
                           registry: CommandRegistry, context: RunContext = .quiet) -> SessionCheck {
        let interpreter = Interpreter(registry: registry, workspace: Replay.workspace(for: document, overrides: overrides))
        var warnings: [String] = []
        var mismatches: [Mismatch] = []
        var count = 0
        let outcome: ReplayOutcome
        do {
            outcome = try Replay.run(document, path: path, in: interpreter, context: context, stopsAtFailure: false) { step in
                warnings += step.warnings
                guard let cell = step.cell else { return }
                count += 1
                if SessionDocument.normalized(cell.outputLines) != SessionDocument.normalized(step.entry.recorded) {
                    mismatches.append(Mismatch(cellNumber: count, entry: step.entry, replayed: cell.outputLines,
                                               failed: !cell.succeeded))
                }
            }
        } catch {
            outcome = .notRun(errors: ["error: \(path): \(error.message)"])
        }
        let errors: [String]
        if case .notRun(let found) = outcome { errors = found } else { errors = [] }
        let header = SessionHeader.forSaving(seed: interpreter.initialSeed, inputs: interpreter.workspace.inputs)
        let text = SessionDocument.render(cells: interpreter.cells, header: header, trailingComments: document.trailingComments)
        return SessionCheck(path: path, errors: errors, cellCount: count, mismatches: mismatches, warnings: warnings,
                            rerecorded: text)
    }

    /// The report: each mismatching cell with a unified diff (at most `maxDiffs`), then a summary line.
    public func report(maxDiffs: Int = 10) -> String {
        guard errors.isEmpty else { return "\(path): not checked, \(errors.count == 1 ? "1 error" : "\(errors.count) errors")" }
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
