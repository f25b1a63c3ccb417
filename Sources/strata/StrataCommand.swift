#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import StrataLanguage

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
              strata run FILE                          run a script
            """,
        discussion: """
            With no arguments on a terminal, opens the interactive session. When stdin is not a \
            terminal (`strata < script.strata`, pipes), runs its lines as a script: output on stdout, \
            errors on stderr as `<stdin>:LINE`, stopping at the first failed command (see \
            --keep-going). The exit status is 0 when every command succeeded, 1 otherwise.
            """,
        version: Repl.version,
        subcommands: [Run.self]
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "With piped input, run every command even after one fails (the exit status is still 1).")
    var keepGoing = false

    func run() throws {
        let terminal = Session.start()
        let interpreter = Session.interpreter(ascii: options.ascii || !terminal.utf8)
        let status: Int32
        if terminal.stdinIsTerminal {
            status = Repl(interpreter: interpreter, terminal: terminal,
                          historyPath: options.noHistory ? nil : Session.historyPath(),
                          ascii: options.ascii || !terminal.utf8).run()
        } else {
            status = ScriptRunner(interpreter: interpreter, source: "<stdin>", keepGoing: keepGoing).run { readLine() }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// `strata run FILE`: runs a script without the interactive session.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the commands in FILE, stopping at the first one that fails.",
        discussion: "Errors name FILE:LINE. The exit status is 0 when every command succeeded, 1 otherwise."
    )

    @Argument(help: "A script of Strata commands, one per line (a trailing \\ continues a line).")
    var file: String

    @OptionGroup var options: CommonOptions

    @Flag(help: "Run every command even after one fails (the exit status is still 1).")
    var keepGoing = false

    func run() throws {
        let terminal = Session.start()
        guard let lines = FileLines(path: file) else {
            let reason = String(cString: strerror(errno))
            Console.err("strata: cannot read '\(file)': \(reason)\n")
            throw ExitCode(1)
        }
        let interpreter = Session.interpreter(ascii: options.ascii || !terminal.utf8)
        let status = ScriptRunner(interpreter: interpreter, source: file, keepGoing: keepGoing).run { lines.next() }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Start-up shared by every mode.
enum Session {
    /// Locale first, so libedit and the width of non-ASCII text are right. Signal handlers are the
    /// interactive session's business: a script leaves the terminal alone and Ctrl-C ends it.
    static func start() -> TerminalInfo {
        setlocale(LC_CTYPE, "")
        return TerminalInfo.detect()
    }

    static func interpreter(ascii: Bool) -> Interpreter {
        var workspace = Workspace()
        workspace.settings.ascii = ascii
        return Interpreter(registry: StandardCommands.registry, workspace: workspace)
    }

    /// `$STRATA_HISTORY`, else `~/.strata_history`; nil when there is no home to put it in.
    static func historyPath() -> String? {
        if let p = getenv("STRATA_HISTORY"), p.pointee != 0 { return String(cString: p) }
        if let home = getenv("HOME"), home.pointee != 0 { return String(cString: home) + "/.strata_history" }
        return nil
    }
}
