import StrataEngine

/// What customers.csv needs to know about one customer's rows in transactions.csv.
struct PurchaseSummary {
    var orders = 0
    var spendCents = 0
    var lastOrderDay: Int?
    var returns = 0
}

enum TransactionFactory {
    static let firstInvoice = 600_001
    static let guestInvoices = 700
    static let zeroPriceLines = 15

    private struct Line {
        let item: Int
        let quantity: Int
        let unitCents: Int
    }

    private struct Invoice {
        let sequence: Int
        /// Index into `world.customers`, or nil for a guest checkout (no customer_id).
        let customer: Int?
        let seconds: Int
        let channel: Int
        let country: String
        let isReturn: Bool
        var lines: [Line]
    }

    static func make(world: World, seed: UInt64) -> (csv: CSVFile, summaries: [PurchaseSummary]) {
        var rng = SeededGenerator(seed: seed, stream: Streams.transactions)
        let items = world.items
        let relativePrice = world.logRelativePrices
        let profiles = Segments.profiles
        let daySamplers = profiles.map { Timeline.daySampler(saleAffinity: $0.saleAffinity) }
        var invoices: [Invoice] = []

        func unitPrice(_ item: Int, _ day: Int) -> Int {
            let pct = Timeline.discountPercent(on: day)
            return (items[item].priceCents * (100 - pct) + 50) / 100
        }

        func quantity(_ item: Int, bulk: Double) -> Int {
            let cents = items[item].priceCents
            if cents < 500 { return 1 + rng.poisson(bulk) }
            if cents < 3000 { return 1 + rng.poisson(bulk * 0.2) }
            return rng.chance(0.08) ? 2 : 1
        }

        func fillLines(count: Int, sampler: CumulativeSampler, day: Int, bulk: Double) -> [Line] {
            var lines: [Line] = []
            var attempts = 0
            while lines.count < count && attempts < 60 {
                attempts += 1
                let item = sampler.draw(&rng)
                if lines.contains(where: { $0.item == item }) { continue }
                lines.append(Line(item: item, quantity: quantity(item, bulk: bulk), unitCents: unitPrice(item, day)))
            }
            return lines
        }

        // Customers' own purchases: taste × popularity × price sensitivity decides what,
        // segment rhythm and the calendar decide when.
        for (ci, c) in world.customers.enumerated() {
            let p = profiles[c.segment]
            let affinity = world.affinities(c)
            let weights = items.indices.map { i in
                DetMath.exp(0.8 * items[i].logPopularity + 1.4 * affinity[i] + c.priceElasticity * relativePrice[i])
            }
            let sampler = CumulativeSampler(weights: weights)
            let window = (c.activeStart - Timeline.start)..<(c.activeEnd - Timeline.start + 1)
            let years = Double(window.count) / 365
            let orders = max(1, rng.poisson(1.1 * p.ordersPerYear * years * c.activity))
            for _ in 0..<orders {
                let day = Timeline.start + daySamplers[c.segment].draw(in: window, &rng)
                let channel = rng.chance(0.75) ? c.channel : rng.nextInt(below: 3)
                let seconds = Timeline.moment(on: day, hourWeights: Timeline.channelHours(channel), &rng)
                let lines = fillLines(count: 1 + rng.poisson(p.extraLines), sampler: sampler, day: day, bulk: p.bulkBuying)
                invoices.append(Invoice(sequence: invoices.count, customer: ci, seconds: seconds, channel: channel,
                                        country: c.shipCountry, isReturn: false, lines: lines))
            }
        }

        // Guest checkouts: no account, so no customer_id; they buy what is popular.
        let popular = CumulativeSampler(weights: items.map { DetMath.exp($0.logPopularity) })
        let anyDay = Timeline.daySampler(saleAffinity: 0.5)
        let countryWeights = Vocabulary.countries.map(\.share)
        for _ in 0..<guestInvoices {
            let day = Timeline.start + anyDay.draw(&rng)
            let channel = rng.chance(0.6) ? 0 : 2
            let seconds = Timeline.moment(on: day, hourWeights: Timeline.channelHours(channel), &rng)
            let lines = fillLines(count: 1 + rng.poisson(1.5), sampler: popular, day: day, bulk: 1.5)
            invoices.append(Invoice(sequence: invoices.count, customer: nil, seconds: seconds, channel: channel,
                                    country: Vocabulary.countries[rng.pick(countryWeights)].code, isReturn: false, lines: lines))
        }

        // Returns: a later credit note ("C" invoice) taking back part of an earlier line.
        let purchases = invoices.count
        for k in 0..<purchases {
            guard let ci = invoices[k].customer else { continue }
            let c = world.customers[ci]
            guard rng.chance(profiles[c.segment].returnRate) else { continue }
            let original = invoices[k]
            var day = original.seconds / 86_400 + rng.int(in: 1...28)
            if Timeline.isChristmasDay(day) { day += 1 }
            guard day <= Timeline.end else { continue }
            let howMany = min(original.lines.count, rng.chance(0.2) ? 2 : 1)
            let picked = rng.sampleIndices(count: howMany, from: original.lines.count).sorted()
            let lines = picked.map { j in
                let line = original.lines[j]
                return Line(item: line.item, quantity: -rng.int(in: 1...line.quantity), unitCents: line.unitCents)
            }
            let seconds = Timeline.moment(on: day, hourWeights: Timeline.channelHours(original.channel), &rng)
            invoices.append(Invoice(sequence: invoices.count, customer: ci, seconds: seconds, channel: original.channel,
                                    country: original.country, isReturn: true, lines: lines))
        }

        // A handful of free promotional items rung up at 0.00 on ordinary invoices.
        let cheap = items.indices.filter { items[$0].priceCents < 300 }
        for _ in 0..<zeroPriceLines {
            let k = rng.nextInt(below: purchases)
            let item = cheap[rng.nextInt(below: cheap.count)]
            if !invoices[k].lines.contains(where: { $0.item == item }) {
                invoices[k].lines.append(Line(item: item, quantity: 1, unitCents: 0))
            }
        }

        // Invoice numbers run in time order, as a till would issue them.
        invoices.sort { $0.seconds != $1.seconds ? $0.seconds < $1.seconds : $0.sequence < $1.sequence }

        var summaries = [PurchaseSummary](repeating: PurchaseSummary(), count: world.customers.count)
        var csv = CSVFile(name: "transactions.csv",
                          header: ["invoice", "customer_id", "item_id", "quantity", "unit_price", "invoice_date", "country", "channel"])
        for (n, invoice) in invoices.enumerated() {
            let number = (invoice.isReturn ? "C" : "") + String(firstInvoice + n)
            let stamp = CivilCalendar.formatTimestamp(seconds: Int64(invoice.seconds))
            for line in invoice.lines {
                csv.text(number)
                if let ci = invoice.customer { csv.int(world.customers[ci].id) } else { csv.missing() }
                csv.int(items[line.item].id)
                csv.int(line.quantity)
                csv.money(cents: line.unitCents)
                csv.text(stamp)
                csv.text(invoice.country)
                csv.text(Vocabulary.channels[invoice.channel])
                csv.endRow()
            }
            guard let ci = invoice.customer else { continue }
            for line in invoice.lines { summaries[ci].spendCents += line.quantity * line.unitCents }
            if invoice.isReturn {
                summaries[ci].returns += 1
            } else {
                summaries[ci].orders += 1
                summaries[ci].lastOrderDay = invoice.seconds / 86_400
            }
        }
        return (csv, summaries)
    }
}
