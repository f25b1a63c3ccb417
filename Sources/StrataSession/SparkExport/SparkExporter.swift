import Foundation

/// The compiler from a session to a PySpark program. It walks the commands in order, parsing each
/// against the workspace the earlier ones made, and runs locally only what later commands need to
/// parse against (loads, transforms, fitted models; not displays or evaluations), so the code
/// knows Strata's exact column types. Every command that has no mapping is collected with its
/// line and reason; unless they may be skipped, the export then fails before anything is written.
public enum SparkExporter {
    /// One command of the session, with where it came from.
    public struct Command: Sendable {
        public let source: String
        /// `FILE:LINE`, or `cell N` at the prompt.
        public let location: String
        public let comments: [String]

        public init(source: String, location: String, comments: [String] = []) {
            self.source = source
            self.location = location
            self.comments = comments
        }
    }

    public struct Result: Sendable {
        /// The Python program.
        public let program: String
        /// Commands left out (only when they may be skipped).
        public let skipped: [SparkSkippedCommand]
        /// The tables the job writes, in order.
        public let tables: [String]
        public let exportedCount: Int
    }

    /// The commands of a session file; the recorded output under each is not part of them.
    public static func commands(of document: SessionDocument, path: String) -> [Command] {
        document.entries.map { Command(source: $0.source, location: "\(path):\($0.line)", comments: $0.comments) }
    }

    /// The saved cells of the current session.
    public static func commands(of cells: [Cell]) -> [Command] {
        cells.filter(\.isSaved).map { Command(source: $0.source, location: "cell \($0.number)", comments: $0.comments) }
    }

    /// Compiles `commands`, starting from `start` (the session's seed and parameters).
    /// Throws `SparkExportRefused` when a command has no mapping and `skipUnsupported` is off.
    public static func compile(_ commands: [Command], title: String, origin: String, start: Workspace,
                               registry: CommandRegistry, skipUnsupported: Bool,
                               context: RunContext = .quiet) throws -> Result {
        var workspace = start
        var translator = SparkTranslator()
        var sections: [SparkProgram.Section] = []
        var skipped: [SparkSkippedCommand] = []
        /// Names bound by commands that were not exported, and where.
        var unavailable: [String: String] = [:]
        let runner = CommandRunner(registry: registry)
        var exported = 0

        for command in commands {
            try context.cancellation.check()
            var section = SparkProgram.Section(comments: command.comments, source: command.source, location: command.location)
            func skip(_ reason: String, binds: Set<String>) {
                skipped.append(SparkSkippedCommand(location: command.location, source: command.source, reason: reason))
                section.skipped = reason
                for name in binds { unavailable[name] = command.location }
                sections.append(section)
            }
            let parsed: ParsedCommand
            var partial: String?
            do {
                guard let p = try CommandParser(registry: registry, workspace: workspace).parse(command.source) else { continue }
                parsed = p
            } catch {
                // `evaluate a, b on …` where some models were not exported: the others still are.
                if let (reduced, dropped) = withoutUnavailableModels(command.source, unavailable: unavailable),
                   let p = try? CommandParser(registry: registry, workspace: workspace).parse(reduced) {
                    parsed = p
                    partial = "models " + dropped.joined(separator: ", ") + " left out (not exported); the others are evaluated"
                } else {
                    skip(reason(parsing: error, source: command.source, unavailable: unavailable), binds: boundName(command.source))
                    continue
                }
            }
            var after = workspace
            if SparkTranslator.runsLocally(parsed.spec.name), !SparkTranslator.isDisplay(parsed.spec.name) {
                // Translation comes first when it can fail cheaply; running a model we cannot export would waste time.
                do {
                    try SparkTranslator.precheck(parsed)
                } catch let e as SparkUnsupported {
                    skip(e.reason, binds: parsed.binds)
                    continue
                } catch {}
                switch runner.run(command.source, on: workspace, host: nil, context: context, location: command.location) {
                case .succeeded(_, let ws, _): after = ws
                case .empty: continue
                case .failed(let message, _):
                    // A command that fails because it uses what an unexported command made says so.
                    let uses = reason(parsing: SparkUnsupported(""), source: command.source, unavailable: unavailable)
                    skip(uses.hasPrefix("it uses") ? uses : "it fails in Strata: " + (message.split(separator: "\n").first.map(String.init) ?? message),
                         binds: parsed.binds)
                    continue
                }
            }
            var attempt = translator
            do {
                section.block = try attempt.translate(SparkCommandInput(parsed: parsed, workspace: workspace, after: after))
            } catch let e as SparkUnsupported {
                skip(e.reason, binds: parsed.binds)
                continue
            } catch {
                skip(message(of: error), binds: parsed.binds)
                continue
            }
            translator = attempt
            workspace = after
            exported += 1
            if let partial {
                skipped.append(SparkSkippedCommand(location: command.location, source: command.source, reason: partial))
                section.block?.notes.insert(partial, at: 0)
            }
            sections.append(section)
        }
        if !skipped.isEmpty && !skipUnsupported { throw SparkExportRefused(skipped: skipped) }
        var program = SparkProgram(title: title, origin: origin, translator: translator)
        program.sections = sections
        program.metricTolerances = translator.metricTolerances
        return Result(program: program.render(), skipped: skipped, tables: translator.outputs.map(\.name)
                        + translator.evaluatedModels.map { "evaluation_" + $0 },
                      exportedCount: exported)
    }

    /// `evaluate a, b, c on T …` without the models in `unavailable`; nil when that is not the case.
    private static func withoutUnavailableModels(_ source: String, unavailable: [String: String]) -> (String, [String])? {
        guard source.hasPrefix("evaluate "), let on = source.range(of: " on ") else { return nil }
        let models = source[source.index(source.startIndex, offsetBy: 9)..<on.lowerBound]
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let kept = models.filter { unavailable[$0] == nil }
        guard kept.count < models.count, !kept.isEmpty else { return nil }
        return ("evaluate " + kept.joined(separator: ", ") + String(source[on.lowerBound...]), models.filter { unavailable[$0] != nil })
    }

    /// `… as NAME` of a line that does not parse, so commands using NAME are explained.
    private static func boundName(_ source: String) -> Set<String> {
        let words = (try? Lexer.tokenize(source))?.compactMap(\.word) ?? []
        guard words.count >= 2, words[words.count - 2] == "as" else { return [] }
        return [words[words.count - 1]]
    }

    private static func message(of error: any Error) -> String {
        if let e = error as? any UserFacingError { return e.message }
        return String(describing: error)
    }

    /// A parse error, explained by the unexported command it depends on when there is one.
    private static func reason(parsing error: any Error, source: String, unavailable: [String: String]) -> String {
        let words = (try? Lexer.tokenize(source))?.compactMap(\.word) ?? []
        for w in words {
            let base = w.split(separator: ".").first.map(String.init) ?? w
            if let location = unavailable[w] ?? unavailable[base] {
                return "it uses '\(w)', made by \(location), which is not exported"
            }
        }
        return "it does not parse: " + message(of: error)
    }
}
