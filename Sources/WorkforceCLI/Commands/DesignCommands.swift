import WorkforceKit

/// `workforce design set` and `workforce design show`: the sample design stored with each
/// awareness wave, which every awareness figure uses unless told otherwise.
enum DesignCommands {
    static let spec = StoredListCommand.group(
        "design", abstract: "The sample design stored with each awareness wave (strata and clusters).", store: setSpec, show: showSpec)

    static let setSpec = CommandSpec(
        name: "set",
        abstract: "Store a wave's design: --strata and --cluster, or --srs (simple random sampling).",
        discussion: """
            `workforce import awareness` records the design when the form has an enumeration_area
            question: strata district x urban, clusters enumeration_area. This replaces it: the
            strata are crossed answers of district, sex, age, urban or language, the cluster the
            question holding each respondent's primary sampling unit; --srs stores simple random
            sampling (figures on a clustered wave then carry a banner). awareness, report and
            responses awareness --weights use the stored design unless --strata/--cluster or --srs
            are given to them.
            """,
        options: [Options.wave.spec, AwarenessCommands.strata.spec, AwarenessCommands.cluster.spec, AwarenessCommands.srs],
        run: { invocation in
            guard let wave = invocation[Options.wave] else { throw WorkforceError.usage("give --wave W: the awareness wave whose design to store") }
            _ = try Wave(wave)
            let given = try AwarenessCommands.designOptions(invocation)
            guard given.srs || !given.strata.isEmpty || given.cluster != nil else {
                throw WorkforceError.usage("give --strata and/or --cluster, or --srs for simple random sampling")
            }
            let store = try invocation.openStore()
            let design = try store.setAwarenessDesign(wave: wave, strata: given.strata, cluster: given.cluster, by: "design set")
            invocation.say("Stored the design of wave \(wave): \(words(design)); awareness figures of the wave now use it.")
        })

    static let showSpec = StoredListCommand.show(abstract: "The design stored with each awareness wave.", none: .phrase("commands.design.none")) { store in
        try store.awarenessDesigns()
    }

    static func words(_ design: AwarenessDesign) -> String { design.summaryPhrase.text(.en) }
}
