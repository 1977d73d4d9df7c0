/// Disclosure control of employer tables (ESS Handbook on Statistical Disclosure Control,
/// chapter 4: magnitude tables).
///
/// - **Primary**: a cell is sensitive when fewer than 5 responding employers contribute to it, or
///   when its total fails the p% rule with p = 10 on the weighted contributions `x_i = w_i y_i`:
///   `T - x1 - x2 < 0.10 x1`, `x1` and `x2` the two largest (the second largest contributor could
///   estimate the largest to within 10%).
/// - **Secondary**: within every published parent (an area over its roles, a category over its
///   areas, the national total over categories, sectors, districts and size bands) never exactly
///   one suppressed child, so that no suppressed cell is the difference of published ones: the
///   smallest other published child is suppressed too, or the parent when it has no other child;
///   and a suppressed parent whose children are all published (so the sum of its children) gets
///   its smallest child suppressed too.
package enum Disclosure {
    package static let minimumEmployers = 5
    package static let p = 0.10

    /// Whether `contributions` (non-negative weighted values) fail the p% rule.
    package static func failsPPercent<S: Sequence>(_ contributions: S) -> Bool where S.Element == Double {
        var total = 0.0, x1 = 0.0, x2 = 0.0
        for x in contributions where x > 0 {
            total += x
            if x > x1 {
                x2 = x1
                x1 = x
            } else if x > x2 {
                x2 = x
            }
        }
        guard x1 > 0 else { return false }
        return total - x1 - x2 < p * x1
    }

    /// A node of a table hierarchy: its children (indices of other nodes) and its size (the
    /// smallest child is suppressed first).
    package struct Node: Sendable {
        package var children: [Int]
        package var size: Double
        package var suppressed: Bool

        package init(children: [Int] = [], size: Double, suppressed: Bool) {
            self.children = children
            self.size = size
            self.suppressed = suppressed
        }
    }

    /// Adds secondary suppressions to `nodes` until no published parent has exactly one
    /// suppressed child and no suppressed parent has only published children; returns the nodes
    /// suppressed here.
    @discardableResult
    package static func secondary(_ nodes: inout [Node]) -> Set<Int> {
        var added: Set<Int> = []
        var changed = true
        while changed {
            changed = false
            for p in nodes.indices where !nodes[p].children.isEmpty {
                let children = nodes[p].children
                let hidden = children.filter { nodes[$0].suppressed }.count
                let open = children.filter { !nodes[$0].suppressed }.sorted { (nodes[$0].size, $0) < (nodes[$1].size, $1) }
                if !nodes[p].suppressed && hidden == 1 {
                    let target = open.first ?? p
                    nodes[target].suppressed = true
                    added.insert(target)
                    changed = true
                } else if nodes[p].suppressed && hidden == 0, let target = open.first {
                    nodes[target].suppressed = true
                    added.insert(target)
                    changed = true
                }
            }
        }
        return added
    }
}
