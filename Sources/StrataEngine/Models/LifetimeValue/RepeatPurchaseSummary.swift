/// Per customer, the frequency / recency / T / monetary summary the BG/NBD and Gamma–Gamma models
/// are fitted on, computed as `lifetimes.utils.summary_data_from_transaction_data(freq="D")` does:
///
/// - events are grouped by day, and a day's amounts are added together (one purchase per day);
/// - only days on or before `end` count;
/// - frequency = purchase days − 1 (repeat purchases), recency = last day − first day,
///   T = end − first day, all in days;
/// - monetary = the mean of the repeat days' amounts (the first day is left out), 0 without a repeat.
public struct RepeatPurchaseSummary: Sendable {
    /// Index into the events' customer column, per summary row.
    public let customerIndex: [Int]
    public let frequency: [Double]
    public let recency: [Double]
    public let T: [Double]
    public let monetary: [Double]
    public let end: Int64

    public var count: Int { frequency.count }

    /// `end` is inclusive; customers whose first purchase is after it are not in the summary.
    public static func compute(_ events: CustomerEvents, end: Int64) -> RepeatPurchaseSummary {
        let days = dailyTotals(events, from: Int64.min, through: end)
        var index: [Int] = [], frequency: [Double] = [], recency: [Double] = [], age: [Double] = [], monetary: [Double] = []
        for c in 0..<events.customerCount {
            guard let list = days[c], let first = list.first else { continue }
            let repeats = list.dropFirst()
            index.append(c)
            frequency.append(Double(repeats.count))
            recency.append(Double((list.last?.day ?? first.day) - first.day))
            age.append(Double(end - first.day))
            var spent = CompensatedSum()
            for d in repeats { spent.add(d.amount) }
            monetary.append(repeats.isEmpty ? 0 : spent.value / Double(repeats.count))
        }
        return RepeatPurchaseSummary(customerIndex: index, frequency: frequency, recency: recency, T: age, monetary: monetary, end: end)
    }

    /// Per customer, purchase days in `from...through` in date order with their summed amounts; nil without one.
    static func dailyTotals(_ events: CustomerEvents, from: Int64, through: Int64) -> [[(day: Int64, amount: Double)]?] {
        let order = (0..<events.count).filter { events.day[$0] >= from && events.day[$0] <= through }
            .sorted { (events.customer[$0], events.day[$0], $0) < (events.customer[$1], events.day[$1], $1) }
        var out = [[(day: Int64, amount: Double)]?](repeating: nil, count: events.customerCount)
        var i = 0
        while i < order.count {
            let c = events.customer[order[i]]
            var list: [(day: Int64, amount: Double)] = []
            while i < order.count, events.customer[order[i]] == c {
                let d = events.day[order[i]]
                var total = CompensatedSum()
                while i < order.count, events.customer[order[i]] == c, events.day[order[i]] == d {
                    total.add(events.amount[order[i]])
                    i += 1
                }
                list.append((day: d, amount: total.value))
            }
            out[c] = list
        }
        return out
    }
}
