import StrataEngine

/// The live board of `stream … board=yes`. On a terminal its lines go to the executable's
/// terminal layer (`ProgressSink.board`), which redraws them in place at most four times a second
/// and includes the throughput. In a batch run every `every` chunks a snapshot table goes into
/// the output instead, holding only what the simulated clock decides, so a replay prints the same.
struct StreamBoard {
    let every: Int
    let glyphs: ChartGlyphs

    func show(_ run: StreamRun, elapsed: Double, context: RunContext, snapshots: inout [Table]) {
        if context.progress.drawsBoard {
            var lines = [headline(run) + " · " + Self.rate(run.applied, elapsed)]
            lines += rows(run).map { "  \($0.label): \($0.value)" + ($0.history.isEmpty ? "" : "  " + sparkline($0.history)) }
            context.progress.board(lines)
        } else if run.chunks % every == 0 {
            var t = SummaryTable([("board", .string), ("value", .string), ("trend", .string)])
            t.row([.string("clock"), .string(clockText(run)), .string("")])
            for r in rows(run) { t.row([.string(r.label), .string(r.value), .string(sparkline(r.history))]) }
            snapshots.append(t.table)
        }
    }

    private func rows(_ run: StreamRun) -> [BoardRow] {
        let s = run.stream
        return [BoardRow(label: "events applied", value: Format.count(s.cursor.position)),
                BoardRow(label: "backlog", value: Format.count(s.cursor.backlog(in: s.log))),
                BoardRow(label: "lag (simulated)", value: Self.lag(s.cursor.lagSeconds(in: s.log)))]
            + s.profiles.boardRows(log: s.log) + s.others.flatMap { $0.boardRows(log: s.log) }
    }

    private func headline(_ run: StreamRun) -> String { "stream: clock \(clockText(run))" }

    private func clockText(_ run: StreamRun) -> String {
        run.stream.cursor.clock.map { CivilCalendar.formatTimestamp(seconds: $0) } ?? "not started"
    }

    /// The last 30 values as sparkline glyphs, scaled between their own minimum and maximum.
    func sparkline(_ values: [Double]) -> String {
        let recent = values.suffix(30)
        guard let lo = recent.min(), let hi = recent.max() else { return "" }
        let levels = glyphs.sparks
        return recent.map { v in
            let level = hi > lo ? Int(((v - lo) / (hi - lo) * Double(levels.count - 1)).rounded()) : 0
            return levels[min(max(level, 0), levels.count - 1)]
        }.joined()
    }

    static func rate(_ events: Int, _ seconds: Double) -> String {
        seconds > 0 ? "\(Format.count(Int((Double(events) / seconds).rounded()))) events/s" : "– events/s"
    }

    /// Seconds as days, hours and minutes when large (`3 d 4 h`, `12 min`), exact seconds otherwise.
    static func lag(_ seconds: Int64) -> String {
        if seconds >= 86_400 { return "\(seconds / 86_400) d \(seconds % 86_400 / 3600) h" }
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        if seconds >= 60 { return "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds) s"
    }
}
