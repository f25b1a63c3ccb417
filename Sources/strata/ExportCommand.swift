import ArgumentParser

/// `strata export …`: a saved session as something else. (Minimal on this branch; the `export`
/// family with `notebook` lives on the sparkcheck branch, which lists `ExportSpark` too.)
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a saved session: as a Spark job.",
        subcommands: [ExportSpark.self]
    )
}
