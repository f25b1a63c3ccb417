/// An error whose text is meant for the person at the prompt: it says what was wrong and where,
/// and offers a fix when one is obvious. Every error the engine throws on bad input conforms.
public protocol UserFacingError: Error, Sendable {
    var message: String { get }
    var suggestion: String? { get }
}

/// The general engine error for invalid arguments or data.
public struct EngineError: UserFacingError, CustomStringConvertible {
    public let message: String
    public let suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { suggestion.map { "\(message) (\($0))" } ?? message }
}
