/// `abtest … sequential=yes`: replay the rows in order and look at evenly spaced points, with
/// confidence sequences that stay valid however many looks are taken.
package enum ABTestSequential {
    package static func run(_ parsed: ParsedCommand, _ input: ABTestInput, metrics: [String]) throws -> CommandOutput {
        if input.segmentColumn != nil {
            throw parsed.error("sequential=yes follows the whole experiment in row order; leave out by=", at: parsed.span(ABTestOptions.by))
        }
        if parsed.isGiven(ABTestOptions.covariate) {
            throw parsed.error("sequential=yes does not apply CUPED; leave out covariate=", at: parsed.span(ABTestOptions.covariate))
        }
        if parsed[ABTestOptions.kind] == .ratio {
            throw parsed.error("sequential=yes compares rates or means, not ratios", at: parsed.span(ABTestOptions.kind))
        }
        let alpha = parsed[ABTestOptions.alpha]
        let looks = parsed[ABTestOptions.looks]
        var out = CommandOutput()
        for metric in metrics {
            let values = try input.numbers(metric, ABTestOptions.metric, parsed)
            let kind = try ABTestInput.kind(of: metric, values, parsed)
            var variantOfUnit: [Int] = []
            var kept: [Double] = []
            for row in 0..<input.table.rowCount {
                guard let v = input.variantOfRow[row], values[row].isFinite else { continue }
                variantOfUnit.append(v)
                kept.append(values[row])
            }
            let paths: [[SequentialPoint]]
            do {
                paths = try SequentialTest.trajectory(variantOfUnit: variantOfUnit, values: kept, labels: input.variants, looks: looks, alpha: alpha)
            } catch let error as EngineError {
                throw parsed.error("\(metric): \(error.message)")
            }
            let level = ABTestFormat.percentLevel(1 - alpha)
            var t = SummaryTable([("variant", .string), ("look", .int), ("units_seen", .int), (input.variants[0], .string), ("variant_value", .string),
                                  ("lift (\(level) sequence)", .string), ("p_always_valid", .float)])
            for path in paths {
                for (k, point) in path.enumerated() {
                    t.row([.string(point.treatment), .int(Int64(k + 1)), .int(Int64(point.unitsSeen)),
                           .string(ABTestFormat.value(point.controlValue, kind)), .string(ABTestFormat.value(point.treatmentValue, kind)),
                           .string(ABTestFormat.difference(point.look.estimate, kind) + " "
                                   + ABTestFormat.bracket(point.look.interval) { ABTestFormat.number($0, kind, signed: false) }),
                           .float(point.look.pValue)])
                }
            }
            out.append(.table(t.table, title: "\(metric): sequential test against \(input.variants[0]) at \(looks) looks (mixture SPRT, always-valid \(level) confidence sequences)",
                              showShape: false))
            out.append(.text(reading(paths, control: input.variants[0], kind: kind, alpha: alpha)))
        }
        out.append(.note("τ² (the mixture's spread) is set so each sequence is narrowest at the last look; rows are taken in table order, so sort by time first"))
        return out
    }

    private static func reading(_ paths: [[SequentialPoint]], control: String, kind: MetricKind, alpha: Double) -> String {
        var lines: [String] = []
        for path in paths {
            guard let last = path.last else { continue }
            let first = path.firstIndex { $0.look.pValue < alpha }
            if let first {
                lines.append("\(last.treatment): the sequence excluded zero from look \(first + 1) (\(Format.count(path[first].unitsSeen)) units) on; "
                             + "stopping there would have been valid. At the last look the lift is \(ABTestFormat.difference(last.look.estimate, kind)), "
                             + "always-valid p = \(ABTestFormat.pValue(last.look.pValue)).")
            } else {
                lines.append("\(last.treatment): no look excluded zero (last lift \(ABTestFormat.difference(last.look.estimate, kind)), always-valid "
                             + "p = \(ABTestFormat.pValue(last.look.pValue))); keep collecting or stop for futility — either choice keeps the guarantee.")
            }
        }
        lines.append("These intervals hold at every look at once, so looking often does not inflate false positives; the price is that each is "
                     + "wider than a fixed-sample interval at the same size. They do not make a biased or mis-assigned test trustworthy.")
        return lines.joined(separator: "\n")
    }
}
