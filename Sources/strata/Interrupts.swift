import CInterrupts
import StrataSession

/// Ctrl-C, SIGTERM and SIGHUP. The flag and the saved terminal modes live in the CInterrupts C
/// target, once per process, whichever Swift code (or inlined copy of it) reads them.
enum Interrupts {
    /// Saves the terminal modes and installs the handlers; call once, before the line editor starts.
    static func install() {
        _ = strata_install_signal_handlers()
    }

    /// Whether Ctrl-C was pressed since the last `reset()`.
    static var isRequested: Bool { strata_interrupt_requested() != 0 }

    /// Forgets earlier Ctrl-C presses; call right before a command starts.
    static func reset() { strata_clear_interrupt() }

    /// The probe the engine polls while a command runs.
    static let cancellation = Cancellation { strata_interrupt_requested() != 0 }

    /// Stops the process like a shell job (Ctrl-Z at the prompt) and returns when it is continued.
    static func suspend() { strata_suspend() }

    /// Puts the terminal back as it was at start-up.
    static func restoreTerminal() { strata_restore_terminal() }
}
