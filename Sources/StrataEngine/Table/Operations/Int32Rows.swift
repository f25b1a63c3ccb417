/// Dense ids and row positions are kept as `Int32` to halve memory traffic in hot loops;
/// this rejects the (unrealistic) tables where that would not fit.
func requireInt32Rows(_ count: Int, _ what: String) throws {
    guard count < Int(Int32.max) else {
        throw EngineError("\(what) supports at most \(Int32.max - 1) rows; this input has \(count)")
    }
}
