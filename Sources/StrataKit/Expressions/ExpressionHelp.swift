/// Reference text for `help` and generated docs, built from the same tables the parser and
/// checker use, so the documentation cannot list a function that does not exist.
public enum ExpressionHelp {
    /// One line per row-wise function: usage, then what it does.
    public static var functions: String {
        let sigs = ScalarFunction.allCases.map(\.signature)
        let width = sigs.map(\.usage.count).max() ?? 0
        return sigs.map { $0.usage.padding(to: width) + "  " + $0.summary }.joined(separator: "\n")
    }

    /// One line per aggregate, for `group … agg`.
    public static var aggregates: String {
        let rows = AggregateFunction.allCases.map { f in
            (f == .count ? "count() / count(x)" : "\(f.rawValue)(x)", f.summary)
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(to: width) + "  " + $0.1 }.joined(separator: "\n")
    }

    public static let rules = """
    Operators, loosest first: or; and; not; comparisons (= or ==, != or <>, <, <=, >, >=,
    x in (…), x not in (…), x is [not] missing, x [not] between a and b); + -; * / %; unary -.
    Comparisons don't chain: write a < b and b < c.
    Values: 42, 3.5, 1e-3, "text" or 'text', 2011-12-09 (date), 2011-12-09T10:30 (timestamp),
    true/false (or yes/no), missing. Columns by name, as table.column, or in backquotes when the
    name is not a plain word: `Age Group`, `a``b` for a name holding a backquote (col("…") works too).
    Types: int op int stays int for + - * %; / always gives a float; int and float mix as float.
    date ± n moves n days; date − date gives days; a date compared with a timestamp means midnight.
    Text compares in Unicode order; "a" + "b" joins text.
    Missing values: arithmetic and comparisons with a missing value give missing; and/or follow
    SQL (false and missing = false, true or missing = true); is missing is never missing;
    filter drops rows where the condition is missing. Division by zero, integer overflow, log or
    sqrt out of domain, and unreadable text give missing values and a warning with the row count.
    round(x, d) rounds half away from zero.
    """

    public static var reference: String {
        rules + "\n\nFunctions:\n" + functions + "\n\nAggregates (only in group … agg):\n" + aggregates
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
