extension LinearProgram {
    /// The program for another solver: `objective`, `constraints` (`coefficients`, `relation`
    /// `<=`, `>=` or `=`, `rhs`), `upper_bounds` (`null` for none; every variable is at least 0).
    package var json: JSONValue {
        .object([
            (key: "objective", value: .array(objective.map { .number($0) })),
            (
                key: "constraints",
                value: .array(
                    constraints.map { c in
                        .object([
                            (key: "coefficients", value: .array(c.coefficients.map { .number($0) })),
                            (key: "relation", value: .string(c.relation == .lessOrEqual ? "<=" : c.relation == .greaterOrEqual ? ">=" : "=")),
                            (key: "rhs", value: .number(c.rhs)),
                        ])
                    })
            ),
            (key: "upper_bounds", value: .array(upperBounds.map { $0.map(JSONValue.number) ?? .null })),
        ])
    }
}

extension MixedIntegerProgram {
    /// The program (``LinearProgram/json`` with `integrality`, 1 for a whole variable, as
    /// scipy's `milp` takes it) and, when solved, its optimum `x` and `value`.
    package var programJSON: JSONValue {
        guard case .object(var members) = relaxation.json else { return relaxation.json }
        members.append((key: "integrality", value: .array(integer.map { .integer($0 ? 1 : 0) })))
        return .object(members)
    }

    package func json(_ outcome: Outcome) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [(key: "program", value: programJSON)]
        switch outcome {
        case .optimal(let x, let value):
            members += [(key: "status", value: .string("optimal")), (key: "x", value: .array(x.map { .number($0) })), (key: "value", value: .number(value))]
        case .infeasible: members.append((key: "status", value: .string("infeasible")))
        case .unbounded: members.append((key: "status", value: .string("unbounded")))
        case .incumbent(let x, let value):
            members += [(key: "status", value: .string("incumbent")), (key: "x", value: .array(x.map { .number($0) })), (key: "value", value: .number(value))]
        case .nodeLimit: members.append((key: "status", value: .string("node_limit")))
        }
        return .object(members)
    }
}
