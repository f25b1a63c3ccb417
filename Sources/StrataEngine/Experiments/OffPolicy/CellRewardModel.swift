/// The direct method's reward model: the mean logged reward of each (context cell, action) pair.
/// A pair the log never shows falls back to that action's mean over all cells, and an action never
/// logged at all to the mean of every reward; `fallbacks` counts the pairs that needed it.
struct CellRewardModel: Sendable {
    let actionCount: Int
    /// Row-major by cell: `actionCount` predictions per cell.
    let predictions: [Double]
    let fallbacks: Int

    /// Fitted on `rows` of `data` (repeated indices count repeatedly, as a bootstrap resample needs).
    init(_ data: LoggedBandit, rows: [Int]) {
        let k = data.actionCount
        var sums = [Double](repeating: 0, count: data.contextCount * k)
        var counts = [Int](repeating: 0, count: data.contextCount * k)
        var actionSums = [Double](repeating: 0, count: k)
        var actionCounts = [Int](repeating: 0, count: k)
        var total = 0.0
        for row in rows {
            let a = data.actions[row]
            let slot = data.contextOfRow[row] * k + a
            sums[slot] += data.rewards[row]
            counts[slot] += 1
            actionSums[a] += data.rewards[row]
            actionCounts[a] += 1
            total += data.rewards[row]
        }
        let overall = rows.isEmpty ? 0 : total / Double(rows.count)
        var fallbacks = 0
        predictions = sums.indices.map { slot in
            if counts[slot] > 0 { return sums[slot] / Double(counts[slot]) }
            fallbacks += 1
            let a = slot % k
            return actionCounts[a] > 0 ? actionSums[a] / Double(actionCounts[a]) : overall
        }
        actionCount = k
        self.fallbacks = fallbacks
    }

    func predict(cell: Int, action: Int) -> Double { predictions[cell * actionCount + action] }
}
