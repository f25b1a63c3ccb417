/// The plain-language reading under `monitor`'s table: which segments deviated, when and which
/// way, and what an alert does and does not say.
package enum MonitorSentence {
    package static func reading(_ charts: [MonitorSegment], input: MonitorInput, rule: ControlRule, period: KPIPeriod) -> String {
        func n(_ x: Double) -> String { NumberFormatting.significant(x, digits: 4) }
        func when(_ s: MonitorSegment, _ index: Int) -> String { name(s.series.periods[index], period) }
        var lines: [String] = []
        var quiet: [String] = []
        for chart in charts {
            let label = input.segmentColumn == nil ? input.metricLabel : chart.series.segment
            guard !chart.flagged.isEmpty else { quiet.append(label); continue }
            let parts = chart.flagged.prefix(4).map { p -> String in
                var text = "\(p.deviation == .up ? "up" : "down") in \(when(chart, p.index)) (\(n(p.value)) against \(n(p.expected)) expected"
                if let start = p.runStart, start < p.index { text += "; the run began in \(when(chart, start))" }
                return text + ")"
            }
            let more = chart.flagged.count > 4 ? " and \(chart.flagged.count - 4) more" : ""
            lines.append("\(label): \(parts.joined(separator: ", "))\(more).")
        }
        if !quiet.isEmpty {
            let who = input.segmentColumn == nil ? "The series" : quiet.joined(separator: ", ")
            lines.append("\(who) stayed within \(quiet.count == 1 && input.segmentColumn != nil ? "its" : "the") limits.")
        }
        lines.append(caveat(rule))
        return lines.joined(separator: "\n")
    }

    /// A period's name: the day, the week by its Monday, or the month.
    package static func name(_ start: Int64, _ period: KPIPeriod) -> String {
        let date = CivilCalendar.formatDate(days: start)
        switch period {
        case .day: return date
        case .week: return "the week of \(date)"
        case .month: return String(date.prefix(7))
        }
    }

    private static func caveat(_ rule: ControlRule) -> String {
        let what: String
        switch rule {
        case .shewhart:
            what = "A Shewhart flag says one period is far from the few before it; it sees sudden spikes and drops, not slow drifts, "
                + "and a short window's sd is itself uncertain, so the odd false alarm is expected across many segments."
        case .ewma:
            what = "An EWMA flag says the recent periods, weighted together, have moved away from the baseline; it catches small lasting "
                + "shifts and keeps flagging while they last."
        case .cusum:
            what = "A CUSUM signal says deviations in one direction have piled up beyond chance; the run's start estimates when a small "
                + "persistent shift began, and each later signal is a new alarm for the same shift."
        }
        return what + " A flag says when and which way, not why: look at what changed then before acting."
    }
}
