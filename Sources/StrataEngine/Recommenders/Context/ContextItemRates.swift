/// How much more (or less) often each item is chosen in a context than overall, from the training
/// rows: the lift P(item | context) / P(item) that contextual post-filtering weighs lists by.
///
/// P(item) = n_item / N over all training rows. Within one context value c (a device, or an hour
/// band), P(item | c) = (n_item,c + α·P(item)) / (n_c + α): a Dirichlet prior of α pseudo-rows
/// spread as the overall rates, so an item with few rows in c stays near lift 1 rather than
/// swinging to 0 or to a large multiple. Device and hour band are estimated separately and their
/// lifts multiply (as if independent given the item), which keeps every estimate on a whole
/// dimension's rows instead of the few in one device × band cell.
public struct ContextItemRates: Sendable {
    public let vocabulary: ContextVocabulary
    /// The prior's weight α, in rows.
    public let smoothing: Double
    let itemRows: [Int]
    let totalRows: Int
    /// Per device, rows per item.
    let byDevice: [[Int]]
    /// Per hour band (all four), rows per item.
    let byBand: [[Int]]
    let deviceTotals: [Int]
    let bandTotals: [Int]

    public init(_ data: ContextualInteractions, smoothing: Double) {
        let items = data.interactions.itemCount
        var itemRows = [Int](repeating: 0, count: items)
        var byDevice = [[Int]](repeating: [Int](repeating: 0, count: items), count: data.vocabulary.devices.count)
        var byBand = [[Int]](repeating: [Int](repeating: 0, count: items), count: HourBand.allCases.count)
        for row in data.rows {
            let i = Int(row.item)
            itemRows[i] += 1
            if row.device >= 0 { byDevice[Int(row.device)][i] += 1 }
            if let band = row.band { byBand[band.rawValue][i] += 1 }
        }
        vocabulary = data.vocabulary
        self.smoothing = smoothing
        self.itemRows = itemRows
        totalRows = data.rows.count
        self.byDevice = byDevice
        self.byBand = byBand
        deviceTotals = byDevice.map { $0.reduce(0, +) }
        bandTotals = byBand.map { $0.reduce(0, +) }
    }

    /// The item's overall rate P(item).
    func overallRate(_ item: Int) -> Double {
        totalRows > 0 && item >= 0 && item < itemRows.count ? Double(itemRows[item]) / Double(totalRows) : 0
    }

    private func lift(_ counts: [Int], total: Int, item: Int) -> Double {
        let p = overallRate(item)
        guard p > 0 else { return 1 }
        let inContext = (Double(counts[item]) + smoothing * p) / (Double(total) + smoothing)
        return inContext / p
    }

    /// The device's lift for the item (1 for no device).
    public func deviceLift(item: Int, device: Int?) -> Double {
        guard let d = device, d >= 0, d < byDevice.count, item >= 0, item < itemRows.count else { return 1 }
        return lift(byDevice[d], total: deviceTotals[d], item: item)
    }

    /// The band's lift for the item (1 for no band).
    public func bandLift(item: Int, band: HourBand?) -> Double {
        guard let b = band, item >= 0, item < itemRows.count else { return 1 }
        return lift(byBand[b.rawValue], total: bandTotals[b.rawValue], item: item)
    }

    public func lift(item: Int, in context: ResolvedContext) -> Double {
        deviceLift(item: item, device: context.device) * bandLift(item: item, band: context.band)
    }

}
