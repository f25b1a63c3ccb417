/// The code one session command became, and the differences from Strata worth saying above it.
package struct SparkBlock: Sendable {
    package var code: [String]
    package var notes: [String]

    package init(_ code: [String] = [], notes: [String] = []) {
        self.code = code
        self.notes = notes
    }
}

/// One command to translate: as parsed against the workspace it ran in.
package struct SparkCommandInput {
    package let parsed: ParsedCommand
    /// The workspace before the command ran: the tables and columns it reads, with their types.
    package let workspace: Workspace
    /// The workspace after it ran locally (the same as `workspace` for a command that is not run):
    /// the exact types of what it made.
    package let after: Workspace

    /// The table the command made, as Strata made it.
    package var resultTable: Table? { parsed.resultName.flatMap { after.table($0) } }
}

/// A fitted model in the job: its Python variable and what it was trained on.
package struct SparkModel: Sendable {
    package enum Kind: String, Sendable { case popular, als, itemknn, kmeans, classifier, regressor }
    package var kind: Kind
    package var variable: String
    package var user: String = ""
    package var item: String = ""
    /// The training table's variable.
    package var training: String = ""
    package var summary: String = ""
    /// A clustering's feature columns, scaled by `<variable without _model>_scaler` in the job.
    package var features: [String] = []
    /// item-kNN: the neighbours that score each candidate.
    package var neighbors: Int = 0
}

/// Turns session commands into PySpark code, one at a time, keeping what the job has made so far:
/// the tables it will write, the models it has fitted, and the helper functions the code uses.
package struct SparkTranslator {
    package private(set) var outputs: [SparkOutputTable] = []
    package var models: [String: SparkModel] = [:]
    package var helpers: Set<SparkHelper> = []
    /// Per evaluated model: the absolute tolerance of its metrics and why.
    package var metricTolerances: [String: (Double, String)] = [:]
    /// Evaluated names whose tolerance is relative (k-means inertia, exact test figures).
    package var relativeMetrics: Set<String> = []
    /// Evaluated names whose relative tolerance has an absolute floor (R² near 0).
    package var metricFloors: [String: Double] = [:]
    /// Models with evaluation figures, in the order first evaluated.
    package var evaluatedModels: [String] = []

    package init() {}

    /// Records that the job holds `table` under its name in its final state (a later command that
    /// replaces it updates the entry).
    package mutating func produce(_ table: SparkOutputTable) {
        if let i = outputs.firstIndex(where: { $0.name == table.name }) { outputs[i] = table } else { outputs.append(table) }
    }

    /// A table dropped from the workspace is not written either.
    package mutating func discard(_ name: String) { outputs.removeAll { $0.name == name } }

    package func output(_ name: String) -> SparkOutputTable? { outputs.first { $0.name == name } }

    /// The variable of a table the job already has, or why there is none.
    package func variable(of name: String?) throws -> String {
        guard let name, let table = output(name) else {
            throw SparkUnsupported("it reads '\(name ?? "?")', which no exported command made")
        }
        return table.variable
    }

    /// A table made from `source` row by row (filter, derive, sort…): its keys, kind and comparison.
    package func inherited(_ name: String, from source: String?) -> SparkOutputTable {
        var t = source.flatMap { output($0) } ?? .data(name)
        t.name = name
        t.variable = SparkPython.variable(name)
        return t
    }

    /// The keys a derived table inherits from its source.
    package func keys(of name: String?) -> [String] { name.flatMap { output($0)?.keys } ?? [] }

    /// Whether a command only shows something (it becomes a comment, or a `.show()`).
    package static func isDisplay(_ name: String) -> Bool {
        displayOnly.contains(name) || name.hasPrefix("chart")
    }

    private static let displayOnly: Set<String> = [
        "show", "describe", "schema", "help", "tables", "profile", "history", "show cell", "save session",
        "export notebook", "export spark", "kdist", "cluster sweep", "model sweep", "model report",
    ]

    /// Whether the exporter should run the command locally after translating it, so later commands
    /// parse against its result. Display commands and the evaluation change nothing later commands need.
    package static func runsLocally(_ name: String) -> Bool {
        !isDisplay(name) && name != "evaluate" && name != "abtest" && name != "export"
    }

    /// Refuses, before anything runs, a command whose kind has no mapping (so an unsupported model
    /// is not trained locally for nothing).
    package static func precheck(_ parsed: ParsedCommand) throws {
        let name = parsed.spec.name
        if isDisplay(name) { return }
        switch name {
        case "recommender":
            let kind = parsed.text("kind") ?? ""
            guard ["popular", "als", "itemknn"].contains(kind) else {
                throw SparkUnsupported("recommender \(kind) has no Spark mapping; popular, als and itemknn do")
            }
        default:
            if !mapped.contains(name) { throw SparkUnsupported(unsupportedReason(name)) }
        }
    }

    private static let mapped: Set<String> = [
        "load", "filter", "derive", "sort", "group", "join", "sample", "select", "drop", "rename", "export", "drop table",
        "param", "set", "rfm", "scale", "score", "segment", "cluster kmeans", "split", "recommender", "evaluate", "abtest",
        "model forest", "model gbm", "model logistic", "model tree", "model linear", "model ridge", "pca", "assign", "migrate",
        "recommend all", "recommend user",
    ]

    package mutating func translate(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let name = parsed.spec.name
        if Self.isDisplay(name) { return display(input) }
        switch name {
        case "load": return try load(input)
        case "filter": return try filter(input)
        case "derive": return try derive(input)
        case "sort": return try sort(input)
        case "group": return try group(input)
        case "join": return try join(input)
        case "sample": return try sample(input)
        case "select", "drop": return try selectColumns(input, keep: name == "select")
        case "rename": return try rename(input)
        case "export": return try exportTable(input)
        case "drop table": return try dropTable(input)
        case "param", "set":
            return SparkBlock(notes: ["read when the job was written: seeds and parameter values are already in the code below"])
        case "rfm": return try rfm(input)
        case "scale": return try scale(input)
        case "score": return try score(input)
        case "segment": return try segment(input)
        case "cluster kmeans": return try kmeans(input)
        case "split": return try split(input)
        case "recommender": return try recommender(input)
        case "evaluate": return try evaluate(input)
        case "abtest": return try abtest(input)
        case "model forest", "model gbm", "model logistic", "model tree", "model linear", "model ridge": return try model(input)
        case "pca": return try pca(input)
        case "assign": return try assign(input)
        case "migrate": return try migrate(input)
        case "recommend all", "recommend user": return try recommend(input)
        default:
            throw SparkUnsupported(Self.unsupportedReason(name))
        }
    }

    private static func unsupportedReason(_ name: String) -> String {
        switch name {
        case "run": return "a nested script: export that file on its own"
        case "predict", "predict rating", "similar item",
             "features", "clv", "online", "offpolicy", "bandit simulate", "monitor", "abtest plan", "load split",
             "recommender hybrid", "evaluate models":
            return "'\(name)' has no Spark mapping yet (docs/spark.md lists what is mapped)"
        default: return "'\(name)' has no Spark mapping (docs/spark.md lists what is mapped)"
        }
    }
}
