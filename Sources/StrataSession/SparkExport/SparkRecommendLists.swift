/// recommend all | user: each user's top N from a popularity or ALS model, seen items left out.
extension SparkTranslator {
    mutating func recommend(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let modelName = parsed.text("model") ?? ""
        guard let model = models[modelName], [.popular, .als, .itemknn].contains(model.kind) else {
            throw SparkUnsupported("it recommends with '\(modelName)', which is not an exported recommender")
        }
        let unsupported: [(Bool, String)] = [
            (parsed.isGiven(ItemTitles.option), "titles="), (parsed[ColdStartOption.option] != .none, "fallback="),
        ]
        if let (_, option) = unsupported.first(where: { $0.0 }) { throw SparkUnsupported("recommend with \(option) has no Spark mapping yet") }
        let all = parsed.spec.name == "recommend all"
        let count = all ? parsed[RecommendAllCommand.top] : parsed[RecommendUserCommand.top]
        let keepSeen = all ? parsed[RecommendAllCommand.seen] : parsed[RecommendUserCommand.seen]
        let u = SparkPython.string(model.user)
        let v = all ? SparkPython.variable(parsed.resultName ?? modelName + "_top") : SparkPython.variable(modelName) + "_user"
        var users = "\(model.training).select(\(u)).distinct()"
        if all, let tableName = parsed[RecommendAllCommand.users] {
            // Users of that table who are not in training are left out, as Strata does without a fallback.
            users = "\(try variable(of: tableName)).select(\(u)).distinct().join(\(users), \(u), \"left_semi\")"
        } else if !all {
            guard let user = parsed.text("user") else { throw SparkUnsupported("recommend user needs a user id") }
            let id = Int64(user).map(String.init) ?? SparkPython.string(user)
            users = "\(users).filter(F.col(\(u)) == \(id))"
        }
        helpers.formUnion([.topLists, .recommendations])
        let depth = keepSeen ? "\(count)" : "\(v)_depth"
        var code: [String] = []
        if !keepSeen {
            code.append("\(v)_depth = \(count) + \(model.training).groupBy(\(u)).count().agg(F.max(\"count\")).first()[0]")
        }
        code.append("\(v)_scores = " + Self.candidateScores(model, users: users, depth: depth))
        let train = keepSeen ? "None" : model.training
        code.append("\(v) = recommendation_table(\(v)_scores, \(train), \(u), \(SparkPython.string(model.item)), \(count))")
        var notes: [String]
        switch model.kind {
        case .popular: notes = ["popularity ties go to the lower item id; Strata breaks them its own way, so the last items of a list may differ"]
        case .itemknn: notes = ["the same neighbourhoods as Strata; near-ties may swap (float similarities in Strata)"]
        default: notes = ["Spark's ALS is not Strata's (solver, regularisation scaling, random start): the lists differ; compare the row count"]
        }
        if all {
            guard let name = parsed.resultName else { throw SparkUnsupported("recommend all needs a name") }
            var out = SparkOutputTable.data(name, keys: ["user", "rank"])
            if model.kind == .itemknn {
                // The same neighbourhoods: the same lists, scores to Strata's 32-bit similarities.
                out.tolerance = 1e-6
                out.note = "item-kNN lists are Strata's: items equal, scores 1e-6 relative (Strata sums 32-bit similarities); "
                    + "a near-tie within that can swap two items"
            } else {
                out.compare = .rowCount
                out.note = "lists from Spark's model: the same number of rows (users × top, fewer for users with too few candidates); items may differ"
            }
            produce(out)
        } else {
            code.append("\(v).show(\(count), truncate=False)")
            notes.append("shown only: Strata's reasons for each item are not computed")
        }
        return SparkBlock(code, notes: notes)
    }
}
