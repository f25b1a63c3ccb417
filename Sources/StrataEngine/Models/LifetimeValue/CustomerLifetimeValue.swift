import Foundation

/// Discounted lifetime value over a horizon of months, as lifetimes' `customer_lifetime_value`
/// (freq="D") computes it: months are 30 days; month i adds the expected repeat purchases between
/// day 30(i−1) and day 30i, times the expected spend per purchase, discounted by (1 + d)^i.
public enum CustomerLifetimeValue {
    public static let daysPerMonth = 30.0

    public static func value(purchases: BetaGeoModel, averageSpend: Double, months: Int, monthlyDiscount d: Double,
                             frequency x: Double, recency: Double, T: Double) throws -> Double {
        var total = 0.0
        var before = 0.0
        for month in 0..<max(0, months) {
            let i = Double(month + 1)
            let upTo = try purchases.expectedPurchases(days: i * daysPerMonth, frequency: x, recency: recency, T: T)
            total += averageSpend * (upTo - before) / pow(1 + d, i)
            before = upTo
        }
        return total
    }
}
