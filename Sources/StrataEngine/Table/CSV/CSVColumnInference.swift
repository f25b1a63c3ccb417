/// A value at which a column's surviving candidate types shrank.
struct CSVTypeTransition: Sendable {
    var line: Int
    /// The value, quoted and shortened for a note.
    let valueText: String
    /// What the value alone looks like ("int", "text", …).
    let valueKind: String
    /// Candidates surviving up to and including this value.
    let after: CSVTypeCandidates
}

/// What pass 1 learns about one column. The candidates only ever shrink, at most once per type,
/// so every shrink is kept: that tells which value turned a column to text, and lets two halves
/// of a file scanned at once be joined exactly as if scanned in order.
struct CSVColumnInference {
    private(set) var candidates: CSVTypeCandidates
    private(set) var sawValue = false
    var missingCount = 0
    var thousandsSeparatorCount = 0
    /// The most places after the decimal point any number in the column was written with.
    private(set) var writtenDecimals = 0
    /// Some number was written in scientific notation (or as infinity): no fixed number of places.
    private(set) var hasUnfixedDecimals = false
    private(set) var transitions: [CSVTypeTransition] = []
    /// The column's values while it still looks like int or float; nil once it cannot be either
    /// (or for forced columns), and pass 2 converts it instead.
    var speculation: CSVNumericSpeculation?

    init(initial: CSVTypeCandidates, speculate: Bool) {
        candidates = initial
        speculation = speculate ? CSVNumericSpeculation() : nil
    }

    /// Records a value; `remaining` is what survives it. `describe` runs only when something
    /// changed, to keep the text of the value for a note.
    @inline(__always)
    mutating func record(remaining: CSVTypeCandidates, line: Int, describe: () -> (text: String, kind: String)) {
        guard !sawValue || remaining != candidates else { return }
        let (text, kind) = describe()
        transitions.append(CSVTypeTransition(line: line, valueText: text, valueKind: kind, after: remaining))
        candidates = remaining
        sawValue = true
    }

    /// Notes the places of a number as written (nil: scientific notation or infinity).
    @inline(__always)
    mutating func noteDecimals(_ places: Int?) {
        if let places { writtenDecimals = max(writtenDecimals, places) } else { hasUnfixedDecimals = true }
    }

    /// The display hint of a float column read with this inference: the decimals its text carries.
    var display: ColumnDisplay {
        hasUnfixedDecimals ? .plain : ColumnDisplay(decimals: writtenDecimals)
    }

    /// Settled as text: nothing more can change but missing counts.
    var isSettledAsText: Bool { sawValue && candidates.isEmpty }

    /// Every number was written in fixed notation, some with more places than a display hint holds
    /// (a tool writing 8187806.363999999): the values themselves may still carry few places.
    var wroteMorePlacesThanAHint: Bool { !hasUnfixedDecimals && writtenDecimals > ColumnDisplay.maxDecimals }

    /// Why a column that held typed values became text, if it did.
    func mixedNote(columnName: String) -> String? {
        guard let index = transitions.firstIndex(where: { $0.after.isEmpty }), index > 0 else { return nil }
        let turn = transitions[index]
        let before = CSVFieldClassifier.kindName(transitions[index - 1].after)
        let what = before == turn.valueKind
            ? "values in different \(before) forms" : "mixed \(before) and \(turn.valueKind) values"
        return "column \(columnName): \(what) (first \(turn.valueKind) value \(turn.valueText) on line \(turn.line)); read as string"
    }

    mutating func shiftLines(by offset: Int) {
        for i in transitions.indices { transitions[i].line += offset }
    }

    /// This column's state followed by that of a later stretch of the same file.
    func followed(by later: CSVColumnInference) -> CSVColumnInference {
        var joined = self
        if let speculation, let laterValues = later.speculation {
            speculation.append(contentsOf: laterValues)
        } else {
            joined.speculation = nil
        }
        joined.missingCount += later.missingCount
        joined.thousandsSeparatorCount += later.thousandsSeparatorCount
        joined.writtenDecimals = max(writtenDecimals, later.writtenDecimals)
        joined.hasUnfixedDecimals = hasUnfixedDecimals || later.hasUnfixedDecimals
        for transition in later.transitions {
            // In order, the survivors after a later value are this stretch's survivors narrowed
            // by the later stretch's survivors up to that value.
            let running = joined.sawValue ? joined.candidates.intersection(transition.after) : transition.after
            guard !joined.sawValue || running != joined.candidates else { continue }
            joined.transitions.append(CSVTypeTransition(
                line: transition.line, valueText: transition.valueText, valueKind: transition.valueKind, after: running))
            joined.candidates = running
            joined.sawValue = true
        }
        return joined
    }

    /// The way pass 2 converts the column.
    func plan(pattern: CSVDatePattern?) -> CSVColumnPlan {
        guard sawValue else { return .string }
        let c = candidates
        if c.contains(.int) { return .int(grouped: false) }
        if c.contains(.float) { return .float(grouped: false) }
        if c.contains(.groupedInt) { return .int(grouped: true) }
        if c.contains(.groupedFloat) { return .float(grouped: true) }
        if c.contains(.isoDate) { return .date(.iso) }
        if c.contains(.usDate) { return .date(.us) }
        if c.contains(.customDate) { return .date(.custom) }
        if c.contains(.isoTimestamp) { return .timestamp(.iso) }
        if c.contains(.usTimestamp) { return .timestamp(.us) }
        if c.contains(.customTimestamp) { return .timestamp(.custom) }
        if c.contains(.bool) { return .bool(acceptDigits: false) }
        return .string
    }
}
