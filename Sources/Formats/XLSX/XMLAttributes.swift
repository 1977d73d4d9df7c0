/// The attributes of one start tag, by local name, in the order written.
///
/// A tag has a handful of attributes, so a look-up is a scan of a small array: cheaper than a
/// dictionary, which would hash every name of every cell of a worksheet. A name written twice
/// keeps its last value, as a dictionary would. Two sets are equal when they hold the same
/// names with the same values, whatever their order.
struct XMLAttributes: Equatable, ExpressibleByDictionaryLiteral {
    private var pairs: [(name: String, value: String)] = []

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    var count: Int { pairs.count }
    var isEmpty: Bool { pairs.isEmpty }

    subscript(name: String) -> String? {
        get {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
        set {
            if let i = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                if pairs.isEmpty { pairs.reserveCapacity(4) }
                pairs.append((name, newValue))
            }
        }
    }

    static func == (a: XMLAttributes, b: XMLAttributes) -> Bool {
        a.count == b.count && a.pairs.allSatisfy { b[$0.name] == $0.value }
    }
}
