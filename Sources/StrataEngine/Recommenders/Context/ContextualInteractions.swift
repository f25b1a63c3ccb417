/// One training row in its context: dense user and item of the interactions, a device index (−1
/// when missing) and an hour band (nil when missing).
public struct ContextRow: Sendable, Equatable {
    public let user: Int32
    public let item: Int32
    public let device: Int32
    public let band: HourBand?

    public init(user: Int32, item: Int32, device: Int32, band: HourBand?) {
        self.user = user
        self.item = item
        self.device = device
        self.band = band
    }
}

/// Interactions with the context of each training row kept: the training data of contextual
/// post-filtering and of the factorisation machine.
public struct ContextualInteractions: Sendable {
    public let interactions: Interactions
    public let vocabulary: ContextVocabulary
    /// Rows whose (user, item) pair is in `interactions`, in table order.
    public let rows: [ContextRow]
    public let deviceColumn: String?
    public let hourColumn: String?

    public init(interactions: Interactions, vocabulary: ContextVocabulary, rows: [ContextRow],
                deviceColumn: String?, hourColumn: String?) {
        self.interactions = interactions
        self.vocabulary = vocabulary
        self.rows = rows
        self.deviceColumn = deviceColumn
        self.hourColumn = hourColumn
    }

    /// Reads each row's context from `table`, the table `interactions` was built from. The device
    /// column holds any values (compared as text); the hour column holds hours 0–23 or timestamps
    /// (their hour of the day). Rows outside the interactions (left out when they were built) are
    /// skipped. At least one of the two columns must be given.
    public static func build(table: Table, interactions: Interactions, userColumn: String, itemColumn: String,
                             deviceColumn: String?, hourColumn: String?, context: RunContext) throws -> ContextualInteractions {
        guard deviceColumn != nil || hourColumn != nil else {
            throw EngineError("no context column: a context-aware model needs a device or an hour column",
                              suggestion: "name them with device=COLUMN and hour=COLUMN")
        }
        let users = try Interactions.requireColumn(table, userColumn, role: "user")
        let items = try Interactions.requireColumn(table, itemColumn, role: "item")
        let device = try deviceColumn.map { try Interactions.requireColumn(table, $0, role: "device") }
        let hours = try hourColumn.map { try hoursOfDay(table, $0) }
        var deviceNames: [String] = []
        var deviceCode: [String: Int32] = [:]
        var raw: [(user: Int32, item: Int32, device: String?, band: HourBand?)] = []
        raw.reserveCapacity(table.rowCount)
        var bandsSeen = Set<Int>()
        for r in 0..<table.rowCount {
            if r & 0xFFFF == 0 { try context.cancellation.check() }
            guard !users.isMissing(r), !items.isMissing(r),
                  let u = interactions.userIndex(IdEncoder.idText(users, row: r)),
                  let i = interactions.itemIndex(IdEncoder.idText(items, row: r)),
                  interactions.byUser.value(row: u, column: i) != nil else { continue }
            var name: String?
            if let device, !device.isMissing(r) {
                let text = IdEncoder.idText(device, row: r)
                if deviceCode[text] == nil { deviceCode[text] = 0; deviceNames.append(text) }
                name = text
            }
            let band = hours?[r].flatMap { HourBand(hour: $0) }
            if let band { bandsSeen.insert(band.rawValue) }
            raw.append((Int32(u), Int32(i), name, band))
        }
        guard !raw.isEmpty else { throw EngineError("no training row could be matched to the interactions") }
        deviceNames.sort()
        for (k, name) in deviceNames.enumerated() { deviceCode[name] = Int32(k) }
        let rows = raw.map { ContextRow(user: $0.user, item: $0.item, device: $0.device.flatMap { deviceCode[$0] } ?? -1, band: $0.band) }
        let vocabulary = ContextVocabulary(devices: deviceNames,
                                           bands: HourBand.allCases.filter { bandsSeen.contains($0.rawValue) })
        return ContextualInteractions(interactions: interactions, vocabulary: vocabulary, rows: rows,
                                      deviceColumn: deviceColumn, hourColumn: hourColumn)
    }

    /// Hour of the day per row (nil where missing); an integer column must hold 0–23.
    public static func hoursOfDay(_ table: Table, _ name: String) throws -> [Int?] {
        let column = try Interactions.requireColumn(table, name, role: "hour")
        switch column.data {
        case .int(let v):
            var out = [Int?](repeating: nil, count: v.count)
            for r in v.indices where !column.isMissing(r) {
                guard (0...23).contains(v[r]) else {
                    throw EngineError("hour column '\(name)' has \(v[r]) in row \(r + 1), outside 0–23",
                                      suggestion: "give hours of the day 0–23, or a timestamp column")
                }
                out[r] = Int(v[r])
            }
            return out
        case .timestamp(let v):
            return v.indices.map { column.isMissing($0) ? nil : Int(((v[$0] % 86_400) + 86_400) % 86_400 / 3_600) }
        default:
            throw EngineError("hour column '\(name)' holds \(column.type.rawValue) values",
                              suggestion: "give whole hours 0–23, or a timestamp column")
        }
    }
}
