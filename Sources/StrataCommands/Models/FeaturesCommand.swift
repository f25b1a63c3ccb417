import StrataEngine

/// `features`: one row per customer with features as of a cut-off day (events strictly before it)
/// and, when asked, a churn or spend label from the window after it.
package enum FeaturesCommand {
    static let customer = CommandOption.column("customer", "the customer id column (rows without one are left out and counted)")
    static let time = CommandOption.column("time", "the date or timestamp column (cut to days)")
    static let amount = CommandOption.column("amount", describedAs: "none (every row is a purchase; no spend features)",
                                             "the money column; rows with amount ≤ 0 (returns) are left out and counted")
    static let cutoff = CommandOption.date("cutoff", "features use only events before this day; the label window starts on it")
    static let windows = CommandOption.list("windows", describedAs: "30,90,180", "trailing windows in days for orders_W, spend_W and trend_W")
    static let churn = CommandOption.int("churn", in: 1...3650, describedAs: "none",
                                         "label churned = 1 when the customer buys nothing in [cutoff, cutoff + N days)")
    static let spend = CommandOption.int("spend", in: 1...3650, describedAs: "none", "label spend_next_N = spend in [cutoff, cutoff + N days)")
    static let counts = CommandOption.columns("counts", describedAs: "none",
                                              "category columns counted per value: orders_COL_VALUE = purchase days with that value")

    package static let spec = CommandSpec(
        "features", group: .models, summary: "Per-customer features as of a cut-off date, with a churn or spend label from the window after it.",
        arguments: [.table("transactions", help: "one row per purchase line, invoice or event")],
        options: [customer, time, amount, cutoff, windows, churn, spend, counts],
        binding: .named { p in "\(p.subject ?? "table")_features" },
        details: "Point-in-time rule: every feature uses only events strictly before the cut-off day; the label uses only events in "
            + "[cutoff, cutoff + N days), so no feature sees the future. An order is a purchase day (a customer's rows on one day count once). "
            + "recency_days = cutoff − last purchase day, frequency = purchase days, monetary = total spend, avg_order = monetary / frequency, "
            + "tenure_days = cutoff − first purchase day; per window W: orders_W and spend_W over [cutoff − W, cutoff), trend_W = spend_W / "
            + "spend in the W days before that (orders without amount=), missing when that is 0. Customers: those with a purchase before the "
            + "cut-off. A label window that runs past the data's last day is refused, with the latest valid cut-off. The customer column "
            + "keeps its name; model leaves ids (id, *_id) out of the default features, otherwise name them with features=. docs/models.md.",
        examples: ["features tx customer=customer_id time=invoice_date amount=amount cutoff=2025-09-01 churn=90 counts=channel as churn_sep",
                   "features tx customer=customer_id time=invoice_date amount=amount cutoff=2025-06-01 windows=30,60 spend=90 as spend_june"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        for option in [customer, time] where !parsed.isGiven(option) {
            throw parsed.error("features needs \(option.key)=COLUMN",
                               suggestion: "e.g. features tx customer=customer_id time=invoice_date amount=amount cutoff=2025-09-01 churn=90")
        }
        guard let cut = parsed[cutoff]?.days else {
            throw parsed.error("features needs cutoff=DATE (features use events before it)", suggestion: "e.g. cutoff=2025-09-01")
        }
        if parsed.isGiven(churn) && parsed.isGiven(spend) {
            throw parsed.error("give churn= or spend=, not both", at: parsed.span(spend), suggestion: "build the two tables with two commands")
        }
        var options = PointInTimeOptions(cutOff: cut)
        if let given = parsed[windows] {
            let days = given.map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !days.isEmpty, days.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 3650 }) else {
                throw parsed.error("windows= takes whole numbers of days from 1 to 3650", at: parsed.span(windows), suggestion: "e.g. windows=30,90,180")
            }
            options.windows = days.compactMap { $0 }
        }
        if let n = parsed[churn] { options.label = .churn(days: n) }
        if let n = parsed[spend] {
            guard parsed.isGiven(amount) else {
                throw parsed.error("spend= needs amount=COLUMN (the spend to sum)", at: parsed.span(spend), suggestion: "e.g. amount=amount spend=\(n)")
            }
            options.label = .spend(days: n)
        }
        for name in parsed[counts] ?? [] {
            let column = try table.requireColumn(name)
            options.counts.append(.init(name: name, valueOfRow: (0..<table.rowCount).map { i in
                column.isMissing(i) ? nil : ModelInput.text(column.value(at: i))
            }))
        }
        let extracted = try CustomerEvents.extract(table, customer: parsed[customer] ?? "", time: parsed[time] ?? "",
                                                   amount: parsed[amount], context: ctx.run)
        // Without amount= every row is a purchase; with it, returns (amount ≤ 0) are left out.
        let (events, returns) = parsed.isGiven(amount) ? extracted.purchasesOnly() : (extracted, 0)
        guard events.count > 0 else {
            throw parsed.error("no row has a positive amount in '\(parsed[amount] ?? "")'", suggestion: "check the sign of the amounts")
        }
        let result = try PointInTimeFeatures.build(events, options: options, context: ctx.run)
        let name = try ctx.bindResult(result.table, for: parsed)
        return report(result, name: name, options: options, leftOut: [(extracted.rowsWithoutCustomer, "without a customer"),
                                                                      (extracted.rowsMissingDateOrAmount, "without a date or amount"),
                                                                      (returns, "with amount ≤ 0 (returns)")])
    }

    static func report(_ r: PointInTimeResult, name: String, options o: PointInTimeOptions, leftOut: [(Int, String)]) -> CommandOutput {
        let date = { (d: Int64) in CivilCalendar.formatDate(days: d) }
        var out = CommandOutput.note("\(name): \(Format.count(r.customers)) customers with a purchase before the cut-off \(date(r.cutOff)) "
                                     + "(data \(date(r.firstDay)) to \(date(r.lastDay)))")
        let windows = Array(Set(o.windows)).sorted()
        out.append(.note("feature windows: all history to \(date(r.cutOff - 1)); "
                         + windows.map { "\($0) days = \(date(r.cutOff - Int64($0))) to \(date(r.cutOff - 1))" }.joined(separator: ", ")))
        if let label = o.label {
            let window = "\(date(r.cutOff)) to \(date(r.cutOff + Int64(label.days) - 1))"
            switch label {
            case .churn(let days):
                let churned = r.positives ?? 0
                out.append(.note("label window: \(window) (\(days) days); churned = no purchase there: \(Format.count(churned)) of "
                                 + "\(Format.count(r.customers)) customers (\(Format.percent(churned, of: r.customers)) churned)"))
            case .spend(let days):
                out.append(.note("label window: \(window) (\(days) days); spend_next_\(days) = spend there (0 for customers who buy nothing)"))
            }
        } else {
            out.append(.note("no label (churn= or spend=): a table to score with predict"))
        }
        out.append(.note("point-in-time rule: features use only events before \(date(r.cutOff)); "
                         + "\(Format.count(r.eventsFromCutOff)) events on or after it are used by no feature"))
        let left = leftOut.filter { $0.0 > 0 }
        if !left.isEmpty { out.append(.note("rows left out: " + left.map { "\(Format.count($0.0)) \($0.1)" }.joined(separator: ", "))) }
        return out
    }
}
