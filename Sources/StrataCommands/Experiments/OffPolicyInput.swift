/// The logged bandit data and the evaluated policy of an `offpolicy` command, read from the table.
struct OffPolicyInput {
    let data: LoggedBandit
    let policy: TargetPolicy
    let policyText: String

    init(_ parsed: ParsedCommand, _ table: Table, _ ctx: CommandContext) throws {
        typealias O = OffPolicyCommand
        func column(_ option: CommandOption<String?>, _ what: String) throws -> Column {
            guard let name = parsed[option] else {
                throw parsed.error("offpolicy needs \(option.key)=COLUMN: \(what)", at: parsed.span(option))
            }
            guard let c = table.column(name) else { throw parsed.error("no column '\(name)'", at: parsed.span(option)) }
            return c
        }
        func numbers(_ option: CommandOption<String?>, _ what: String) throws -> [Double] {
            let c = try column(option, what)
            guard let values = c.doubles() else {
                throw parsed.error("'\(c.name)' is a text column; \(option.key)= needs numbers", at: parsed.span(option))
            }
            return values
        }
        let actionColumn = try column(O.action, "the action the logging policy took in each row")
        let rewards = try numbers(O.reward, "the reward that followed")
        let propensities = try numbers(O.propensity, "the logging policy's chance of the logged action")
        var labels: [String] = []
        for row in 0..<table.rowCount {
            guard !actionColumn.isMissing(row) else {
                throw parsed.error("row \(row + 1) has no action in '\(actionColumn.name)'", at: parsed.span(O.action))
            }
            labels.append(DescribeFormat.plain(actionColumn.value(at: row)))
        }
        let names = Set(labels).sorted()
        guard names.count <= 100 else {
            throw parsed.error("'\(actionColumn.name)' has \(names.count) different actions; at most 100 are evaluated",
                               at: parsed.span(O.action), suggestion: "is action= the right column?")
        }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var cells = [Int](repeating: 0, count: table.rowCount)
        var cellCount = 1
        if let contextNames = parsed[O.context], !contextNames.isEmpty {
            let groups = try OnlineGroups(table, columns: contextNames, parsed: parsed, option: O.context)
            cells = groups.groupOfRow
            cellCount = groups.labels.count
        }
        do {
            data = try LoggedBandit(actionNames: names, actions: labels.map { index[$0] ?? -1 }, rewards: rewards,
                                    propensities: propensities, contextOfRow: cells, contextCount: cellCount)
        } catch let error as EngineError {
            throw parsed.error(error.message, suggestion: error.suggestion)
        }
        guard let text = parsed[O.policy], !text.isEmpty else {
            throw parsed.error("offpolicy needs policy=NAME or policy=\"EXPRESSION\": the policy to evaluate; the actions are "
                               + names.joined(separator: ", "), at: parsed.span(O.policy))
        }
        policyText = text
        let choices = try Self.choices(text, names: names, index: index, table: table, parsed: parsed, ctx: ctx)
        policy = try TargetPolicy(deterministic: choices, actionCount: names.count)
    }

    /// The action the policy takes in each row: a constant action, or the expression's value.
    private static func choices(_ text: String, names: [String], index: [String: Int], table: Table,
                                parsed: ParsedCommand, ctx: CommandContext) throws -> [Int] {
        let span = parsed.span(OffPolicyCommand.policy)
        let list = names.joined(separator: ", ")
        if let a = index[text] { return [Int](repeating: a, count: table.rowCount) }
        let isWord = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        if isWord && table.column(text) == nil {
            throw parsed.error("'\(text)' is not an action in the log; the actions are \(list)", at: span,
                               suggestion: "name one of them, or give an expression such as \"if(device == 'mobile', '\(names[0])', '\(names.last ?? names[0])')\"")
        }
        let expr = try ExpressionParser.parse(text)
        let column = try ExpressionEvaluator(table: table, tableName: parsed.subject ?? "", context: ctx.run).evaluate(expr).column
        return try (0..<table.rowCount).map { row in
            guard !column.isMissing(row) else {
                throw parsed.error("the policy chooses nothing (a missing value) in row \(row + 1); the actions are \(list)", at: span)
            }
            let chosen = DescribeFormat.plain(column.value(at: row))
            guard let a = index[chosen] else {
                throw parsed.error("the policy chooses '\(chosen)' in row \(row + 1), which is not an action in the log; the actions are \(list)",
                                   at: span)
            }
            return a
        }
    }
}
