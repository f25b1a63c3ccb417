import StrataEngine

/// The environment `bandit simulate` plays against, from whichever of arms=, rates= or
/// recommenders= was given, with a line saying what it is.
package struct BanditEnvironmentInput {
    package let environment: BanditEnvironment
    package let description: String
    package var notes: [String] = []

    package init(_ parsed: ParsedCommand, _ ctx: CommandContext) throws {
        let given = [parsed.isGiven(BanditOptions.arms), parsed.isGiven(BanditOptions.rates), parsed.isGiven(BanditOptions.recommenders)]
        guard given.filter({ $0 }).count == 1 else {
            throw parsed.error("give exactly one of arms=, rates= or recommenders=: what the policies choose between",
                               suggestion: "e.g. bandit simulate arms=0.04,0.05,0.06 rounds=5000 runs=50")
        }
        if let rates = parsed[BanditOptions.arms] {
            self = try Self.fixedRates(rates, parsed)
        } else if let table = parsed[BanditOptions.rates] {
            self = try Self.contextRates(table, parsed, ctx)
        } else {
            self = try Self.recommenderArms(parsed[BanditOptions.recommenders] ?? [], parsed, ctx)
        }
    }

    private init(_ environment: BanditEnvironment, _ description: String, notes: [String] = []) {
        self.environment = environment
        self.description = description
        self.notes = notes
    }

    /// Engine errors about the environment, with the caret on the option that caused them.
    private static func located<T>(_ span: SourceSpan, _ parsed: ParsedCommand, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as EngineError {
            throw parsed.error(error.message, at: span, suggestion: error.suggestion)
        }
    }

    private static func fixedRates(_ texts: [String], _ parsed: ParsedCommand) throws -> BanditEnvironmentInput {
        let span = parsed.span(BanditOptions.arms)
        if parsed.isGiven(BanditOptions.context) {
            throw parsed.error("context= applies to rates= and recommenders=; arms= has one context", at: parsed.span(BanditOptions.context))
        }
        let rates = try texts.map { text in
            guard let rate = Double(text), rate.isFinite else {
                throw parsed.error("arm rate '\(text)' is not a number", at: span, suggestion: "rates are probabilities, e.g. arms=0.04,0.05")
            }
            return rate
        }
        let env = try located(span, parsed) { try BanditEnvironment.bernoulli(rates) }
        return BanditEnvironmentInput(env, "\(rates.count) Bernoulli arms with rates " + rates.map(DescribeFormat.number).joined(separator: ", "))
    }

    private static func contextRates(_ name: String, _ parsed: ParsedCommand, _ ctx: CommandContext) throws -> BanditEnvironmentInput {
        let span = parsed.span(BanditOptions.rates)
        guard let table = ctx.workspace.table(name) else {
            throw parsed.error("no table '\(name)'", at: span, suggestion: Suggestions.didYouMean(name, among: ctx.workspace.tableNames)
                                ?? "rates= names a table with one row per context and one rate column per arm")
        }
        guard let contextName = parsed[BanditOptions.context] else {
            throw parsed.error("rates= needs context=COLUMN: the column naming each row's context", at: span,
                               suggestion: "columns: " + table.columnNames.joined(separator: ", "))
        }
        guard let contextColumn = table.column(contextName) else {
            throw parsed.error("no column '\(contextName)' in table \(name)", at: parsed.span(BanditOptions.context),
                               suggestion: Suggestions.didYouMeanColumn(contextName, among: table.columnNames)
                                ?? "columns: " + table.columnNames.joined(separator: ", "))
        }
        let armColumns = table.columnNames.filter { $0 != contextName && (table.column($0)?.type.isNumeric ?? false) }
        var contexts: [String] = []
        var rates: [[Double]] = []
        for row in 0..<table.rowCount {
            let label = BanditContextLabel.text(contextColumn, row: row)
            guard !label.isEmpty else { throw parsed.error("row \(row + 1) of \(name) has no \(contextName)", at: span) }
            guard !contexts.contains(label) else {
                throw parsed.error("context '\(label)' appears twice in \(name)", at: span, suggestion: "give one row per context")
            }
            contexts.append(label)
            rates.append(try armColumns.map { column in
                guard let value = table.column(column)?.value(at: row).doubleValue, value.isFinite else {
                    throw parsed.error("\(name): the rate of \(column) for \(contextName) = \(label) is missing", at: span)
                }
                return value
            })
        }
        guard !contexts.isEmpty else { throw parsed.error("table \(name) has no rows", at: span) }
        let env = try located(span, parsed) { try BanditEnvironment(rates: rates, armNames: armColumns, contextNames: contexts) }
        return BanditEnvironmentInput(env, "\(armColumns.count) arms (\(armColumns.joined(separator: ", "))) with rates per \(contextName) from \(name), "
                                           + "\(contexts.count) contexts equally likely")
    }

    private static func recommenderArms(_ names: [String], _ parsed: ParsedCommand, _ ctx: CommandContext) throws -> BanditEnvironmentInput {
        let span = parsed.span(BanditOptions.recommenders)
        let models = try names.map { name -> RecommenderObject in
            guard case .object(let object)? = ctx.workspace[name], let model = object as? RecommenderObject else {
                let known = RecommenderLookup.recommenderNames(ctx)
                throw parsed.error("'\(name)' is not a recommender", at: span,
                                   suggestion: Suggestions.didYouMean(name, among: known)
                                    ?? (known.isEmpty ? "build some first, e.g. recommender popular parts.train as pop" : "recommenders: " + known.joined(separator: ", ")))
            }
            return model
        }
        guard models.count >= 2 else {
            throw parsed.error("a bandit needs at least two arms to choose between, got \(models.count) recommender", at: span,
                               suggestion: "name two or more, e.g. recommenders=pop,iknn")
        }
        guard let splitName = parsed[BanditOptions.split] else {
            throw parsed.error("recommenders= needs split=SPLIT: the split whose test table holds the held-out items", at: span)
        }
        let test = try testTable(splitName, parsed, ctx)
        guard let userColumn = InteractionOptions.userNames.first(where: { test.table.column($0) != nil }),
              let itemColumn = InteractionOptions.itemNames.first(where: { test.table.column($0) != nil }),
              let users = test.table.column(userColumn), let items = test.table.column(itemColumn) else {
            throw parsed.error("\(test.name) needs a user and an item column (user_id and item_id)", at: parsed.span(BanditOptions.split))
        }
        let arms = try located(span, parsed) {
            try RecommenderArms(models: models.map(\.model), users: users, items: items, k: parsed[BanditOptions.k], context: ctx.run)
        }
        var contextNames = ["all"]
        var userContext = Array(repeating: 0, count: arms.users.count)
        var contextLine = ""
        if let column = parsed[BanditOptions.context] {
            guard test.table.column(column) != nil else {
                throw parsed.error("no column '\(column)' in \(test.name)", at: parsed.span(BanditOptions.context),
                                   suggestion: Suggestions.didYouMeanColumn(column, among: test.table.columnNames)
                                    ?? "join the user column onto the ratings before split, e.g. rename segments columns=customer_id:user_id, then join ratings with it on=user_id")
            }
            let values = try SegmentLookup.firstValues(test.table, userColumn: userColumn, valueColumn: column, context: ctx.run).values
            contextNames = Set(arms.users.map { values[$0] ?? "missing" }).sorted()
            let position = Dictionary(uniqueKeysWithValues: contextNames.enumerated().map { ($1, $0) })
            userContext = arms.users.map { position[values[$0] ?? "missing"] ?? 0 }
            contextLine = "; context: \(column) (\(contextNames.count) values, each user's first)"
        }
        let env = try located(span, parsed) {
            try BanditEnvironment(userRewards: arms.hits, userContext: userContext, armNames: names, contextNames: contextNames)
        }
        var notes: [String] = []
        if arms.usersUnknownToSomeModel > 0 {
            notes.append("\(Format.count(arms.usersUnknownToSomeModel)) test users left out: absent from some recommender's training data")
        }
        return BanditEnvironmentInput(env, "\(names.count) recommenders (\(names.joined(separator: ", "))); a round draws one of "
                                           + "\(Format.count(arms.users.count)) users of \(test.name) and pays 1 when the top-\(parsed[BanditOptions.k]) "
                                           + "list hits a held-out item\(contextLine)", notes: notes)
    }

    /// The split's test table (or a table named directly).
    private static func testTable(_ name: String, _ parsed: ParsedCommand, _ ctx: CommandContext) throws -> (name: String, table: Table) {
        let span = parsed.span(BanditOptions.split)
        if case .object(let object)? = ctx.workspace[name], let split = object as? SplitObject, let table = ctx.workspace.table(split.testName) {
            return (split.testName, table)
        }
        if let table = ctx.workspace.table(name) { return (name, table) }
        throw parsed.error("no split '\(name)'", at: span,
                           suggestion: Suggestions.didYouMean(name, among: ctx.workspace.names) ?? "make one, e.g. split ratings by=user test=0.2 seed=7 as parts")
    }
}
