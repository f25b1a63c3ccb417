/// One reason in an explanation, e.g. "similar to ⟨item 12⟩ (0.41) rated 5". Items and users are
/// kept as dense indices of the model's training data, so the command layer names them (by id, or
/// by a title from an item table) without searching the text.
///
/// Models write reasons as string interpolations: `"similar to \(item: j) (\(s))"`.
public struct Reason: Sendable, Equatable, ExpressibleByStringInterpolation {
    public enum Part: Sendable, Equatable {
        case text(String)
        case item(Int)
        case user(Int)
    }

    public private(set) var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    public init(stringLiteral value: String) { parts = [.text(value)] }

    /// Plain text, naming no item or user.
    public init(_ text: String) { parts = [.text(text)] }

    public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { appendText(literal) }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { appendText(value.description) }

        public mutating func appendInterpolation(item: Int) { parts.append(.item(item)) }

        public mutating func appendInterpolation(user: Int) { parts.append(.user(user)) }

        /// Another reason inside this one (a hybrid prefixing its component's name).
        public mutating func appendInterpolation(_ reason: Reason) {
            for part in reason.parts {
                if case .text(let t) = part { appendText(t) } else { parts.append(part) }
            }
        }

        private mutating func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = parts.last {
                parts[parts.count - 1] = .text(previous + text)
            } else {
                parts.append(.text(text))
            }
        }
    }

    /// The two reasons one after the other.
    public static func + (lhs: Reason, rhs: Reason) -> Reason { "\(lhs)\(rhs)" }

    /// The items the reason refers to, in order.
    public var items: [Int] {
        parts.compactMap { if case .item(let i) = $0 { return i } else { return nil } }
    }

    /// The reason as text, items and users named by the given functions.
    public func text(item: (Int) -> String, user: (Int) -> String) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .item(let i): out += item(i)
            case .user(let u): out += user(u)
            }
        }
        return out
    }

    /// The reason with items and users named by their ids in `training` (indices out of range as `#index`).
    public func text(ids training: Interactions) -> String {
        text(item: { training.itemIds.indices.contains($0) ? training.itemIds[$0] : "#\($0)" },
             user: { training.userIds.indices.contains($0) ? training.userIds[$0] : "#\($0)" })
    }
}
