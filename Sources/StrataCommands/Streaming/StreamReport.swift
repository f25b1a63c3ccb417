import StrataEngine

/// What `stream` prints and keeps: how far it got, what reading found, segment moves, the
/// migration over the run, and streaming k-means beside a batch refit.
enum StreamReport {
    /// The tables a stream keeps beside itself, as NAME.PART (a cell that binds NAME writes them all).
    static func boundTables(_ stream: StreamObject, migrations: StreamMigrations, tierMigrations: StreamMigrations?) throws -> [(part: String, table: Table)] {
        let users = stream.log.vocabulary.users
        var moves = SummaryTable([("day", .date), ("customer", .string), ("from", .string), ("to", .string)])
        for m in stream.profiles.moves {
            moves.row([.date(m.day), .string(users.text(of: m.customer)), m.from.map { .string($0) } ?? .string("(new)"), .string(m.to)])
        }
        var out: [(part: String, table: Table)] = [("moves", moves.table), ("moves_per_day", perDayTable(stream.profiles.movesPerDay())), ("migration", migrations.longTable())]
        if let tiers = stream.profiles.tiers, let tierMigrations {
            var t = SummaryTable([("time", .timestamp), ("customer", .string), ("from", .string), ("to", .string)])
            for m in tiers.moves {
                t.row([.timestamp(m.time), .string(users.text(of: m.customer)), .string(m.from ?? "(new)"), .string(m.to)])
            }
            var now = SummaryTable([("customer", .string), ("score", .float), ("tier", .string)])
            for (u, tier) in tiers.tier.enumerated() {
                guard let tier else { continue }
                now.row([.string(users.text(of: Int32(u))), .optional(tiers.score[u]), .string(tier)])
            }
            out += [("tier_moves", t.table), ("tiers", now.table), ("tier_migration", tierMigrations.longTable())]
        }
        return out
    }

    private static func perDayTable(_ days: [(day: Int64, moves: Int, new: Int)]) -> Table {
        var t = SummaryTable([("day", .date), ("moves", .int), ("new", .int)])
        for d in days { t.row([.date(d.day), .int(Int64(d.moves)), .int(Int64(d.new))]) }
        return t.table
    }

    static func output(_ run: StreamRun, before: StreamObject, name: String, isNew: Bool, setupWarnings: [String],
                       migrations: StreamMigrations, tierMigrations: StreamMigrations?,
                       timing: Bool, seed: UInt64, context: RunContext) throws -> CommandOutput {
        let s = run.stream
        let clock = s.cursor.clock.map { CivilCalendar.formatTimestamp(seconds: $0) } ?? "not started"
        var out = CommandOutput.note("\(name): \(isNew ? "new stream over" : "continued") \(s.source.description): applied "
            + "\(Format.count(run.applied)) events in \(Format.count(run.chunks)) chunks; \(Format.count(s.cursor.position)) of "
            + "\(Format.count(s.log.events.count)) applied in all; clock \(clock); \(Format.count(s.cursor.backlog(in: s.log))) "
            + "events read but not applied (lag \(StreamBoard.lag(s.cursor.lagSeconds(in: s.log))) of simulated time)")
        if let reason = run.stoppedBy {
            out.append(.note("stopped by \(reason) between chunks: every model has whole chunks only; `stream … as \(name)` continues"))
        }
        if timing {
            out.append(.note("throughput: \(StreamBoard.rate(run.applied, run.seconds)) (\(DescribeFormat.number((run.seconds * 1000).rounded() / 1000)) s)"))
        }
        for w in setupWarnings + run.warnings { out.append(.warning(w)) }
        for snapshot in run.snapshots { out.append(.table(snapshot, title: "board", showShape: false)) }

        let firstNewMove = before.profiles.moves.count
        let days = s.profiles.movesPerDay(from: s.profiles.moves.dropFirst(firstNewMove).first?.day)
        let newMoves = s.profiles.moves.count - firstNewMove
        out.append(.note("\(Format.count(s.profiles.customers)) customers profiled; \(Format.count(newMoves)) segment changes in this run "
                         + "over \(Format.count(days.count)) days (kept in \(name).moves; per day in \(name).moves_per_day)"))
        if !days.isEmpty {
            out.append(.table(perDayTable(Array(days.suffix(7))), title: "segment moves per day (last \(min(7, days.count)) days of this run)",
                              showShape: false))
        }
        out.blocks += try migrations.blocks("segments")
        if migrations.periods.count > 4 {
            out.append(.note("the last 4 of \(migrations.periods.count) periods with moves; all of them in \(name).migration"))
        }
        if let tiers = s.profiles.tiers, let tierMigrations {
            out.blocks += try StreamTierReport.blocks(tiers, before: before.profiles.tiers, name: name, migrations: tierMigrations)
        }
        for block in try clusters(s, seed: seed, context: context) { out.append(block) }
        return out
    }

    /// Streaming centres beside a batch k-means refit on the same current scores.
    private static func clusters(_ s: StreamObject, seed: UInt64, context: RunContext) throws -> [OutputBlock] {
        guard let streaming = s.profiles.clusters else { return [] }
        let rows = s.profiles.scoreRows
        let k = streaming.parameters.k
        guard rows.count >= k, streaming.centers.count == k else {
            return [.note("streaming k-means: waiting for \(k) scored customers")]
        }
        let matrix = FeatureMatrix(rowCount: rows.count, columnCount: 3, values: rows.flatMap { $0 }, columnNames: ["r", "f", "m"])
        guard let batch = try? KMeans(KMeansOptions(k: k, seed: seed)).fit(matrix, context: context) else {
            return [.note("batch k-means refit not possible on \(rows.count) customers (too few distinct scores)")]
        }
        let batchCenters = (0..<k).map { Array(batch.centers.row($0)) }
        var t = SummaryTable([("centre", .int), ("r", .float), ("f", .float), ("m", .float), ("customers", .int),
                              ("batch r", .float), ("batch f", .float), ("batch m", .float), ("distance", .float)])
        var sizes = [Int](repeating: 0, count: k)
        for x in rows { sizes[streaming.nearest(x)] += 1 }
        for (j, c) in streaming.centers.enumerated() {
            // The batch centre closest to this streaming centre, to read them side by side.
            var best = 0, bestDistance = Double.infinity
            for (b, bc) in batchCenters.enumerated() {
                let d = zip(c, bc).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                if d < bestDistance { best = b; bestDistance = d }
            }
            let bc = batchCenters[best]
            t.row([.int(Int64(j + 1)), .float(c[0]), .float(c[1]), .float(c[2]), .int(Int64(sizes[j])),
                   .float(bc[0]), .float(bc[1]), .float(bc[2]), .float(bestDistance.squareRoot())])
        }
        let streamingInertia = streaming.inertia(rows)
        return [.table(t.table, title: "\(streaming.algorithmName) on (r, f, m) scores, beside a batch k-means refit (seed \(seed))",
                       showShape: false),
                .note("inertia on the \(Format.count(rows.count)) current customers: streaming \(DescribeFormat.number(streamingInertia)), "
                      + "batch refit \(DescribeFormat.number(batch.inertia)) (streaming / batch = "
                      + "\(DescribeFormat.number(batch.inertia > 0 ? streamingInertia / batch.inertia : 1)))")]
    }
}
