/// Values by key, the keys kept in order of first appearance: the report lists groups,
/// rows and agreements in the order the sheets brought them.
struct FirstSeen<Value> {
    private var order: [String] = []
    private var byKey: [String: Value] = [:]

    /// Changes the value of `key`, starting from `initial` when the key is new.
    mutating func update(_ key: String, _ initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        if byKey[key] == nil { order.append(key) }
        change(&byKey[key, default: initial()])
    }

    /// The keys and values in order of first appearance.
    var entries: [(key: String, value: Value)] { order.compactMap { key in byKey[key].map { (key, $0) } } }

    var values: [Value] { entries.map(\.value) }
}
