import ArgumentParser
import Foundation
import StrataSession

/// `strata export spark FILE.strata job.py`: a session as a PySpark program (docs/spark.md).
struct ExportSpark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark",
        abstract: "Write a saved session (or script) as a PySpark job.",
        discussion: """
            Each command becomes PySpark code under a comment with the command; where Spark's answer \
            differs from Strata's, a comment says how. The recorded output in the file is ignored. The \
            session is replayed once, without displays or evaluations, so the code knows Strata's column \
            types. A command with no Spark mapping is named with FILE:LINE and the reason, and nothing \
            is written, unless --skip-unsupported. Run the job with: spark-submit JOB --input DATA_DIR \
            --output OUT_DIR [--master local[2]].
            """
    )

    @Argument(help: "The session or script (.strata).")
    var session: String

    @Argument(help: "The Python file to write (.py).")
    var job: String

    @Flag(help: "Leave commands with no Spark mapping out, as comments, instead of refusing.")
    var skipUnsupported = false

    @OptionGroup var parameters: ParameterOptions

    func run() throws {
        _ = Startup.start()
        guard job.hasSuffix(".py") else { throw ValidationError("the job is a Python file ending in .py, got '\(job)'") }
        let document = try Startup.document(session)
        let overrides = try parameters.overrides()
        let plan = SessionPlan(document, path: session, overrides: overrides, registry: StandardCommands.registry)
        guard plan.errors.isEmpty else {
            for e in plan.errors { Console.err(e + "\n") }
            throw ExitCode(1)
        }
        let title = ((job as NSString).lastPathComponent as NSString).deletingPathExtension
        let result: SparkExporter.Result
        do {
            result = try SparkExporter.compile(SparkExporter.commands(of: document, path: session), title: title, origin: session,
                                               start: Replay.workspace(for: document, overrides: overrides),
                                               registry: StandardCommands.registry, skipUnsupported: skipUnsupported)
        } catch let refused as SparkExportRefused {
            Console.err("strata: \(refused.message)\n" + (refused.suggestion.map { $0 + "\n" } ?? ""))
            throw ExitCode(1)
        }
        do {
            try AtomicFile.write(result.program, to: job)
        } catch {
            Console.err("strata: cannot write \(job): \(error)\n")
            throw ExitCode(1)
        }
        for s in result.skipped { Console.err("left out: \(s.rendered)\n") }
        Console.out("\(job): \(result.exportedCount) commands as PySpark; writes \(result.tables.joined(separator: ", "))\n"
                    + "run: spark-submit \(job) --input . --output OUT --master \"local[2]\"\n")
    }
}
