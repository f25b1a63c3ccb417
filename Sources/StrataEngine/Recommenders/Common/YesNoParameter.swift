extension ParameterValue {
    /// A switch as the command language writes it: yes or no.
    static func yesNo(_ name: String, _ value: Bool, default defaultValue: Bool?) -> ParameterValue {
        ParameterValue(name, value ? "yes" : "no", default: defaultValue.map { $0 ? "yes" : "no" })
    }
}
