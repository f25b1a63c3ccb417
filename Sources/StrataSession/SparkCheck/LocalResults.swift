import StrataEngine

/// A metric of a model as both sides name it: `precision` at `k = 10`; k is nil for metrics that
/// have no cut-off (MRR, coverage, inertia).
public struct MetricKey: Hashable, Sendable, CustomStringConvertible {
    public let metric: String
    public let k: Int?

    public init(metric: String, k: Int?) {
        let lower = metric.lowercased()
        self.metric = Self.sparkNames[lower] ?? lower
        self.k = k
    }

    /// Spark ML's names for the figures Strata reports (RankingEvaluator, KMeans' training cost,
    /// BinaryClassificationEvaluator), so a job may write either.
    static let sparkNames = [
        "precisionatk": "precision", "recallatk": "recall", "ndcgatk": "ndcg",
        "meanaverageprecisionatk": "map", "meanaverageprecision": "map",
        "trainingcost": "inertia", "areaunderroc": "auc", "r2": "r²",
    ]

    /// `precision@10` → precision at 10; `mrr` → mrr with the row's own k, if any.
    public init(heading: String, k rowK: Int?) {
        if let at = heading.firstIndex(of: "@"), let k = Int(heading[heading.index(after: at)...]) {
            self.init(metric: String(heading[..<at]), k: k)
        } else {
            self.init(metric: heading, k: rowK)
        }
    }

    public var description: String { k.map { "\(metric)@\($0)" } ?? metric }
}

/// The session replayed locally: its final workspace, and the figures every `evaluate` printed,
/// by recommender (a later evaluation of the same metric replaces an earlier one).
public struct LocalResults: Sendable {
    public let workspace: Workspace
    public let evaluations: [String: [MetricKey: Double]]
    /// Errors that kept the session from replaying, and commands that failed (`FILE:LINE: …`).
    public let problems: [String]

    public init(workspace: Workspace, evaluations: [String: [MetricKey: Double]], problems: [String]) {
        self.workspace = workspace
        self.evaluations = evaluations
        self.problems = problems
    }

    /// Replays `document` in a fresh workspace (as `strata check` does), every command even after a failure.
    public static func replay(_ document: SessionDocument, path: String, overrides: [String: String] = [:],
                              registry: CommandRegistry) -> LocalResults {
        let interpreter = Interpreter(registry: registry, workspace: Replay.workspace(for: document, overrides: overrides))
        var evaluations: [String: [MetricKey: Double]] = [:]
        var problems: [String] = []
        do {
            let outcome = try Replay.run(document, path: path, in: interpreter, stopsAtFailure: false) { step in
                if case .failure(let message) = step.execution { problems.append(message) }
                guard let cell = step.cell, cell.succeeded else { return }
                for (name, figures) in CellFigures.figures(of: cell, in: interpreter.workspace, registry: registry) where !figures.isEmpty {
                    evaluations[name, default: [:]].merge(figures) { _, new in new }
                }
                guard cell.source.split(separator: " ").first == "evaluate" else { return }
                for name in cell.binds.sorted() where !name.hasSuffix(".users") {
                    guard let table = interpreter.workspace.table(name) else { continue }
                    for (model, figures) in metrics(ofEvaluation: table) {
                        evaluations[model, default: [:]].merge(figures) { _, new in new }
                    }
                }
            }
            if case .notRun(let errors) = outcome { problems += errors }
        } catch {
            problems.append("error: \(path): \(error.message)")
        }
        return LocalResults(workspace: interpreter.workspace, evaluations: evaluations, problems: problems)
    }

    /// An `evaluate` table, by model: the summary (model, users, precision@10, …, mrr) or the k
    /// range's long form (k, model, precision, ndcg). Every float column is a metric.
    static func metrics(ofEvaluation table: Table) -> [String: [MetricKey: Double]] {
        guard let models = table.column("model") else { return [:] }
        let kColumn = table.column("k")
        var out: [String: [MetricKey: Double]] = [:]
        for row in 0..<table.rowCount {
            guard case .string(let model) = models.value(at: row) else { continue }
            var rowK: Int?
            if let kColumn, case .int(let k) = kColumn.value(at: row) { rowK = Int(exactly: k) }
            for column in table.columns where column.type == .float {
                guard case .float(let v) = column.value(at: row) else { continue }
                out[model, default: [:]][MetricKey(heading: column.name, k: rowK)] = v
            }
        }
        return out
    }

    /// The local figures a `model_quality` table of the job stands for, by its name with or
    /// without `evaluation_`: what `evaluate` reported for a recommender of that name; a
    /// clustering's validity figures (inertia, silhouette, …); a model's validation figures (AUC,
    /// accuracy, …); or a local table with metric and value columns.
    public func quality(named name: String) -> [MetricKey: Double]? {
        let prefix = "evaluation_"
        let base = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
        if let figures = evaluations[base] { return figures }
        if case .object(let o)? = workspace[base] {
            if let clustering = o as? Clustering { return Self.figures(clustering.validity) }
            if let model = o as? ModelObject { return Self.figures(model.validationFigures.map { ($0.0, Optional($0.1)) }) }
        }
        if let table = workspace.table(name) ?? workspace.table(base) { return Self.metricRows(table) }
        return nil
    }

    private static func figures(_ named: [(String, Double?)]) -> [MetricKey: Double] {
        var out: [MetricKey: Double] = [:]
        for (metric, value) in named { if let value { out[MetricKey(metric: metric, k: nil)] = value } }
        return out
    }

    /// Rows of a (metric, value[, k]) table; nil when it has no such columns.
    static func metricRows(_ table: Table) -> [MetricKey: Double]? {
        guard let metric = table.column("metric"), let value = table.column("value") else { return nil }
        let k = table.column("k")
        var out: [MetricKey: Double] = [:]
        for row in 0..<table.rowCount {
            guard case .string(let name) = metric.value(at: row), let v = value.value(at: row).doubleValue else { continue }
            var rowK: Int?
            if let kv = k?.value(at: row).doubleValue, kv.isFinite, kv == kv.rounded() { rowK = Int(exactly: kv) }
            out[MetricKey(heading: name, k: rowK)] = v
        }
        return out
    }
}
