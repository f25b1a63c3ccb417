import Foundation

/// `_strata_manifest.json`, which an exported Spark job writes beside its output tables: what
/// each table is, its key columns and how closely it must match the local result.
/// `{"tables": [{"name": …, "keys": [...], "kind": "table"|"aggregate"|"model_quality", "tolerance": …}]}`
public struct SparkManifest: Sendable, Decodable, Equatable {
    public static let fileName = "_strata_manifest.json"

    public enum Kind: String, Sendable, Decodable, Equatable {
        case table
        case aggregate
        case modelQuality = "model_quality"
    }

    /// What may be compared at all (by default, what the kind implies).
    public enum Compare: String, Sendable, Decodable, Equatable {
        /// Row count, keys and values.
        case values
        /// Only the row count: the rows come from another random draw (Spark's split, k-means labels).
        case rowCount = "row_count"
        /// Each metric's value (a model_quality table).
        case metrics
    }

    public struct Entry: Sendable, Decodable, Equatable {
        public let name: String
        /// Columns that identify a row; none means rows are matched after sorting.
        public let keys: [String]
        public let kind: Kind
        public let compare: Compare
        /// nil: the strict default (`Tolerance.exactish`).
        public let tolerance: Tolerance?
        /// Why the tolerance or the comparison is what it is, shown under the report.
        public let note: String?

        enum CodingKeys: String, CodingKey { case name, keys, kind, compare, tolerance, tolerance_type, note }

        public init(name: String, keys: [String], kind: Kind, compare: Compare? = nil, tolerance: Tolerance?, note: String? = nil) {
            self.name = name
            self.keys = keys
            self.kind = kind
            self.compare = compare ?? (kind == .modelQuality ? .metrics : .values)
            self.tolerance = tolerance
            self.note = note
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            keys = try c.decodeIfPresent([String].self, forKey: .keys) ?? []
            kind = try c.decode(Kind.self, forKey: .kind)
            compare = try c.decodeIfPresent(Compare.self, forKey: .compare) ?? (kind == .modelQuality ? .metrics : .values)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            // "tolerance": 0.02 with "tolerance_type": "absolute" is the same as {"absolute": 0.02}.
            switch try c.decodeIfPresent(String.self, forKey: .tolerance_type) {
            case nil, "relative": tolerance = try c.decodeIfPresent(Tolerance.self, forKey: .tolerance)
            case "absolute": tolerance = try c.decodeIfPresent(Double.self, forKey: .tolerance).map { Tolerance(absolute: $0) }
            case let other?:
                throw DecodingError.dataCorruptedError(forKey: .tolerance_type, in: c,
                                                       debugDescription: "tolerance_type \(other)")
            }
        }
    }

    public let tables: [Entry]

    public init(tables: [Entry]) { self.tables = tables }

    /// Reads `FOLDER/_strata_manifest.json`.
    public static func read(folder: String) throws(SparkCheckError) -> SparkManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            let why = FileManager.default.fileExists(atPath: folder) ? "it has no \(fileName)" : "no such folder"
            throw SparkCheckError("\(folder): not a Spark job's output (\(why))",
                                  suggestion: "run the job exported by 'strata export spark' with --output \(folder)")
        }
        do {
            return try JSONDecoder().decode(SparkManifest.self, from: data)
        } catch {
            throw SparkCheckError("\(path): not a valid manifest (\(Self.describe(error)))",
                                  suggestion: "expected {\"tables\": [{\"name\", \"keys\", \"kind\", \"tolerance\"}]}")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let c):
            switch c.codingPath.last?.stringValue {
            case "kind": return "kind must be table, aggregate or model_quality"
            case "compare": return "compare must be values, row_count or metrics"
            case "tolerance_type": return "tolerance_type must be relative or absolute"
            default: break
            }
            return c.codingPath.isEmpty ? "not JSON" : "bad value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}

/// How far a Spark figure may be from the local one: |spark − local| ≤ max(absolute,
/// relative × max(|spark|, |local|)). In the manifest a bare number is a relative tolerance;
/// `{"relative": r, "absolute": a}` gives either or both.
public struct Tolerance: Sendable, Decodable, Equatable, CustomStringConvertible {
    public let relative: Double
    public let absolute: Double

    /// Aggregates and tables: equal up to floating-point summation order.
    public static let exactish = Tolerance(relative: 1e-9, absolute: 0)

    public init(relative: Double = 0, absolute: Double = 0) {
        self.relative = relative
        self.absolute = absolute
    }

    enum CodingKeys: String, CodingKey { case relative, absolute }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let r = try? single.decode(Double.self) {
            self.init(relative: r)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(relative: try c.decodeIfPresent(Double.self, forKey: .relative) ?? 0,
                  absolute: try c.decodeIfPresent(Double.self, forKey: .absolute) ?? 0)
    }

    /// Missing on both sides counts as equal; missing on one side does not.
    public func accepts(_ local: Double?, _ spark: Double?) -> Bool {
        guard let local, let spark else { return local == nil && spark == nil }
        if local.isNaN || spark.isNaN { return local.isNaN && spark.isNaN }
        if local == spark { return true }
        return abs(spark - local) <= max(absolute, relative * max(abs(spark), abs(local)))
    }

    public var description: String {
        switch (relative, absolute) {
        case (0, 0): return "exact"
        case (_, 0): return "\(relative) rel."
        case (0, _): return "\(absolute) abs."
        default: return "\(relative) rel. or \(absolute) abs."
        }
    }
}

/// Why the comparison could not be made at all, with what to do about it.
public struct SparkCheckError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { message + (suggestion.map { " (\($0))" } ?? "") }
}
