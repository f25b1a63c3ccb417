/// `rfm`: recency, frequency and monetary value per customer, scored 1–5 and named.
package enum RFMCommand {
    package static let spec = CommandSpec(
        "rfm", group: .segmentation, summary: "Recency, frequency and monetary value per customer, with 1–5 scores and named segments.",
        arguments: [.table("transactions", help: "one row per purchase line or invoice")],
        options: [RFMCommandOptions.customer, RFMCommandOptions.date, RFMCommandOptions.amount, RFMCommandOptions.invoice,
                  RFMCommandOptions.asOf, RFMCommandOptions.bins, RFMCommandOptions.ties,
                  RFMCommandOptions.recencyCuts, RFMCommandOptions.frequencyCuts, RFMCommandOptions.monetaryCuts,
                  SegmentationCharts.option],
        binding: .named { p in "\(p.subject ?? "table")_rfm" },
        details: "Recency is whole days from the last purchase to asof (a purchase the day before asof has recency 1). "
            + "Frequency is distinct invoices (with invoice=) or purchase rows; monetary is the net sum of amounts. "
            + "Returns (amount < 0) lower monetary but are not purchases. Scores: 5 is best (most recent, most frequent, "
            + "highest spend); the bin edges and the tie rule are printed. With 5 bins each customer gets a named segment "
            + "(docs/segmentation.md), and a bar chart of the segments' sizes is drawn. Without 'as NAME' the result is called TABLE_rfm.",
        examples: ["rfm tx customer=customer_id date=invoice_date amount=amount invoice=invoice as rfm",
                   "rfm tx customer=customer_id date=invoice_date amount=amount asof=2025-07-01 ties=first as rfm_h1",
                   "rfm tx customer=customer_id date=invoice_date amount=amount rcuts=30,90,180,365 fcuts=1,2,4,8 mcuts=100,250,500,1000"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let required = [RFMCommandOptions.customer, RFMCommandOptions.date, RFMCommandOptions.amount]
        for option in required where !parsed.isGiven(option) {
            throw parsed.error("rfm needs \(option.key)=COLUMN",
                               suggestion: "e.g. rfm tx customer=customer_id date=invoice_date amount=amount")
        }
        var options = RFMOptions(customer: parsed[RFMCommandOptions.customer] ?? "", date: parsed[RFMCommandOptions.date] ?? "",
                                 amount: parsed[RFMCommandOptions.amount] ?? "")
        options.invoice = parsed[RFMCommandOptions.invoice]
        options.asOf = parsed[RFMCommandOptions.asOf]?.days
        options.bins = parsed[RFMCommandOptions.bins]
        options.ties = parsed[RFMCommandOptions.ties]
        let cutOptions = [(RFMCommandOptions.recencyCuts, RFMMetric.recency), (RFMCommandOptions.frequencyCuts, .frequency),
                          (RFMCommandOptions.monetaryCuts, .monetary)]
        for (option, metric) in cutOptions {
            if let cuts = try SegmentationOptions.numbers(option, parsed) { options.cuts[metric] = cuts }
        }
        let result = try RFM.compute(table, options: options, context: ctx.run)
        let name = try ctx.bindResult(result.table, for: parsed)
        return output(result, name: name, options: options, chart: SegmentationCharts.wanted(parsed))
    }

    package static func output(_ r: RFMResult, name: String, options: RFMOptions, chart: Bool) -> CommandOutput {
        let customers = r.table.rowCount
        var out = CommandOutput.note("\(name): \(Format.count(customers)) customers as of \(CivilCalendar.formatDate(days: r.asOf)), "
                                     + "from \(Format.count(r.rowsUsed)) rows")
        var bins = SummaryTable([("metric", .string), ("score", .int), ("lowest", .float), ("highest", .float),
                                 ("customers", .int), ("share", .float)])
        for b in r.bins {
            bins.row([.string(b.metric.rawValue), .int(Int64(b.score)), .float(b.lowest), .float(b.highest),
                      .int(Int64(b.customers)), .float(Double(b.customers) / Double(max(customers, 1)))])
        }
        out.append(.table(bins.table, title: "score bins (5 = best; recency: fewer days is better)", showShape: false))
        let quantileMetrics = RFMMetric.allCases.filter { options.cuts[$0] == nil }.map(\.rawValue)
        if !quantileMetrics.isEmpty {
            let rule = options.ties == .average
                ? "ties=average: equal values share their average rank, so they get the same score"
                : "ties=first: equal values are ranked in row order, so bins are even but equal values can differ"
            out.append(.note("quantile scores for \(quantileMetrics.joined(separator: ", ")): rank r of n falls in bin b when "
                             + "1 + (n−1)(b−1)/\(options.bins) < r ≤ 1 + (n−1)b/\(options.bins); " + rule))
        }
        for (metric, cuts) in options.cuts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out.append(.note("\(metric.rawValue) scored by cut points \(cuts.map(DescribeFormat.number).joined(separator: ", ")) "
                             + "(a value equal to a cut point goes to the lower bin)"))
        }
        var sizes: Chart?
        if let segment = r.table.column("segment"), let counts = try? segment.valueCounts(order: .count) {
            var t = SummaryTable([("segment", .string), ("customers", .int), ("share", .float)])
            var labels: [String] = []
            for (i, c) in counts.counts.enumerated() {
                t.row([counts.values.value(at: i), .int(Int64(c)), .float(Double(c) / Double(max(customers, 1)))])
                labels.append(ValueFormatter.format(counts.values.value(at: i)))
            }
            out.append(.table(t.table, title: "segments", showShape: false))
            if chart { sizes = SegmentationCharts.sizes(labels, counts.counts, title: "customers by RFM segment", category: "segment") }
        } else {
            out.append(.note("segment names need 1–5 scores on all three metrics; here only the rfm code is given"))
        }
        let left = [(r.rowsWithoutCustomer, "without a customer"), (r.rowsMissingDateOrAmount, "without a date or amount"),
                    (r.rowsOnOrAfterAsOf, "dated on or after asof")].filter { $0.0 > 0 }
        if !left.isEmpty {
            out.append(.note("rows left out: " + left.map { "\(Format.count($0.0)) \($0.1)" }.joined(separator: ", ")))
        }
        if r.returnRows > 0 {
            out.append(.note("\(Format.count(r.returnRows)) return rows (amount < 0) lower monetary; they are not purchases"))
        }
        if r.customersWithoutPurchase > 0 {
            out.append(.warning("\(Format.count(r.customersWithoutPurchase)) customers with no purchase before asof are left out"))
        }
        if let sizes { out.append(.chart(sizes)) }
        return out
    }
}

/// The options of `rfm` (`RFMOptions` is the engine's computed form of them).
package enum RFMCommandOptions {
    package static let customer = CommandOption.column("customer", "the customer id column (rows without one are left out and counted)")
    package static let date = CommandOption.column("date", "the date or timestamp column")
    package static let amount = CommandOption.column("amount", "the money column; negative amounts are returns")
    package static let invoice = CommandOption.column("invoice", describedAs: "none: each row is a purchase", "count distinct invoices as the frequency")
    package static let asOf = CommandOption.date("asof", describedAs: "the day after the last transaction",
                                         "the date recency is measured from; later rows are left out")
    package static let bins = CommandOption.int("bins", in: 2...20, default: 5, "how many quantile scores")
    package static let ties = CommandOption.choice("ties", default: TieRule.average,
                                           "average: equal values share a score; first: equal values are split by row order into equal-sized bins")
    package static let recencyCuts = CommandOption.list("rcuts", "explicit recency cut points in days instead of quantiles, e.g. 30,90,180,365")
    package static let frequencyCuts = CommandOption.list("fcuts", "explicit frequency cut points, e.g. 1,2,4,8")
    package static let monetaryCuts = CommandOption.list("mcuts", "explicit monetary cut points")
}

extension TieRule: OptionChoice {}
