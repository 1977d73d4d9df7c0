import WorkforceKit

/// `workforce campaigns import FILE` and `workforce campaigns show`: which district ran which
/// awareness campaign when, for the difference-in-differences of `awareness --compare ... --campaigns`.
enum CampaignCommands {
    static let spec = StoredListCommand.group(
        "campaigns", abstract: "The awareness campaigns each district ran (district,campaign,start,end).", store: importSpec, show: showSpec)

    static let importSpec = CommandSpec(
        name: "import",
        abstract: "Check a campaigns CSV (district,campaign,start,end) and store it in place of the stored list.",
        discussion: """
            district: a district of the awareness form (belize, cayo, corozal, orange_walk,
            stann_creek, toledo); campaign: its name; start and end: dates YYYY-MM-DD, the end on or
            after the start. A row that fails names its line and column, and nothing is stored.
            awareness --compare BASE FOLLOWUP --campaigns compares the districts with a campaign
            between the two waves' fieldwork with the others (difference-in-differences).
            """,
        positionals: [PositionalSpec(name: "file", help: "The campaigns CSV.")],
        run: { invocation in
            let store = try invocation.openStore()
            let url = try invocation.existingInput(invocation.positional(0) ?? "")
            let schedule = try store.importCampaigns(url)
            let districts = Set(schedule.entries.map(\.district)).sorted().joined(separator: ", ")
            invocation.say("Stored \(schedule.entries.count) campaign rows from \(url.lastPathComponent) (districts \(districts)), in place of any stored before.")
        })

    static let showSpec = StoredListCommand.show(abstract: "The stored campaigns.", none: .phrase("commands.campaigns.none")) { store in
        var table = ResultTable(columns: ["district", "campaign", "start", "end", "file", "line"])
        guard let schedule = try store.campaigns() else { return table }
        for e in schedule.entries {
            table.append([.text(e.district), .text(e.campaign), .text(e.start), .text(e.end), .text(schedule.file), .int(e.line)])
        }
        return table
    }
}
