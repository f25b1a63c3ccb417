/// `clv`: BG/NBD repeat purchases and Gamma–Gamma spend fitted on a transaction log, with
/// expected purchases, P(alive) and discounted lifetime value per customer.
package enum CLVCommand {
    static let customer = CommandOption.column("customer", "the customer id column (rows without one are left out and counted)")
    static let time = CommandOption.column("time", "the date or timestamp column (cut to days)")
    static let amount = CommandOption.column("amount", "the money column; rows with amount ≤ 0 (returns) are left out and counted")
    static let end = CommandOption.date("end", describedAs: "the last day in the data", "last day of the observation period (inclusive)")
    static let holdout = CommandOption.int("holdout", in: 1...3650, describedAs: "none",
                                           "refit on all but the last N days and compare expected with actual repeat purchases there")
    static let horizon = CommandOption.int("horizon", in: 1...120, default: 12, "months (of 30 days) the expected purchases and CLV cover")
    static let discount = CommandOption.number("discount", in: 0...1, default: 0.01, "monthly discount rate of the CLV")

    package static let spec = CommandSpec(
        "clv", group: .models, summary: "Customer lifetime value: BG/NBD purchases and Gamma–Gamma spend fitted on a transaction log.",
        arguments: [.table("transactions", help: "one row per purchase line or invoice")],
        options: [customer, time, amount, end, holdout, horizon, discount, SegmentationCharts.option],
        binding: .named { p in "\(p.subject ?? "table")_clv" },
        details: "The summary follows lifetimes (summary_data_from_transaction_data, freq=D): a customer's purchases on one day "
            + "are one purchase; frequency = purchase days − 1, recency = last − first purchase day, T = end − first purchase day, "
            + "monetary = mean spend of the repeat days. BG/NBD (r, alpha, a, b) and Gamma–Gamma (p, q, v) are fitted by maximum "
            + "likelihood; Gamma–Gamma only on customers with a repeat purchase. expected_purchases covers horizon months of 30 days, "
            + "expected_spend is the expected spend per purchase, clv discounts month i by (1+discount)^i. With holdout=N the purchase "
            + "model is refitted on the period before the last N days and a table and chart show expected against actual repeat "
            + "purchases by calibration frequency. The bound table has plain numeric columns, so it can be fed to a model. docs/models.md.",
        examples: ["clv tx customer=customer_id time=invoice_date amount=amount as lifetime",
                   "clv tx customer=customer_id time=invoice_date amount=amount holdout=90 horizon=6 discount=0.02 as lifetime_check"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        for option in [customer, time, amount] where !parsed.isGiven(option) {
            throw parsed.error("clv needs \(option.key)=COLUMN", suggestion: "e.g. clv tx customer=customer_id time=invoice_date amount=amount")
        }
        let extracted = try CustomerEvents.extract(table, customer: parsed[customer] ?? "", time: parsed[time] ?? "",
                                                   amount: parsed[amount], context: ctx.run)
        let (events, returns) = extracted.purchasesOnly()
        guard events.count > 0 else {
            throw parsed.error("no row has a positive amount in '\(parsed[amount] ?? "")'", suggestion: "check the sign of the amounts")
        }
        var options = LifetimeValueOptions()
        options.end = parsed[end]?.days
        options.holdoutDays = parsed[holdout]
        options.horizonMonths = parsed[horizon]
        options.monthlyDiscount = parsed[discount]
        let result = try LifetimeValueAnalysis.run(events, options: options, context: ctx.run)
        let name = try ctx.bindResult(result.table, for: parsed)
        var out = CommandOutput.note("\(name): \(Format.count(result.table.rowCount)) customers, observed through "
                                     + "\(CivilCalendar.formatDate(days: result.end)) (time unit: day); horizon \(options.horizonMonths) months "
                                     + "of 30 days, monthly discount \(DescribeFormat.number(options.monthlyDiscount))")
        out.append(.table(parameterTable(result), title: "fitted parameters (maximum likelihood)", showShape: false))
        let left = [(extracted.rowsWithoutCustomer, "without a customer"), (extracted.rowsMissingDateOrAmount, "without a date or amount"),
                    (returns, "with amount ≤ 0 (returns)"), (result.eventsAfterEnd, "after end")].filter { $0.0 > 0 }
        if !left.isEmpty { out.append(.note("rows left out: " + left.map { "\(Format.count($0.0)) \($0.1)" }.joined(separator: ", "))) }
        if result.spendLeftOut > 0 {
            out.append(.note("Gamma–Gamma learnt from \(Format.count(result.spend.customers)) customers with a repeat purchase; "
                             + "the other \(Format.count(result.spendLeftOut)) get the population mean spend"))
        }
        if !result.purchases.converged || !result.spend.converged {
            out.append(.warning("the likelihood search did not settle (it hit its iteration limit, or a parameter ran to its cap of e^18 because the log has too little repeat buying to pin it down); the parameters may be imprecise"))
        }
        if let check = result.holdout { for block in holdoutBlocks(check, chart: SegmentationCharts.wanted(parsed)) { out.append(block) } }
        return out
    }

    static func parameterTable(_ r: LifetimeValueResult) -> Table {
        var t = SummaryTable([("model", .string), ("parameter", .string), ("value", .float), ("log_likelihood", .float), ("customers", .int)])
        for p in [("r", r.purchases.r), ("alpha", r.purchases.alpha), ("a", r.purchases.a), ("b", r.purchases.b)] {
            t.row([.string("BG/NBD"), .string(p.0), .float(p.1), .float(r.purchases.logLikelihood), .int(Int64(r.purchases.customers))])
        }
        for p in [("p", r.spend.p), ("q", r.spend.q), ("v", r.spend.v)] {
            t.row([.string("Gamma–Gamma"), .string(p.0), .float(p.1), .float(r.spend.logLikelihood), .int(Int64(r.spend.customers))])
        }
        return t.table.showingEstimates()
    }

    static func holdoutBlocks(_ c: HoldoutCheck, chart: Bool) -> [OutputBlock] {
        var t = SummaryTable([("frequency_cal", .string), ("customers", .int), ("actual", .float), ("expected", .float)])
        for b in c.buckets {
            t.row([.string(b.isOpenEnded ? "\(b.frequency)+" : "\(b.frequency)"), .int(Int64(b.customers)), .float(b.actualMean), .float(b.expectedMean)])
        }
        var blocks: [OutputBlock] = [
            .note("hold-out check: BG/NBD refitted on events through \(CivilCalendar.formatDate(days: c.calibrationEnd)) "
                  + "(r=\(DescribeFormat.number(c.model.r)), alpha=\(DescribeFormat.number(c.model.alpha)), a=\(DescribeFormat.number(c.model.a)), "
                  + "b=\(DescribeFormat.number(c.model.b))); the next \(c.holdoutDays) days held out. Total repeat purchase days there: "
                  + "actual \(DescribeFormat.number(c.actualTotal)), expected \(DescribeFormat.number(c.expectedTotal))"),
            .table(t.table, title: "mean repeat purchases in the hold-out, by calibration frequency", showShape: false),
        ]
        if chart {
            let xs = c.buckets.map { Double($0.frequency) }
            blocks.append(.chart(Chart.line(title: "actual vs expected purchases in the \(c.holdoutDays)-day hold-out",
                                            series: [ChartSeries("actual", x: xs, y: c.buckets.map(\.actualMean)),
                                                     ChartSeries("expected (BG/NBD)", x: xs, y: c.buckets.map(\.expectedMean))],
                                            marks: [], xLabel: "repeat purchases in calibration (7 = 7 and more)",
                                            yLabel: "mean purchases in hold-out", xKind: .integer, showPoints: true)))
        }
        return blocks
    }
}

/// Lifetime value and point-in-time customer tables, registered in `StandardCommands.builtIn`.
package enum CustomerValueCommands {
    package static let all: [CommandSpec] = [CLVCommand.spec, FeaturesCommand.spec]
}
