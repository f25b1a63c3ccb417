/// split, recommender popular|als|itemknn and evaluate: window functions, Spark ML's ALS, lists as arrays and
/// RankingMetrics' definitions in one aggregation.
extension SparkTranslator {
    /// The user and item columns as Strata found them.
    private static func interactionColumns(_ parsed: ParsedCommand, _ table: Table, user: CommandOption<String?>,
                                           item: CommandOption<String?>) throws -> (String, String) {
        guard let u = InteractionOptions.column(parsed, user, table, candidates: InteractionOptions.userNames),
              let i = InteractionOptions.column(parsed, item, table, candidates: InteractionOptions.itemNames) else {
            throw SparkUnsupported("no user or item column found")
        }
        return (u, i)
    }

    private static func seedText(_ seed: UInt64) -> String { String(Int64(bitPattern: seed & 0x7FFF_FFFF_FFFF_FFFF)) }

    mutating func split(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let name = parsed.resultName, let table = input.workspace.table(parsed.subject ?? "") else {
            throw SparkUnsupported("split needs a table")
        }
        let (user, item) = try Self.interactionColumns(parsed, table, user: SplitCommands.user, item: SplitCommands.item)
        let seed = Self.seedText(parsed.seed(SplitCommands.seed, input.workspace.settings))
        let train = SparkPython.variable(name + ".train"), test = SparkPython.variable(name + ".test")
        var code: [String]
        var notes: [String] = []
        var random = true
        switch parsed[SplitCommands.by] {
        case .user:
            helpers.insert(.splitPerUser)
            code = ["\(train), \(test) = split_per_user(\(source), \(SparkPython.string(user)), \(SparkPython.number(parsed[SplitCommands.test])), \(seed))"]
            notes.append("per-user split: the same number of test rows per user as Strata (floor(test·n + 0.5)), but other rows: "
                         + "Spark's rand(\(seed)) is not Strata's generator, so compare counts and model quality, not rows")
        case .interaction:
            helpers.insert(.splitByInteraction)
            code = ["\(train), \(test) = split_by_interaction(\(source), \(SparkPython.number(parsed[SplitCommands.test])), \(seed))"]
            notes.append("each row is kept for test with probability test=, so the test size varies a little and the rows differ from Strata's")
        case .time:
            guard let cutoff = parsed[SplitCommands.cutoff] else { throw SparkUnsupported("by=time needs cutoff=") }
            guard let time = InteractionOptions.column(parsed, SplitCommands.time, table, candidates: ["timestamp", "time", "date"]) else {
                throw SparkUnsupported("no time column found")
            }
            helpers.insert(.splitByTime)
            random = false
            code = ["\(train), \(test) = split_by_time(\(source), \(SparkPython.string(time)), \(SparkPython.string(CivilCalendar.formatDate(days: cutoff.days))))"]
        case .last, .folds:
            throw SparkUnsupported("split by=\(parsed[SplitCommands.by].rawValue) has no Spark mapping yet; by=user, interaction and time do")
        }
        for (part, variable) in [(name + ".train", train), (name + ".test", test)] {
            var t = SparkOutputTable.data(part, keys: [user, item])
            t.variable = variable
            if random {
                t.compare = .rowCount
                t.note = "a different random draw: same row count (per user), other rows"
            }
            produce(t)
        }
        code.append("\(train), \(test) = \(train).cache(), \(test).cache()")
        return SparkBlock(code, notes: notes)
    }

    mutating func recommender(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let kind = parsed.text("kind") ?? ""
        let training = try variable(of: parsed.subject)
        guard let name = parsed.resultName, let table = input.workspace.table(parsed.subject ?? "") else {
            throw SparkUnsupported("recommender needs a table")
        }
        if parsed.isGiven(RecommenderCommand.context) { throw SparkUnsupported("context= has no Spark mapping yet") }
        let (user, item) = try Self.interactionColumns(parsed, table, user: InteractionOptions.user, item: InteractionOptions.item)
        let v = SparkPython.variable(name) + "_model"
        var model = SparkModel(kind: kind == "als" ? .als : .popular, variable: v, user: user, item: item, training: training)
        var code: [String] = []
        var notes: [String] = []
        switch kind {
        case "popular":
            if parsed.isGiven(SegmentOption.segment) { throw SparkUnsupported("popular with segment= has no Spark mapping yet") }
            code = ["\(v) = \(training).groupBy(\(SparkPython.string(item))).agg(F.countDistinct(\(SparkPython.string(user))).alias(\"score\"))"]
            notes.append("ties in popularity go to the lower item id; Strata breaks them its own way, so a list's last items may differ")
            model.summary = "popularity"
        case "als":
            for (column, type) in [(user, table.column(user)?.type), (item, table.column(item)?.type)] where type != .int {
                throw SparkUnsupported("Spark's ALS needs whole-number ids; \(column) is \(type?.rawValue ?? "missing")")
            }
            var options = ImplicitALSOptions(seed: parsed.seed(KindOptions.seed, input.workspace.settings))
            options.factors = parsed[FactorOptions.alsFactors]
            options.iterations = parsed[FactorOptions.iterations]
            options.regularization = parsed[FactorOptions.alsReg]
            options.alpha = parsed[FactorOptions.alpha]
            options.cgSteps = parsed[FactorOptions.cgsteps]
            let ratingColumn = InteractionOptions.column(parsed, InteractionOptions.rating, table, candidates: ["rating"])
            // Ratings say who interacted (binary, as Strata's default for them); other strengths scale confidence.
            options.binary = parsed[FactorOptions.alsBinary] ?? (ratingColumn != nil)
            if parsed.isGiven(InteractionOptions.event) || parsed.isGiven(InteractionOptions.weight) {
                throw SparkUnsupported("als with event= or weight= has no Spark mapping yet")
            }
            let strength = options.binary || ratingColumn == nil ? "F.lit(1.0)" : "F.col(\(SparkPython.string(ratingColumn ?? ""))).cast(\"double\")"
            code = [
                "# Strata's λ is the same for every row; Spark multiplies regParam by each user's (item's) number of",
                "# interactions (ALS-WR), so regParam = λ / mean interactions per user gives the same penalty on average.",
                "\(v)_reg = \(SparkPython.number(options.regularization)) / (\(training).count() / max(\(training).select(\(SparkPython.string(user))).distinct().count(), 1))",
                "\(v) = ALS(rank=\(options.factors), maxIter=\(options.iterations), regParam=\(v)_reg, alpha=\(SparkPython.number(options.alpha)),",
                "           implicitPrefs=True, userCol=\(SparkPython.string(user)), itemCol=\(SparkPython.string(item)), ratingCol=\"strength\",",
                "           seed=\(Self.seedText(options.seed)), coldStartStrategy=\"drop\").fit(\(training).withColumn(\"strength\", \(strength)))",
            ]
            notes.append("Spark ML's ALS solves each row exactly (Cholesky/NNLS); Strata's default solver is conjugate gradient "
                         + "(\(options.cgSteps) steps), and the random start differs: lists differ, precision@10 agrees within 0.02")
            model.summary = "ALS (implicit, \(options.factors) factors, \(options.iterations) iterations)"
        case "itemknn":
            let o = try NeighborOptions.parameters(parsed)
            guard o.similarity == .cosine, o.binary else {
                throw SparkUnsupported("itemknn with similarity=\(o.similarity.rawValue)\(o.binary ? "" : " binary=no") has no Spark mapping yet; binary cosine does")
            }
            if parsed.isGiven(InteractionOptions.event) { throw SparkUnsupported("itemknn with event= has no Spark mapping yet") }
            helpers.insert(.itemKNN)
            model.kind = .itemknn
            model.neighbors = o.neighbors
            code = ["\(v) = item_neighbours(\(training), \(SparkPython.string(user)), \(SparkPython.string(item)), saved=\(o.savedNeighbors), "
                    + "shrinkage=\(SparkPython.number(o.shrinkage)), min_similarity=\(SparkPython.number(o.minSimilarity)))"]
            notes.append("item-item cosine on who interacted, from co-occurrence counts by a self-join on users: its size is the sum over "
                         + "users of (items per user)², fine for ratings-sized logs, too big when some users have tens of thousands of items")
            notes.append("Strata keeps similarities as 32-bit floats, Spark as doubles: scores agree to about 1e-7 relative, so near-ties may swap")
            model.summary = "item-kNN (cosine, k=\(o.neighbors))"
        default:
            throw SparkUnsupported("recommender \(kind) has no Spark mapping; popular, als and itemknn do")
        }
        models[name] = model
        return SparkBlock(code, notes: notes)
    }

    /// Python for (user, item, score) rows: each of `users`' best `depth` items by the model.
    static func candidateScores(_ model: SparkModel, users: String, depth: String) -> String {
        let u = SparkPython.string(model.user), i = SparkPython.string(model.item)
        switch model.kind {
        case .popular:
            return "\(users).crossJoin(\(model.variable).orderBy(F.col(\"score\").desc(), F.col(\(i))).limit(\(depth)))"
        case .itemknn:
            return "item_knn_scores(\(model.variable), \(model.training), \(users), \(u), \(i), \(model.neighbors))"
        default:
            return "\(model.variable).recommendForUserSubset(\(users), \(depth))"
                + ".select(\(u), F.explode(\"recommendations\").alias(\"r\")).select(\(u), F.col(\"r.\" + \(i)).alias(\(i)), F.col(\"r.rating\").alias(\"score\"))"
        }
    }

    mutating func evaluate(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let test = try variable(of: parsed.subject)
        let unsupportedOptions: [(Bool, String)] = [
            (parsed.isGiven(EvaluationSettings.relevant), "relevant="), (parsed.isGiven(EvaluationSettings.by), "by="),
            (parsed.isGiven(EvaluationSettings.cold), "cold="), (parsed.isGiven(EvaluationSettings.recall), "recall="),
            (parsed.isGiven(EvaluationSettings.precision), "precision="), (parsed.isGiven(EvaluationSettings.gain), "gain="),
            (parsed.isGiven(EvaluationSettings.discount), "discount="), (parsed.isGiven(EvaluationSettings.ap), "ap="),
            (parsed[EvaluationSettings.seen] != .exclude, "seen=keep"),
        ]
        if let (_, option) = unsupportedOptions.first(where: { $0.0 }) {
            throw SparkUnsupported("evaluate with \(option) has no Spark mapping yet")
        }
        let mappedMetrics = ["precision", "recall", "ndcg", "map"]
        let asked = parsed[EvaluationSettings.metrics]
        let metrics = (asked ?? mappedMetrics).filter { mappedMetrics.contains($0) }
        let leftOut = (asked ?? []).filter { !mappedMetrics.contains($0) }
        guard !metrics.isEmpty else { throw SparkUnsupported("none of the metrics (\(leftOut.joined(separator: ", "))) has a Spark mapping; precision, recall, ndcg and map do") }
        var names: [String] = []
        var missing: [String] = []
        for model in parsed.list("models") {
            if models[model] != nil { names.append(model) } else { missing.append(model) }
        }
        if !missing.isEmpty || !leftOut.isEmpty {
            throw SparkUnsupported("not in Spark: " + (missing.map { "model \($0) (not exported)" } + leftOut.map { "metric \($0)" })
                .joined(separator: ", "))
        }
        let range = parsed[EvaluationSettings.k]
        let kmax = range.upperBound
        let ks = range.count == 1 ? "[\(kmax)]" : "range(\(range.lowerBound), \(kmax + 1))"
        helpers.formUnion([.unseenLists, .rankingMetrics])
        var code: [String] = []
        var evaluated = names.compactMap { n in models[n].map { (n, $0) } }
        if parsed[EvaluationSettings.baseline], let first = evaluated.first?.1, !evaluated.contains(where: { $0.1.kind == .popular }) {
            // Strata adds the popularity baseline, trained on the first model's data.
            let baseline = SparkModel(kind: .popular, variable: "popularity_model", user: first.user, item: first.item,
                                      training: first.training, summary: "popularity")
            code.append("popularity_model = \(first.training).groupBy(\(SparkPython.string(first.item))).agg(F.countDistinct(\(SparkPython.string(first.user))).alias(\"score\"))")
            evaluated.append(("popularity", baseline))
        }
        for (name, model) in evaluated {
            let u = SparkPython.string(model.user), i = SparkPython.string(model.item)
            let lists = "\(SparkPython.variable(name))_lists"
            let users = "\(test).select(\(u)).distinct()"
            code.append("# \(name): each test user's top \(kmax) among every training item except the user's own training items")
            switch model.kind {
            case .popular:
                code.append("\(lists) = top_unseen_popular(\(model.variable), \(users), \(model.training), \(u), \(i), \(kmax))")
            case .als:
                code.append("\(lists) = top_unseen_als(\(model.variable), \(users), \(model.training), \(u), \(i), \(kmax))")
            case .itemknn:
                // item-kNN scores only the candidates near the user's items, so no depth is needed.
                let scores = Self.candidateScores(model, users: users, depth: "")
                code.append("\(lists) = top_unseen_scored(\(scores), \(model.training), \(u), \(i), \(kmax))")
            default:
                throw SparkUnsupported("evaluate needs recommenders; \(name) is not one")
            }
            code.append("ranking_metrics(\(SparkPython.string(name)), \(lists), \(test), \(u), \(i), \(ks), \(SparkPython.strings(metrics)))")
            if !evaluatedModels.contains(name) { evaluatedModels.append(name) }
            switch model.kind {
            case .als: metricTolerances[name] = (0.02, "ALS: Spark's exact solver, regularisation scaling and random start (docs/spark.md)")
            case .itemknn: metricTolerances[name] = (0.02, "item-kNN: the same neighbourhoods on a different random split (docs/spark.md)")
            default: metricTolerances[name] = (0.02, "popularity: a different random split and tie-breaking (docs/spark.md)")
            }
        }
        var notes = ["metrics to the definitions of Spark's RankingMetrics (RankingEvaluator), every k in one pass: "
                     + "precision@k = hits/k, recall@k = hits/|relevant|, NDCG with binary gain and the ideal "
                     + "from all relevant items, MAP@k divides by min(|relevant|, k), as Strata; a user without a list scores 0"]
        if asked == nil { notes.append("Strata's default metrics also include mrr, hitrate and coverage; Spark computes precision, recall, ndcg and map") }
        return SparkBlock(code, notes: notes)
    }
}
