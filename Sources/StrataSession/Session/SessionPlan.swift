import Foundation

/// What a session file will do, found without running it: syntax errors (so a broken file runs
/// nothing) and the files it reads and writes (`strata run --dry-run`).
public struct SessionPlan: Sendable {
    public struct FileUse: Sendable, Equatable {
        public let access: FileAccess
        public let path: String
        /// `FILE:LINE` of the command.
        public let location: String

        public static func == (a: FileUse, b: FileUse) -> Bool {
            a.path == b.path && a.location == b.location && (a.access == .reads) == (b.access == .reads)
        }
    }

    public let errors: [String]
    public let files: [FileUse]

    /// Checks every command's words and parameters, and collects file paths; `run "FILE"` is
    /// followed into the script it names, and a `run` that would enter a file already being
    /// replayed (`within`, then the files on the way) is an error naming the chain.
    public init(_ document: SessionDocument, path: String, overrides: [String: String] = [:],
                registry: CommandRegistry, within outer: RunChain = RunChain()) {
        var errors: [String] = []
        var files: [FileUse] = []
        do throws(RunChainError) {
            Self.walk(document, path: path, declared: Set(overrides.keys), registry: registry, chain: try outer.entering(path),
                      errors: &errors, files: &files)
        } catch {
            errors.append("error: \(path): \(error.message)")
        }
        self.errors = errors
        self.files = files
    }

    private static func walk(_ document: SessionDocument, path: String, declared initial: Set<String>,
                             registry: CommandRegistry, chain: RunChain, errors: inout [String], files: inout [FileUse]) {
        var declared = initial
        for entry in document.entries {
            let location = "\(path):\(entry.line)"
            let tokens: [Token]
            do {
                tokens = try Lexer.tokenize(entry.source)
            } catch let e as SyntaxError {
                errors.append(e.rendered(line: entry.source, location: location))
                continue
            } catch {
                errors.append("error: \(location): \(error)")
                continue
            }
            let words = tokens.prefix(3).compactMap(\.word)
            guard let first = tokens.first, !first.isEnd else { continue }
            guard let spec = registry.match(words: words) else {
                let shown = first.word ?? first.display
                let e = SyntaxError("unknown command '\(shown)'", at: first.span,
                                    suggestion: Suggestions.didYouMean(shown, among: registry.verbs))
                errors.append(e.rendered(line: entry.source, location: location))
                continue
            }
            if spec.name == "param", tokens.count > 1, let name = tokens[1].word {
                declared.insert(name)
                continue
            }
            for token in tokens {
                if case .variable(let name) = token.kind, !declared.contains(name) {
                    let e = SyntaxError("parameter $\(name) is used before it is declared", at: token.span,
                                        suggestion: "add 'param \(name) = …' above it, or pass --set \(name)=…")
                    errors.append(e.rendered(line: entry.source, location: location))
                }
            }
            guard spec.fileAccess != .none,
                  let (target, span) = tokens.dropFirst(spec.words.count).lazy.compactMap({ t -> (String, SourceSpan)? in
                      if case .string(let s) = t.kind { return (s, t.span) } else { return nil }
                  }).first else { continue }
            let resolved = spec.name == "save session" ? SessionFiles.resolve(sessionName: target) : target
            files.append(FileUse(access: spec.fileAccess, path: resolved, location: location))
            guard spec.name == "run", let text = try? String(contentsOfFile: target, encoding: .utf8) else { continue }
            do throws(RunChainError) {
                walk(SessionDocument(text: text), path: target, declared: declared, registry: registry,
                     chain: try chain.entering(target), errors: &errors, files: &files)
            } catch {
                errors.append(SyntaxError(error.message, at: span, suggestion: error.suggestion)
                    .rendered(line: entry.source, location: location))
            }
        }
    }

    /// The dry-run listing: reads, then writes, each with where it happens.
    public func describe() -> String {
        guard !files.isEmpty else { return "reads no files and writes none" }
        var out: [String] = []
        let reads = files.filter { $0.access == .reads }
        let writes = files.filter { $0.access == .writes }
        if !reads.isEmpty { out.append("reads:"); out += reads.map { "  \($0.path)  (\($0.location))" } }
        if !writes.isEmpty { out.append("writes:"); out += writes.map { "  \($0.path)  (\($0.location))" } }
        return out.joined(separator: "\n")
    }
}

/// Where sessions are saved.
public enum SessionFiles {
    /// `save session "q3"` → `sessions/q3.strata`; a name with a `/` or ending in `.strata` is a path.
    public static func resolve(sessionName name: String) -> String {
        if name.contains("/") || name.hasSuffix(".strata") { return name }
        return "sessions/\(name).strata"
    }

    /// Today in UTC as `YYYY-MM-DD`.
    package static func today() -> String {
        CivilCalendar.formatDate(days: Int64((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// A path as the header records it: relative to the working directory when it lies inside it.
    package static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
