/// What a column knows about how its values are best shown; computations never read it.
///
/// It is set where the knowledge arises and carried by the operations that keep the values'
/// nature: the CSV reader knows how many decimals a column was written with (`19.99` has two);
/// a sum or a count knows its values are totals. Row selection, sorting, joins and the aggregates
/// that return input values (`min`, `max`, `first`, `last`) and `sum` keep it, and so do
/// expressions that can be worked out from it (`quantity * unit_price` has the decimals of
/// its factors added, `a + b` the more of the two). A renderer uses it so that a total of
/// prices keeps its cents (46,075.99, not 46,076.0) and a count reads 3,744 like the other
/// totals.
public struct ColumnDisplay: Sendable, Equatable, Hashable {
    /// Places after the decimal point the values carry: the most any value was written with.
    /// nil when unknown, or when values were written with more than `maxDecimals` places or in
    /// scientific notation (measurements rather than amounts, shown to significant digits).
    public var decimals: Int?
    /// The values are counts or sums: digits are grouped in threes from 1,000 on, where a plain
    /// number column waits for 10,000 so that years read `2011`.
    public var isTotal: Bool
    /// The values are estimated figures (coefficients, importances) whose size varies by orders of
    /// magnitude within a column: a value too small for the column's places to show two significant
    /// digits of it is shown on its own to significant digits (-0.00006 reads -6e-05, not -0.0001).
    public var significantWhenSmall: Bool

    /// The most places a `decimals` hint may hold; more than this and the column is treated as
    /// measured data, shown to significant digits.
    public static let maxDecimals = 4

    public init(decimals: Int? = nil, isTotal: Bool = false, significantWhenSmall: Bool = false) {
        self.decimals = decimals.flatMap { (0...Self.maxDecimals).contains($0) ? $0 : nil }
        self.isTotal = isTotal
        self.significantWhenSmall = significantWhenSmall
    }

    public static let plain = ColumnDisplay()

    /// The same decimals, marked as a total (a sum keeps the decimals of what it adds up).
    public var asTotal: ColumnDisplay { ColumnDisplay(decimals: decimals, isTotal: true, significantWhenSmall: significantWhenSmall) }

    /// Decimals of `a + b` or `a - b`: exact with the more places of the two.
    public static func sumDecimals(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return max(a, b)
    }

    /// Decimals of `a * b`: exact with the places of the two added (nil past `maxDecimals`).
    public static func productDecimals(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b, a + b <= maxDecimals else { return nil }
        return a + b
    }
}
