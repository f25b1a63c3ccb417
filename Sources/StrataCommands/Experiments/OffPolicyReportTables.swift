/// The table, numbers and notes `offpolicy` prints.
struct OffPolicyReportTables {
    let shown: Table
    let numbers: Table
    let report: OffPolicyReport

    init(_ report: OffPolicyReport, policyText: String) {
        self.report = report
        let boot = report.resamples != nil
        var headers: [(String, DataType)] = [("estimator", .string), ("value (CI)", .string), ("vs logged (CI)", .string)]
        if boot { headers += [("bootstrap CI", .string), ("bootstrap vs logged", .string)] }
        var t = SummaryTable(headers)
        var n = SummaryTable([("estimator", .string), ("value", .float), ("low", .float), ("high", .float),
                              ("vs_logged", .float), ("vs_logged_low", .float), ("vs_logged_high", .float),
                              ("bootstrap_low", .float), ("bootstrap_high", .float)])
        func num(_ x: Double?) -> Value { x.map { $0.isFinite ? Value.float($0) : .missing } ?? .missing }
        for e in report.estimates {
            var row: [Value] = [.string(e.method.displayName), .string(Self.cell(e.value, e.interval)),
                                .string(Self.cell(e.difference, e.differenceInterval, signed: true))]
            if boot {
                row += [.string(Self.bracket(e.bootstrapInterval)), .string(Self.bracket(e.bootstrapDifferenceInterval, signed: true))]
            }
            t.row(row)
            n.row([.string(e.method.rawValue), num(e.value), num(e.interval?.lower), num(e.interval?.upper), num(e.difference),
                   num(e.differenceInterval?.lower), num(e.differenceInterval?.upper), num(e.bootstrapInterval?.lower),
                   num(e.bootstrapInterval?.upper)])
        }
        let l = report.logged
        t.row([.string("logged policy"), .string(Self.cell(l.value, l.interval)), .string("")] + (boot ? [.string(""), .string("")] : []))
        n.row([.string("logged"), num(l.value), num(l.interval.lower), num(l.interval.upper), .missing, .missing, .missing, .missing, .missing])
        shown = t.table
        numbers = n.table
    }

    static func figure(_ x: Double, signed: Bool = false) -> String {
        guard x.isFinite else { return "—" }
        let s = NumberFormatting.significant(x, digits: 4)
        return signed && x > 0 ? "+" + s : s
    }

    static func bracket(_ i: ConfidenceInterval?, signed: Bool = false) -> String {
        guard let i else { return "" }
        return "(\(figure(i.lower, signed: signed)), \(figure(i.upper, signed: signed)))"
    }

    static func cell(_ x: Double, _ i: ConfidenceInterval?, signed: Bool = false) -> String {
        guard x.isFinite else { return "— (no row matches)" }
        return figure(x, signed: signed) + " " + bracket(i, signed: signed)
    }

    func notes(contextColumns: [String]) -> [OutputBlock] {
        var out: [OutputBlock] = []
        let ess = NumberFormatting.format(report.effectiveSampleSize, decimals: 0)
        out.append(.text("replay kept \(Format.count(report.matchedRows)) of \(Format.count(report.rows)) rows (where the logged action is "
                         + "the policy's); the importance weights' effective sample size is \(ess).\n"
                         + "reward model (DM, DR): the mean reward of each "
                         + (contextColumns.isEmpty ? "action (no context= given)" : "\(contextColumns.joined(separator: " × ")) cell × action")
                         + "; \(report.rewardModelFallbacks) of \(report.rewardModelCells) cell × action pairs had no rows and use the action's overall mean.\n"
                         + "Intervals: estimate ± z·sd/√n of the per-row terms; they assume the propensities are right and say nothing "
                         + "about bias from a wrong reward model (DM) or unlogged contexts."
                         + (report.resamples.map { "\nbootstrap: \(Format.count($0)) resamples of the rows, seed \(report.seed ?? 0), percentile intervals, reward model refitted each time." } ?? "")))
        if !report.loggingIsUniform {
            out.append(.warning("the logging policy was not uniform (propensities are not all 1/\(report.actionCount)), so replay is biased: it over-represents the contexts where the logging policy often chose the "
                                + "policy's action. Trust IPS, SNIPS or DR; effective sample size \(ess) of \(Format.count(report.rows))."))
        }
        if !report.unloggedChoices.isEmpty {
            out.append(.warning("the policy chooses \(report.unloggedChoices.joined(separator: ", ")), which the log never shows: "
                                + "no estimate can see its reward"))
        }
        return out
    }
}
