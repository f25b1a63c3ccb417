import Foundation
import StrataEngine

/// `strata check --against FOLDER FILE`: the session replayed locally, and each table the Spark
/// job listed in FOLDER's manifest compared with the local result of the same name.
public struct SparkCheck: Sendable {
    public let folder: String
    public let rows: [SparkCheckRow]
    /// Local replay problems: errors that kept the session from running, commands that failed.
    public let problems: [String]
    /// The manifest's notes on why a table is compared as it is.
    public let notes: [String]

    public var passed: Bool { problems.isEmpty && rows.allSatisfy(\.ok) }

    public static func run(_ document: SessionDocument, path: String, folder: String, overrides: [String: String] = [:],
                           registry: CommandRegistry) throws(SparkCheckError) -> SparkCheck {
        let manifest = try SparkManifest.read(folder: folder)
        let local = LocalResults.replay(document, path: path, overrides: overrides, registry: registry)
        return compare(manifest, folder: folder, local: local)
    }

    /// Every manifest entry against `local`; a table the folder lacks is named, not skipped.
    public static func compare(_ manifest: SparkManifest, folder: String, local: LocalResults) -> SparkCheck {
        var rows: [SparkCheckRow] = []
        for entry in manifest.tables {
            let tolerance = entry.tolerance ?? .exactish
            let path = (folder as NSString).appendingPathComponent(entry.name)
            guard FileManager.default.fileExists(atPath: path) else {
                rows.append(SparkCheckRow(table: entry.name, check: "present", local: "", spark: "missing from \(folder)", ok: false))
                continue
            }
            let spark: Table
            do {
                spark = try ParquetReader.read(path: path).table
            } catch {
                rows.append(SparkCheckRow(table: entry.name, check: "readable", local: "", spark: "\(error)", ok: false))
                continue
            }
            if entry.compare == .metrics {
                rows += compareQuality(name: entry.name, local: local.quality(named: entry.name), spark: spark, tolerance: tolerance)
                continue
            }
            guard let mine = local.workspace.rows(entry.name) else {
                rows.append(SparkCheckRow(table: entry.name, check: "present", local: "no table \(entry.name) in the session",
                                          spark: "\(Format.count(spark.rowCount)) rows", ok: false))
                continue
            }
            if entry.compare == .rowCount {
                rows.append(TableComparison.rowCount(name: entry.name, local: mine, spark: spark))
            } else {
                rows += TableComparison.compare(name: entry.name, local: mine, spark: spark, keys: entry.keys, tolerance: tolerance)
            }
        }
        let notes = manifest.tables.compactMap { e in e.note.map { "\(e.name): \($0)" } }
        return SparkCheck(folder: folder, rows: rows, problems: local.problems, notes: notes)
    }

    /// Each metric the job reports (columns metric, value and optionally k) against the local figure.
    static func compareQuality(name: String, local: [MetricKey: Double]?, spark: Table, tolerance: Tolerance) -> [SparkCheckRow] {
        guard let sparkFigures = LocalResults.metricRows(spark) else {
            return [SparkCheckRow(table: name, check: "columns", local: "metric, value[, k]",
                                  spark: spark.columnNames.joined(separator: ", "), ok: false)]
        }
        guard let local else {
            return [SparkCheckRow(table: name, check: "present", local: "nothing named \(name) in the session",
                                  spark: "\(sparkFigures.count) metrics", ok: false)]
        }
        return sparkFigures.keys.sorted { $0.description < $1.description }.map { key in
            let theirs = sparkFigures[key]
            // A metric without a cut-off locally (MRR, coverage) matches the job's row at any k.
            let mine = local[key] ?? local[MetricKey(metric: key.metric, k: nil)]
            return SparkCheckRow(table: name, check: key.description, local: mine.map { "\($0)" } ?? "not computed",
                                 spark: theirs.map { "\($0)" } ?? "", tolerance: tolerance.description,
                                 ok: mine != nil && tolerance.accepts(mine, theirs))
        }
    }

    /// The table of checks, then a summary line.
    public func report(style: RenderStyle) -> String {
        var columns: [String: [String]] = ["table": [], "check": [], "local": [], "spark": [], "tolerance": [], "ok": []]
        for r in rows {
            columns["table"]?.append(r.table); columns["check"]?.append(r.check)
            columns["local"]?.append(r.local); columns["spark"]?.append(r.spark)
            columns["tolerance"]?.append(r.tolerance); columns["ok"]?.append(r.ok ? "yes" : "NO")
        }
        let order = ["table", "check", "local", "spark", "tolerance", "ok"]
        let table = Table(uncheckedColumns: order.map { name in
            Column.fromValues(name: name, type: .string, values: (columns[name] ?? []).map { .string($0) })
        }, rowCount: rows.count)
        var out = CommandOutput()
        var shown = style
        shown.maxRows = max(rows.count, 1)
        // Every figure in full: a cut cell could hide the digits that differ.
        shown.maxCellWidth = max(shown.maxCellWidth, 80)
        shown.width = max(shown.width, 200)
        out.append(.table(table, title: "Spark output in \(folder) against the local replay", showShape: false))
        if !notes.isEmpty { out.append(.text(notes.map { "note: " + $0 }.joined(separator: "\n"))) }
        for p in problems { out.append(.warning("local replay: " + p)) }
        let failed = rows.filter { !$0.ok }.count
        let tables = Set(rows.map(\.table)).count
        if passed {
            out.append(.note("all \(rows.count) checks on \(tables) tables match"))
        } else if failed > 0 {
            let names = Set(rows.filter { !$0.ok }.map(\.table)).sorted().joined(separator: ", ")
            out.append(.note("\(failed) of \(rows.count) checks differ (\(names))"))
        } else {
            out.append(.note("the local replay did not run cleanly, so the checks above do not vouch for the session"))
        }
        return OutputRenderer.render(out, style: shown)
    }
}
