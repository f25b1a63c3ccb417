import StrataEngine

/// What `stream … criteria=… tiers=…` adds to the output: the rules, the tier sizes now, the
/// moves of this run and their migration tables.
enum StreamTierReport {
    static func blocks(_ tiers: StreamTiers, before: StreamTiers?, name: String, migrations: StreamMigrations) throws -> [OutputBlock] {
        let newMoves = tiers.moves.count - (before?.moves.count ?? 0)
        var out: [OutputBlock] = [.note("tiers: \(tiers.rules.description); \(Format.count(tiers.customers)) customers tiered, "
                                        + "\(Format.count(newMoves)) tier changes in this run (kept in \(name).tier_moves; "
                                        + "current scores in \(name).tiers)")]
        var sizes: [String: Int] = [:]
        for t in tiers.tier { if let t { sizes[t, default: 0] += 1 } }
        if !sizes.isEmpty {
            let order = tiers.rules.labels ?? sizes.keys.sorted()
            var table = SummaryTable([("tier", .string), ("customers", .int)])
            for label in order { table.row([.string(label), .int(Int64(sizes[label] ?? 0))]) }
            out.append(.table(table.table, title: "customers per tier now", showShape: false))
        }
        out += try migrations.blocks("tiers")
        if migrations.periods.count > 4 {
            out.append(.note("the last 4 of \(migrations.periods.count) periods with tier moves; all of them in \(name).tier_migration"))
        }
        if tiers.skippedCloses > 0, let first = tiers.firstSkip {
            out.append(.warning("the score rules could not be fitted at \(Format.count(tiers.skippedCloses)) day closes, where the "
                                + "tiers stayed as they were (first: \(first))"))
        }
        return out
    }
}
