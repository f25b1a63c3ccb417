/// A log of bandit decisions: for each row the context cell it was made in, the action the logging
/// policy chose, the reward that followed, and the chance (propensity) the logging policy had of
/// choosing that action there. Rows keep the table's order, so errors name table rows.
public struct LoggedBandit: Sendable {
    public let actionNames: [String]
    /// Index into `actionNames` per row.
    public let actions: [Int]
    public let rewards: [Double]
    public let propensities: [Double]
    /// Index of the row's context cell (the joint values of the context columns); all 0 without context.
    public let contextOfRow: [Int]
    public let contextCount: Int

    public var count: Int { actions.count }
    public var actionCount: Int { actionNames.count }

    public init(actionNames: [String], actions: [Int], rewards: [Double], propensities: [Double],
                contextOfRow: [Int], contextCount: Int) throws {
        let n = actions.count
        guard rewards.count == n, propensities.count == n, contextOfRow.count == n else {
            throw EngineError("the log's columns have different lengths: \(n) actions, \(rewards.count) rewards, "
                              + "\(propensities.count) propensities, \(contextOfRow.count) contexts")
        }
        guard n >= 2 else { throw EngineError("an off-policy evaluation needs at least 2 logged rows, got \(n)") }
        guard !actionNames.isEmpty else { throw EngineError("the log names no actions") }
        if let row = actions.firstIndex(where: { $0 < 0 || $0 >= actionNames.count }) {
            throw EngineError("row \(row + 1) has no logged action")
        }
        if let row = contextOfRow.firstIndex(where: { $0 < 0 || $0 >= contextCount }) {
            throw EngineError("row \(row + 1) has no context cell")
        }
        for (row, p) in propensities.enumerated() {
            guard p.isFinite else {
                throw EngineError("row \(row + 1) has no propensity: importance weights divide by the chance the logging policy "
                                  + "had of choosing the logged action, so every row needs one",
                                  suggestion: "filter the rows without one out first, or fix the log")
            }
            guard p > 0 else {
                throw EngineError("row \(row + 1) has propensity \(DescribeFormat.number(p)): an action logged with chance 0 "
                                  + "could not have been chosen, and a weight 1/0 is undefined",
                                  suggestion: "check that propensity= names the logging policy's chance of the logged action")
            }
            guard p <= 1 else {
                throw EngineError("row \(row + 1) has propensity \(DescribeFormat.number(p)), above 1: a propensity is a probability",
                                  suggestion: "a percentage? divide it by 100 first (derive)")
            }
        }
        if let row = rewards.firstIndex(where: { !$0.isFinite }) {
            throw EngineError("row \(row + 1) has no reward (missing or not a finite number)")
        }
        self.actionNames = actionNames
        self.actions = actions
        self.rewards = rewards
        self.propensities = propensities
        self.contextOfRow = contextOfRow
        self.contextCount = contextCount
    }

    /// Whether the logging policy chose uniformly at random: every propensity is 1/K for the K actions.
    public var loggingIsUniform: Bool {
        let uniform = 1 / Double(actionCount)
        return propensities.allSatisfy { abs($0 - uniform) <= 1e-9 }
    }
}

/// The policy being evaluated: its chance of choosing each action in each logged row.
public struct TargetPolicy: Sendable {
    public let actionCount: Int
    /// Row-major, `actionCount` per row.
    public let probabilities: [Double]
    /// Per row, the one action chosen, when the policy is deterministic.
    public let choices: [Int]?

    public init(deterministic choices: [Int], actionCount: Int) throws {
        if let row = choices.firstIndex(where: { $0 < 0 || $0 >= actionCount }) {
            throw EngineError("the policy chooses no known action in row \(row + 1)")
        }
        var p = [Double](repeating: 0, count: choices.count * actionCount)
        for (row, a) in choices.enumerated() { p[row * actionCount + a] = 1 }
        self.actionCount = actionCount
        probabilities = p
        self.choices = choices
    }

    public func probability(row: Int, action: Int) -> Double { probabilities[row * actionCount + action] }
}
