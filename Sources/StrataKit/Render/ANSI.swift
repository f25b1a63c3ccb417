/// The two SGR attributes the renderers use. Bold and dim share one "normal intensity" off code
/// (22), so a styled run never resets attributes the surrounding text set.
package enum TextEmphasis: Sendable {
    case plain
    case bold
    case dim

    package func apply(_ text: String, color: Bool) -> String {
        guard color, !text.isEmpty else { return text }
        switch self {
        case .plain: return text
        case .bold: return "\u{1B}[1m" + text + "\u{1B}[22m"
        case .dim: return "\u{1B}[2m" + text + "\u{1B}[22m"
        }
    }
}
