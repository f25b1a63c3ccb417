import ArgumentParser
import Foundation
import StrataSession

/// `strata export …`: a saved session turned into another form, from the shell.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a saved session into another form: a notebook (or, with `export spark`, a PySpark job).",
        subcommands: [ExportNotebook.self]
    )
}

/// `strata export notebook FILE.strata OUT.ipynb|OUT.md [--replay]`.
struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Write a saved session as a Jupyter (.ipynb) or Markdown (.md) notebook, one cell per command.",
        discussion: """
            Each command of FILE becomes its own code cell with the output recorded under it in FILE, \
            and the '#' comments above it become text cells. Nothing runs and no data file is read, \
            unless --replay is given: then the session runs first (as `strata run` does) and the cells \
            carry the output it prints now; a command that fails stops the export and nothing is written.
            """
    )

    @Argument(help: "A saved session (.strata).")
    var file: String

    @Argument(help: "The notebook to write: ending in .ipynb (Jupyter, nbformat 4) or .md (Markdown).")
    var output: String

    @Flag(help: "Re-run the session first and use the output it prints now.")
    var replay = false

    @OptionGroup var parameters: ParameterOptions

    func validate() throws {
        guard Notebook.Format(path: output) != nil else {
            throw ValidationError("'\(output)': a notebook file ends in .ipynb or .md (e.g. tour.ipynb)")
        }
    }

    func run() throws {
        _ = Startup.start()
        guard let format = Notebook.Format(path: output) else { throw ExitCode(1) }
        let document = try Startup.document(file)
        let entries: [Notebook.Entry]
        if replay {
            let overrides = try parameters.overrides()
            do throws(SessionNotebookError) {
                entries = try SessionNotebook.replayed(document, path: file, overrides: overrides,
                                                       registry: StandardCommands.registry)
            } catch {
                for m in error.messages { Console.err(m + "\n") }
                Console.err("strata: \(output) not written\n")
                throw ExitCode(1)
            }
        } else {
            entries = SessionNotebook.recorded(document)
        }
        let title = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            try AtomicFile.write(Notebook.render(entries, format: format, title: title, trailing: document.trailingComments),
                                 to: output)
        } catch {
            Console.err("strata: \(error)\n")
            throw ExitCode(1)
        }
        let kind = format == .markdown ? "Markdown" : "Jupyter notebook"
        Console.out("wrote \(entries.count) cells to \(output) (\(kind)\(replay ? ", replayed" : ", recorded output"))\n")
    }
}
