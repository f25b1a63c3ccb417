/// Offline evaluation of a recommender on held-out interactions.
public enum RecommenderEvaluator {
    /// One result per cutoff in `options.cutoffs`, from a single top-N pass at the largest cutoff.
    /// Users are processed in fixed chunks on all cores; the output does not depend on the thread count.
    public static func evaluate(_ model: any Recommender, test: Interactions, options: EvaluationOptions,
                                context: RunContext) throws -> [RecommenderEvaluation] {
        let training = model.training
        guard training.count > 0 else {
            throw EngineError("the model '\(model.algorithmName)' has an empty training set")
        }
        guard let maxK = options.cutoffs.max(), let minK = options.cutoffs.min(), minK >= 1 else {
            throw EngineError("k must be at least 1")
        }
        let truth = TestTruth(test: test, training: training, threshold: options.relevanceThreshold,
                              coldUsers: options.coldUsers)
        guard truth.users.contains(where: { $0.trainingUser != nil }) else {
            throw EngineError(
                "no test user with a relevant item appears in the training data of '\(model.algorithmName)'",
                suggestion: truth.usersWithoutRelevant == truth.testUsers
                    ? "no test interaction reaches the relevance threshold; lower relevant=" : "split the same table the model was trained on")
        }
        let wanted = Set(options.metrics)
        var lists = try topLists(model, truth: truth, count: min(maxK, training.itemCount),
                                 excludeSeen: options.excludeSeen, context: context)
        if options.coldUsers == .serve, let cold = model.coldStart {
            let coldList = cold.recommendForUnknownUser(count: min(maxK, training.itemCount), exclude: []).map(\.item)
                .filter { $0 >= 0 && $0 < training.itemCount }
            for i in truth.users.indices where truth.users[i].trainingUser == nil { lists[i] = coldList }
        }
        let ratingErrors = wanted.contains(.rmse) || wanted.contains(.mae)
            ? try predictions(model, truth: truth, context: context) : nil
        let information = wanted.contains(.novelty) ? ListMetrics.selfInformation(training) : []
        return try options.cutoffs.map { k in
            try context.cancellation.check()
            return score(model: model, truth: truth, lists: lists, k: k, options: options, wanted: wanted,
                         information: information, ratingErrors: ratingErrors)
        }
    }

    /// Each evaluated user's list, in user order, through the model's batch path when it has one
    /// (the factor models score blocks of users at once).
    private static func topLists(_ model: any Recommender, truth: TestTruth, count: Int, excludeSeen: Bool,
                                 context: RunContext) throws -> [[Int]] {
        let itemCount = model.training.itemCount
        let known = truth.users.compactMap(\.trainingUser)
        var lists = try BatchRecommendation.recommend(model, users: known, count: count, excludeSeen: excludeSeen,
                                                      context: context).makeIterator()
        return truth.users.map { user in
            guard user.trainingUser != nil else { return [] }
            // Out-of-range items from a faulty model are dropped rather than trusted.
            return (lists.next() ?? []).map(\.item).filter { $0 >= 0 && $0 < itemCount }
        }
    }

    /// (predicted, actual) over test pairs the model can predict; nil when it is no rating predictor.
    private static func predictions(_ model: any Recommender, truth: TestTruth,
                                    context: RunContext) throws -> (predicted: [Double], actual: [Double], unpredicted: Int)? {
        let pairs = truth.ratingPairs
        guard !pairs.isEmpty, let predictor = model.ratingPredictor else { return nil }
        let split = FixedChunks(total: pairs.count, parts: FixedChunks.defaultParts)
        let chunks = try split.map(cancellation: context.cancellation) { range -> ([Double], [Double], Int) in
            var p: [Double] = [], a: [Double] = [], missing = 0
            for i in range {
                if let x = predictor.predictRating(user: pairs[i].user, item: pairs[i].item), x.isFinite {
                    p.append(x)
                    a.append(pairs[i].actual)
                } else {
                    missing += 1
                }
            }
            return (p, a, missing)
        }
        return (chunks.flatMap(\.0), chunks.flatMap(\.1), chunks.reduce(truth.ratingPairsUnknown) { $0 + $1.2 })
    }

    private static func score(model: any Recommender, truth: TestTruth, lists: [[Int]], k: Int,
                              options: EvaluationOptions, wanted: Set<EvaluationMetric>, information: [Double],
                              ratingErrors: (predicted: [Double], actual: [Double], unpredicted: Int)?) -> RecommenderEvaluation {
        let n = truth.users.count
        var columns: [EvaluationMetric: [Double]] = [:]
        for m in EvaluationMetric.allCases where m.isPerUser && wanted.contains(m) {
            columns[m] = [Double](repeating: 0, count: n)
        }
        var counts = EvaluationCounts()
        counts.testUsers = truth.testUsers
        counts.evaluatedUsers = n
        counts.usersAbsentFromTraining = truth.usersAbsentFromTraining
        counts.usersWithoutRelevant = truth.usersWithoutRelevant
        counts.relevantAbsentFromTraining = truth.relevantAbsentFromTraining
        counts.relevantAlreadyInTraining = truth.relevantAlreadyInTraining
        counts.catalogueSize = model.training.itemCount
        let cut = lists.map { Array($0.prefix(k)) }
        for i in 0..<n {
            let list = cut[i]
            if list.isEmpty { counts.emptyLists += 1 } else if list.count < k { counts.shortLists += 1 }
            let s = RankingMetrics.score(list: list, relevant: truth.users[i].relevant, k: k, definitions: options.definitions)
            columns[.precision]?[i] = s.precision
            columns[.recall]?[i] = s.recall
            columns[.ndcg]?[i] = s.ndcg
            columns[.map]?[i] = s.averagePrecision
            columns[.mrr]?[i] = s.reciprocalRank
            columns[.hitrate]?[i] = s.hit
            if wanted.contains(.novelty) {
                columns[.novelty]?[i] = ListMetrics.novelty(list, information: information) ?? .nan
            }
            if wanted.contains(.diversity) {
                let d = options.itemDissimilarity.flatMap { ListMetrics.intraListDiversity(list, dissimilarity: $0) }
                if d == nil { counts.usersWithoutDiversity += 1 }
                columns[.diversity]?[i] = d ?? .nan
            }
        }
        var values: [EvaluationMetric: Double?] = [:]
        for (m, column) in columns { values[m] = meanIgnoringNaN(column) }
        if wanted.contains(.coverage) {
            values[.coverage] = ListMetrics.catalogCoverage(cut, itemCount: model.training.itemCount)
        }
        if wanted.contains(.personalization) {
            let p = ListMetrics.personalization(cut, sampleLimit: options.personalizationSample, seed: options.seed)
            values[.personalization] = p?.value
            counts.personalizationUsers = p?.usersCompared ?? 0
            counts.personalizationSampled = p?.sampled ?? false
        }
        if let r = ratingErrors {
            if wanted.contains(.rmse) { values[.rmse] = RatingErrors.rmse(r.predicted, r.actual) }
            if wanted.contains(.mae) { values[.mae] = RatingErrors.mae(r.predicted, r.actual) }
            counts.ratingPairs = r.predicted.count
            counts.ratingPairsUnpredicted = r.unpredicted
        } else {
            if wanted.contains(.rmse) { values[.rmse] = .some(nil) }
            if wanted.contains(.mae) { values[.mae] = .some(nil) }
        }
        return RecommenderEvaluation(algorithmName: model.algorithmName, k: k, userIds: truth.users.map(\.testId),
                                perUser: columns, values: values, counts: counts)
    }

    static func meanIgnoringNaN(_ values: [Double]) -> Double? {
        var total = 0.0, n = 0
        for v in values where !v.isNaN { total += v; n += 1 }
        return n > 0 ? total / Double(n) : nil
    }
}
