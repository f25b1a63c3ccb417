import Foundation

/// `export spark "job.py"`: the current session's cells as a PySpark program (docs/spark.md).
package enum ExportSparkCommand {
    package static let skipUnsupported = CommandOption.flag(
        "skip_unsupported", default: false, "leave commands with no Spark mapping out, as comments, instead of refusing")

    package static let spec = CommandSpec(
        "export spark", group: .session, summary: "Write the session as a PySpark job that does the same on a cluster.",
        arguments: [.path("file", help: "the Python file to write, ending in .py")],
        options: [skipUnsupported],
        details: "Each saved cell becomes PySpark code under a comment with the command; where Spark's answer differs "
            + "from Strata's, a comment says how. The job takes --input (where data paths are read from), --output "
            + "(where each result table is written as Parquet, with a manifest) and --master. A command with no "
            + "mapping is named with its cell and the reason, and nothing is written, unless skip_unsupported=yes. "
            + "The cells are replayed once (without displays or evaluations) so the code knows Strata's column types. "
            + "See docs/spark.md.",
        examples: ["export spark \"/tmp/example-job.py\" skip_unsupported=yes"],
        fileAccess: .writes, isRecorded: false
    ) { parsed, ctx in
        let session = try ctx.session()
        let path = parsed.text("file") ?? ""
        guard path.hasSuffix(".py") else {
            throw SyntaxError("a Spark job is a Python file ending in .py", at: parsed.span("file"),
                              suggestion: "e.g. export spark \"job.py\"")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw SyntaxError("the folder '\(folder)' does not exist", at: parsed.span("file"), suggestion: "create it first")
        }
        let commands = SparkExporter.commands(of: session.cells)
        guard !commands.isEmpty else { return .note("no cells to export yet") }
        var start = Workspace()
        start.settings.seed = session.initialSeed
        let title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let result = try SparkExporter.compile(commands, title: title, origin: "typed at the prompt (\(commands.count) cells)",
                                               start: start, registry: ctx.registry,
                                               skipUnsupported: parsed[skipUnsupported], context: ctx.run)
        try AtomicFile.write(result.program, to: path)
        var out = CommandOutput.note("wrote \(path): \(result.exportedCount) of \(commands.count) cells as PySpark; "
                                     + "it writes \(result.tables.count) tables: " + result.tables.joined(separator: ", ")
                                     + "\nrun: spark-submit \(path) --input . --output OUT    compare: strata check --against OUT")
        if !result.skipped.isEmpty {
            out.append(.warning("left out as comments (skip_unsupported=yes):\n" + result.skipped.map(\.rendered).joined(separator: "\n")))
        }
        return out
    }
}
