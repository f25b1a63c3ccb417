/// How much more (or less) often each item is chosen in a context than overall, from the training
/// rows: the lift P(item | context) / P(item) that contextual post-filtering weighs lists by.
///
/// By Bayes' rule the lift equals P(c | item) / P(c), which is what is estimated: P(c) = n_c / N
/// over the training rows with a value for that dimension, and P(c | item) = (n_item,c + α·P(c)) /
/// (n_item + α), the item's own share of rows in c shrunk towards the overall share by α
/// pseudo-rows. An item with few rows so stays near lift 1 instead of swinging to 0 or to 1/P(c)
/// on a handful of rows. Device and hour band are estimated separately and their lifts multiply
/// (as if independent given the item), which keeps every estimate on a whole dimension's rows
/// instead of the few in one device × band cell.
public struct ContextItemRates: Sendable {
    public let vocabulary: ContextVocabulary
    /// The prior's weight α, in rows.
    public let smoothing: Double
    /// Per item, its rows with a device, and with an hour.
    let itemDeviceRows: [Int]
    let itemBandRows: [Int]
    /// Per device, rows per item.
    let byDevice: [[Int]]
    /// Per hour band (all four), rows per item.
    let byBand: [[Int]]
    let deviceTotals: [Int]
    let bandTotals: [Int]

    public init(_ data: ContextualInteractions, smoothing: Double) {
        let items = data.interactions.itemCount
        var itemDeviceRows = [Int](repeating: 0, count: items), itemBandRows = [Int](repeating: 0, count: items)
        var byDevice = [[Int]](repeating: [Int](repeating: 0, count: items), count: data.vocabulary.devices.count)
        var byBand = [[Int]](repeating: [Int](repeating: 0, count: items), count: HourBand.allCases.count)
        for row in data.rows {
            let i = Int(row.item)
            if row.device >= 0 { byDevice[Int(row.device)][i] += 1; itemDeviceRows[i] += 1 }
            if let band = row.band { byBand[band.rawValue][i] += 1; itemBandRows[i] += 1 }
        }
        vocabulary = data.vocabulary
        self.smoothing = smoothing
        self.itemDeviceRows = itemDeviceRows
        self.itemBandRows = itemBandRows
        self.byDevice = byDevice
        self.byBand = byBand
        deviceTotals = byDevice.map { $0.reduce(0, +) }
        bandTotals = byBand.map { $0.reduce(0, +) }
    }

    /// P(c | item) / P(c) for the counts of one dimension; 1 when nothing is known (no row, no smoothing).
    private func lift(_ counts: [Int], _ itemTotals: [Int], share: Double, item: Int) -> Double {
        let rows = Double(itemTotals[item]) + smoothing
        guard share > 0, rows > 0 else { return 1 }
        let inItem = (Double(counts[item]) + smoothing * share) / rows
        return inItem / share
    }

    /// The device's lift for the item (1 for no device).
    public func deviceLift(item: Int, device: Int?) -> Double {
        guard let d = device, d >= 0, d < byDevice.count, item >= 0, item < itemDeviceRows.count else { return 1 }
        return lift(byDevice[d], itemDeviceRows, share: share(deviceTotals, d), item: item)
    }

    /// The band's lift for the item (1 for no band).
    public func bandLift(item: Int, band: HourBand?) -> Double {
        guard let b = band, item >= 0, item < itemBandRows.count else { return 1 }
        return lift(byBand[b.rawValue], itemBandRows, share: share(bandTotals, b.rawValue), item: item)
    }

    private func share(_ totals: [Int], _ c: Int) -> Double {
        let all = totals.reduce(0, +)
        return all > 0 ? Double(totals[c]) / Double(all) : 0
    }

    public func lift(item: Int, in context: ResolvedContext) -> Double {
        deviceLift(item: item, device: context.device) * bandLift(item: item, band: context.band)
    }

}
