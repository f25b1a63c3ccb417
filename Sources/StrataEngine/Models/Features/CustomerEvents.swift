/// The usable rows of a transaction or event table, reduced to what per-customer models need: a
/// dense customer id, the calendar day, and the amount when one is asked for.
///
/// A row is left out (and counted) when it has no customer, no date, or, with an amount column,
/// no finite amount. Timestamps are cut to their day, so "before the cut-off" compares days.
public struct CustomerEvents: Sendable {
    /// The customer column, one row per customer id (first appearance order), as given.
    public let customers: Column
    /// Per usable row: customer id (index into `customers`), day, amount (0 without an amount column) and source row.
    public let customer: [Int]
    public let day: [Int64]
    public let amount: [Double]
    public let row: [Int]
    public let hasAmount: Bool
    public let rowsWithoutCustomer: Int
    public let rowsMissingDateOrAmount: Int
    public let firstDay: Int64
    public let lastDay: Int64

    public var customerCount: Int { customers.count }
    public var count: Int { day.count }

    public static func extract(_ table: Table, customer customerName: String, time timeName: String, amount amountName: String?,
                               context: RunContext) throws -> CustomerEvents {
        let customerColumn = try table.requireColumn(customerName)
        let timeColumn = try table.requireColumn(timeName)
        let days: [Int64]
        switch timeColumn.data {
        case .date(let d): days = d
        case .timestamp(let s): days = s.map { CivilCalendar.floorDiv($0, 86_400) }
        default:
            throw EngineError("column '\(timeName)' is \(timeColumn.type.rawValue), not a date or timestamp",
                              suggestion: "give time= a date or timestamp column (convert text with derive … = date(…))")
        }
        var amounts: [Double]?
        if let amountName {
            guard let a = try table.requireColumn(amountName).doubles() else {
                throw EngineError("column '\(amountName)' is text, not an amount", suggestion: "give amount= a numeric column")
            }
            amounts = a
        }
        let keys = try DenseKeyEncoder.encode(customerColumn, missing: .excluded, context: context)
        var ids: [Int] = [], outDays: [Int64] = [], outAmounts: [Double] = [], rows: [Int] = []
        var withoutCustomer = 0, missingDateOrAmount = 0
        var first = Int64.max, last = Int64.min
        for i in 0..<table.rowCount {
            if keys.ids[i] < 0 { withoutCustomer += 1; continue }
            let amount = amounts?[i] ?? 0
            if timeColumn.isMissing(i) || !amount.isFinite { missingDateOrAmount += 1; continue }
            ids.append(Int(keys.ids[i]))
            outDays.append(days[i])
            outAmounts.append(amount)
            rows.append(i)
            first = min(first, days[i])
            last = max(last, days[i])
        }
        try context.cancellation.check()
        guard !ids.isEmpty else {
            throw EngineError("no usable events: every row lacks a customer, a date\(amountName == nil ? "" : " or an amount")",
                              suggestion: "check the customer=, time= and amount= columns")
        }
        return CustomerEvents(customers: customerColumn.taking(keys.firstRow), customer: ids, day: outDays, amount: outAmounts, row: rows,
                              hasAmount: amountName != nil, rowsWithoutCustomer: withoutCustomer,
                              rowsMissingDateOrAmount: missingDateOrAmount, firstDay: first, lastDay: last)
    }
}

extension CustomerEvents {
    /// The events with a positive amount (purchases), and how many returns or zero amounts were left out.
    public func purchasesOnly() -> (events: CustomerEvents, leftOut: Int) {
        let keep = (0..<count).filter { amount[$0] > 0 }
        guard keep.count < count else { return (self, 0) }
        let days = keep.map { day[$0] }
        let kept = CustomerEvents(customers: customers, customer: keep.map { customer[$0] }, day: days, amount: keep.map { amount[$0] },
                                  row: keep.map { row[$0] }, hasAmount: hasAmount, rowsWithoutCustomer: rowsWithoutCustomer,
                                  rowsMissingDateOrAmount: rowsMissingDateOrAmount,
                                  firstDay: days.min() ?? firstDay, lastDay: days.max() ?? lastDay)
        return (kept, count - keep.count)
    }
}
