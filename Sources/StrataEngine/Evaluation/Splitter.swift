/// Seeded train/test splits of an interaction table.
public enum Splitter {
    public static func split(_ table: Table, columns: SplitColumns, method: SplitMethod, seed: UInt64,
                             context: RunContext) throws -> TableSplit {
        try validate(method)
        let userColumn = try Interactions.requireColumn(table, columns.user, role: "user")
        let itemColumn = try Interactions.requireColumn(table, columns.item, role: "item")
        guard table.rowCount > 0 else { throw EngineError("the table has no rows to split") }
        let users = try DenseKeyEncoder.encode(userColumn, missing: .excluded, context: context)
        let items = try DenseKeyEncoder.encode(itemColumn, missing: .excluded, context: context)
        let pairs = try DenseKeyEncoder.combine(users, items, context: context)
        var times: [Int64]? = nil
        if method.needsTime {
            guard let name = columns.time else {
                throw EngineError("this split needs a time column", suggestion: "name it with time=COLUMN")
            }
            times = try rowTimes(table, name)
        }
        let pairUser = pairs.firstRow.map { Int(users.ids[$0]) }
        var g = SeededGenerator(seed: seed)
        var isTestRow = [Bool](repeating: false, count: table.rowCount)
        switch method {
        case .temporal(let cutoff):
            let t = times ?? []
            for i in 0..<table.rowCount where pairs.ids[i] >= 0 { isTestRow[i] = t[i] >= cutoff }
        default:
            let testPair = try choosePairs(method, pairs: pairs, pairUser: pairUser, userCount: users.count,
                                           times: times, generator: &g, context: context)
            for i in 0..<table.rowCount where pairs.ids[i] >= 0 { isTestRow[i] = testPair[Int(pairs.ids[i])] }
        }
        return tally(isTestRow: isTestRow, pairs: pairs, users: users, items: items, method: method, seed: seed)
    }

    private static func validate(_ method: SplitMethod) throws {
        func fraction(_ f: Double) throws {
            guard f > 0, f < 1 else { throw EngineError("test fraction \(shortNumber(f)) is not between 0 and 1", suggestion: "e.g. test=0.2") }
        }
        switch method {
        case .interaction(let f), .perUser(let f): try fraction(f)
        case .lastN(let n): guard n >= 1 else { throw EngineError("last=\(n): hold out at least one interaction per user") }
        case .temporal: break
        case .userFold(let k, let fold, let f):
            try fraction(f)
            guard k >= 2 else { throw EngineError("folds=\(k): k-fold needs at least 2 folds") }
            guard fold >= 1, fold <= k else { throw EngineError("fold=\(fold) is not among folds 1…\(k)") }
        }
    }

    /// Which pairs go to test, for the pair-level methods.
    private static func choosePairs(_ method: SplitMethod, pairs: DenseKeys, pairUser: [Int], userCount: Int,
                                    times: [Int64]?, generator g: inout SeededGenerator,
                                    context: RunContext) throws -> [Bool] {
        let n = pairs.count
        var test = [Bool](repeating: false, count: n)
        switch method {
        case .interaction(let f):
            let count = Int((f * Double(n)).rounded())
            for p in g.sampleIndices(count: count, from: n) { test[p] = true }
        case .perUser(let f):
            let keys = (0..<n).map { _ in g.nextDouble() }
            holdOutSmallestKeys(keys, fraction: f, pairUser: pairUser, userCount: userCount, among: nil, into: &test)
        case .userFold(let k, let fold, let f):
            var order = Array(0..<userCount)
            g.shuffle(&order)
            var inFold = [Bool](repeating: false, count: userCount)
            for (position, user) in order.enumerated() where position * k / max(userCount, 1) == fold - 1 {
                inFold[user] = true
            }
            let keys = (0..<n).map { _ in g.nextDouble() }
            holdOutSmallestKeys(keys, fraction: f, pairUser: pairUser, userCount: userCount, among: inFold, into: &test)
        case .lastN(let count):
            let t = times ?? []
            // A pair's time is its latest row's; equal times go to the pair whose last row comes later.
            var pairTime = [Int64](repeating: .min, count: n)
            var pairLastRow = [Int](repeating: -1, count: n)
            for i in 0..<pairs.ids.count where pairs.ids[i] >= 0 {
                let p = Int(pairs.ids[i])
                pairTime[p] = max(pairTime[p], t[i])
                pairLastRow[p] = i
            }
            for group in byUser(pairUser, userCount: userCount) where group.count > count {
                let latest = group.sorted { (pairTime[$0], pairLastRow[$0]) > (pairTime[$1], pairLastRow[$1]) }
                for p in latest.prefix(count) { test[p] = true }
            }
        case .temporal:
            break
        }
        try context.cancellation.check()
        return test
    }

    /// Per user, the floor(f·n_u + 0.5) pairs with the smallest keys.
    private static func holdOutSmallestKeys(_ keys: [Double], fraction f: Double, pairUser: [Int], userCount: Int,
                                            among users: [Bool]?, into test: inout [Bool]) {
        for group in byUser(pairUser, userCount: userCount) {
            guard let first = group.first, users?[pairUser[first]] ?? true else { continue }
            let holdOut = Int((f * Double(group.count) + 0.5).rounded(.down))
            guard holdOut > 0 else { continue }
            let sorted = group.sorted { (keys[$0], $0) < (keys[$1], $1) }
            for p in sorted.prefix(holdOut) { test[p] = true }
        }
    }

    /// Pair indices grouped by user (counting sort), each group in pair order.
    private static func byUser(_ pairUser: [Int], userCount: Int) -> [ArraySlice<Int>] {
        var start = [Int](repeating: 0, count: userCount + 1)
        for u in pairUser { start[u + 1] += 1 }
        for u in 0..<userCount { start[u + 1] += start[u] }
        var cursor = start
        var grouped = [Int](repeating: 0, count: pairUser.count)
        for (p, u) in pairUser.enumerated() {
            grouped[cursor[u]] = p
            cursor[u] += 1
        }
        return (0..<userCount).map { grouped[start[$0]..<start[$0 + 1]] }
    }

    static func rowTimes(_ table: Table, _ name: String) throws -> [Int64] {
        let column = try Interactions.requireColumn(table, name, role: "time")
        let seconds: [Int64]
        switch column.data {
        case .timestamp(let v), .int(let v): seconds = v
        case .date(let v): seconds = v.map { $0 &* 86_400 }
        default:
            throw EngineError("time column '\(name)' holds \(column.type.rawValue) values",
                              suggestion: "use a timestamp, date or integer-seconds column")
        }
        let missing = column.missing.missingCount()
        if missing > 0 {
            throw EngineError("\(missing) rows have no time in '\(name)'", suggestion: "filter them out first (filter … where \(name) is not missing)")
        }
        return seconds
    }

    private static func tally(isTestRow: [Bool], pairs: DenseKeys, users: DenseKeys, items: DenseKeys,
                              method: SplitMethod, seed: UInt64) -> TableSplit {
        var trainRows: [Int] = [], testRows: [Int] = []
        var userIn = [UInt8](repeating: 0, count: users.count)   // bit 1: train, bit 2: test
        var itemIn = [UInt8](repeating: 0, count: items.count)
        var leftOut = 0
        for i in 0..<isTestRow.count {
            guard pairs.ids[i] >= 0 else { leftOut += 1; continue }
            let bit: UInt8 = isTestRow[i] ? 2 : 1
            if isTestRow[i] { testRows.append(i) } else { trainRows.append(i) }
            userIn[Int(users.ids[i])] |= bit
            itemIn[Int(items.ids[i])] |= bit
        }
        func count(_ flags: [UInt8], _ test: (UInt8) -> Bool) -> Int { flags.reduce(0) { $0 + (test($1) ? 1 : 0) } }
        return TableSplit(
            method: method, seed: seed, trainRows: trainRows, testRows: testRows, rowsLeftOut: leftOut,
            trainUsers: count(userIn) { $0 & 1 != 0 }, trainItems: count(itemIn) { $0 & 1 != 0 },
            testUsers: count(userIn) { $0 & 2 != 0 }, testItems: count(itemIn) { $0 & 2 != 0 },
            testUsersAbsentFromTraining: count(userIn) { $0 == 2 },
            testItemsAbsentFromTraining: count(itemIn) { $0 == 2 })
    }
}
