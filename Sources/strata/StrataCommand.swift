#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import StrataSession

/// Options every mode understands.
struct CommonOptions: ParsableArguments {
    @Flag(help: "Do not read or write the history file (~/.strata_history, or $STRATA_HISTORY).")
    var noHistory = false

    @Flag(help: "Plain ASCII output: no box-drawing or block characters.")
    var ascii = false
}

/// `strata` opens the interactive session; with stdin not a terminal it runs the piped commands.
struct Strata: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "An interactive workbench for data analysis.",
        usage: """
            strata [--no-history] [--ascii]          interactive session
              strata [--keep-going] < script.strata    run piped commands
              strata run FILE [--set NAME=VALUE …]     replay a script or saved session
              strata check FILE…                       replay and compare with the recorded output
              strata check --against FOLDER FILE       replay and compare with a Spark job's output
              strata export notebook FILE OUT.ipynb    a saved session as a notebook (or OUT.md)
            """,
        discussion: """
            With no arguments on a terminal, opens the interactive session. When stdin is not a \
            terminal (`strata < script.strata`, pipes), runs its lines as a script: output on stdout, \
            errors on stderr as `<stdin>:LINE`, stopping at the first failed command (see \
            --keep-going). The exit status is 0 when every command succeeded, 1 otherwise.
            """,
        version: StrataVersion.current,
        subcommands: [Run.self, Check.self, Export.self]
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "With piped input, run every command even after one fails (the exit status is still 1).")
    var keepGoing = false

    @Flag(help: "Keep no journal (the journal lets the next start recover a session that crashed).")
    var noJournal = false

    func run() throws {
        let terminal = Startup.start()
        let interpreter = Startup.interpreter(ascii: options.ascii || !terminal.utf8)
        let status: Int32
        if terminal.stdinIsTerminal {
            status = Repl(interpreter: interpreter, terminal: terminal,
                          historyPath: options.noHistory ? nil : Startup.historyPath(),
                          journalDirectory: noJournal ? nil : Journal.defaultDirectory(),
                          ascii: options.ascii || !terminal.utf8).run()
        } else {
            status = ScriptRunner(interpreter: interpreter, source: "<stdin>", keepGoing: keepGoing).run { readLine() }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// `--set NAME=VALUE`, repeatable.
struct ParameterOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter declared with 'param NAME = …'.",
                                                          valueName: "NAME=VALUE"))
    var assignments: [String] = []

    func overrides() throws -> [String: String] {
        var out: [String: String] = [:]
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                throw ValidationError("--set expects NAME=VALUE, got '\(a)'")
            }
            out[String(a[..<eq])] = String(a[a.index(after: eq)...])
        }
        return out
    }
}

/// `strata run FILE`: runs a script without the interactive session.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the commands in FILE (a script or a saved session), stopping at the first one that fails.",
        discussion: """
            Nothing runs if a line of FILE is not a command. Errors name FILE:LINE. A saved session's \
            recorded seed is used, and a warning comes before any command that reads a data file which \
            changed since the session was saved. The exit status is 0 when every command succeeded, 1 otherwise.
            """
    )

    @Argument(help: "A script of Strata commands, one per line (a trailing \\ continues a line).")
    var file: String

    @OptionGroup var options: CommonOptions
    @OptionGroup var parameters: ParameterOptions

    @Flag(help: "Run every command even after one fails (the exit status is still 1).")
    var keepGoing = false

    @Flag(help: "Run nothing: list the files the script would read and write, and check its commands.")
    var dryRun = false

    func run() throws {
        let terminal = Startup.start()
        let document = try Startup.document(file)
        let overrides = try parameters.overrides()
        if dryRun {
            let plan = SessionPlan(document, path: file, overrides: overrides, registry: StandardCommands.registry)
            Console.out("\(file): \(document.entries.count) commands\n" + plan.describe() + "\n")
            for e in plan.errors { Console.err(e + "\n") }
            if !plan.errors.isEmpty { throw ExitCode(1) }
            return
        }
        let interpreter = Startup.interpreter(ascii: options.ascii || !terminal.utf8, document: document, overrides: overrides)
        let status = ScriptRunner(interpreter: interpreter, source: file, keepGoing: keepGoing).run(document, overrides: overrides)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `strata check FILE…`: replays saved sessions and compares their output with what they recorded.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay saved sessions and compare each command's output with the output recorded in the file.",
        discussion: """
            Prints, for each file, every cell whose output differs (with a unified diff) and a summary \
            line. The exit status is 0 only when every cell of every file matches.

            With --against FOLDER (the --output of a job made by `strata export spark`), replays one \
            session and compares each table listed in FOLDER/_strata_manifest.json with the local \
            table of that name: row counts and key sets exactly, numbers to 1e-9 relative (or the \
            manifest's tolerance), model quality within the manifest's tolerance. Prints a table of \
            the checks; the exit status is 0 only when every check passes. See docs/spark.md.
            """
    )

    @Argument(help: "Saved session files (.strata).")
    var files: [String]

    @Option(help: ArgumentHelp("Compare with a Spark job's output folder instead of the recorded output.", valueName: "FOLDER"))
    var against: String?

    @OptionGroup var parameters: ParameterOptions

    @Flag(help: "Re-record: write each file again with the replayed output (keeping its comments), when every command succeeds.")
    var update = false

    func run() throws {
        _ = Startup.start()
        let overrides = try parameters.overrides()
        if let against {
            try checkAgainst(against, overrides: overrides)
            return
        }
        var allPassed = true
        for file in files {
            let document: SessionDocument
            do {
                document = try SessionSource.read(file)
            } catch {
                Console.err("strata: \(error)\n")
                allPassed = false
                continue
            }
            let result = SessionCheck.run(document, path: file, overrides: overrides, registry: StandardCommands.registry)
            if !result.errors.isEmpty {
                for e in result.errors { Console.err(e + "\n") }
                Console.out(result.report() + "\n")
                allPassed = false
                continue
            }
            if update {
                guard !result.mismatches.contains(where: \.failed) else {
                    Console.out(result.report() + "\n\(file): not updated, a command failed\n")
                    allPassed = false
                    continue
                }
                do {
                    try AtomicFile.write(result.rerecorded, to: file)
                    Console.out("\(file): re-recorded \(result.cellCount) cells (\(result.mismatches.count) had changed)\n")
                } catch {
                    Console.err("strata: \(error)\n")
                    allPassed = false
                }
                continue
            }
            Console.out(result.report() + "\n")
            allPassed = allPassed && result.passed
        }
        if !allPassed { throw ExitCode(1) }
    }

    func validate() throws {
        if against != nil && files.count != 1 { throw ValidationError("--against compares one session: give exactly one FILE") }
        if against != nil && update { throw ValidationError("--update re-records the file's own output; it cannot be used with --against") }
    }

    private func checkAgainst(_ folder: String, overrides: [String: String]) throws {
        let file = files[0]
        let document = try Startup.document(file)
        let result: SparkCheck
        do {
            result = try SparkCheck.run(document, path: file, folder: folder, overrides: overrides, registry: StandardCommands.registry)
        } catch {
            Console.err("strata: \(error)\n")
            throw ExitCode(1)
        }
        Console.out(result.report(style: OutputRenderer.style(for: Settings())) + "\n")
        if !result.passed { throw ExitCode(1) }
    }
}

/// Start-up shared by every mode.
enum Startup {
    /// Locale first, so libedit and the width of non-ASCII text are right. Signal handlers are the
    /// interactive session's business: a script leaves the terminal alone and Ctrl-C ends it.
    static func start() -> TerminalInfo {
        setlocale(LC_CTYPE, "")
        return TerminalInfo.detect()
    }

    static func interpreter(ascii: Bool, document: SessionDocument? = nil, overrides: [String: String] = [:]) -> Interpreter {
        var workspace = Workspace()
        workspace.settings.ascii = ascii
        if let document { workspace = Replay.workspace(for: document, overrides: overrides, base: workspace) }
        return Interpreter(registry: StandardCommands.registry, workspace: workspace)
    }

    static func document(_ path: String) throws -> SessionDocument {
        do {
            return try SessionSource.read(path)
        } catch {
            Console.err("strata: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// `$STRATA_HISTORY`, else `~/.strata_history`; nil when there is no home to put it in.
    static func historyPath() -> String? {
        if let p = getenv("STRATA_HISTORY"), p.pointee != 0 { return String(cString: p) }
        if let home = getenv("HOME"), home.pointee != 0 { return String(cString: home) + "/.strata_history" }
        return nil
    }
}
