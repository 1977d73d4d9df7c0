import Testing
@testable import WorkforceKit

@Suite struct ResultTableTests {
    private let table = ResultTable(
        columns: ["id", "n", "share", "ok", "note"],
        rows: [[.text("A|1"), .int(3), .double(0.5), .bool(true), .null], [.text("=cmd()"), .int(-2), .double(2), .bool(false), .text("x")]])

    @Test func jsonHasRowsWithTypedValues() throws {
        let json = try JSONParser.parse(Array(table.rendered(as: .json).utf8), name: "out")
        let rows = try #require(json["rows"]?.array)
        #expect(rows.count == 2)
        #expect(rows[0]["n"] == .integer(3))
        #expect(rows[0]["share"] == .number(0.5))
        #expect(rows[0]["ok"] == .bool(true))
        #expect(rows[0]["note"] == .null)
        #expect(rows[1]["share"] == .integer(2))
    }

    @Test func csvNeutralisesFormulasButNotNegativeNumbers() {
        #expect(table.rendered(as: .csv) == "id,n,share,ok,note\r\nA|1,3,0.5,true,\r\n'=cmd(),-2,2,false,x\r\n")
    }

    @Test func markdownEscapesPipesAndShowsCellsForReaders() {
        // Headers in words, an id as code, a share as a percentage, a flag as yes or no.
        #expect(table.rendered(as: .md).contains("| Id | Respondents | Share | ok | note |\n| --- | ---: | ---: | --- | --- |\n"))
        #expect(table.rendered(as: .md).contains("| `A\\|1` | 3 | 50.0% | yes |  |"))
    }

    @Test func textTableAlignsAndCounts() {
        let text = table.rendered(as: .table)
        #expect(text.hasPrefix("Id      Respondents  Share   ok   note\n"))
        #expect(text.contains("=cmd()  -2           200.0%  no   x\n"))
        #expect(text.hasSuffix("(2 rows)\n"))
    }

    @Test func csvWritesEachKindWithItsPrecision() {
        var t = ResultTable(columns: ["employed", "share", "p_value", "deff", "n", "name"])
        t.append([.double(129.42142857142863), .double(0.48484848484848486), .double(3.2e-7), .double(1.000513874614594), .double(12), .double(51.599999999999994)])
        t.append([.double(-0.001), .double(1), .double(0.04123456), .double(2), .int(7), .text("x")])
        #expect(t.rendered(as: .csv) == "employed,share,p_value,deff,n,name\r\n129.42,0.4848,3.2e-07,1.0005,12,51.6\r\n0,1,0.04123,2,7,x\r\n")
        // JSON keeps full precision.
        #expect(t.rendered(as: .json).contains("129.42142857142863"))
    }

    @Test func anEstimateAndItsIntervalShareOneCellForReaders() {
        var t = ResultTable(columns: ["role_id", "demand", "demand_ci_low", "demand_ci_high", "status", "respondents"])
        t.append([.text("OM-ADM-001"), .double(42.4), .double(0), .double(125.2), .text("published"), .int(9)])
        t.append([.text("OV-TEA-001"), .null, .null, .null, .text("suppressed"), .int(3)])
        t.append([.text("OV-TEA-002"), .null, .null, .null, .text("suppressed"), .int(6)])
        let reader = t.forReaders()
        #expect(reader.headers == ["Work role", "Openings (95% CI)", "Status", "Respondents"])
        #expect(reader.rows[0] == ["OM-ADM-001", "42 (95% CI 0 to 125)", "published", "9"])
        #expect(reader.rows[1][2] == "withheld: fewer than 5 employers")
        #expect(reader.rows[2][2] == "withheld: disclosure control (p% rule or protecting another cell)")
        #expect(t.forReaders("es").headers[1] == "Vacantes previstas (IC 95%)")
    }

    @Test func theQualityGradeSitsBesideTheFigures() {
        var t = ResultTable(columns: ["role_id", "status", "demand", "respondents", "quality"])
        t.append([.text("OM-ADM-001"), .text("published"), .double(42.4), .int(9), .text("C")])
        #expect(t.forReaders().headers == ["Work role", "Status", "Quality grade", "Openings", "Respondents"])
        #expect(t.forReaders().rows[0] == ["OM-ADM-001", "published", "C", "42", "9"])
        // Machines keep the order.
        #expect(t.rendered(as: .csv).hasPrefix("role_id,status,demand,respondents,quality\r\n"))
    }

    @Test func unreliableAndDominatedRowsKeepTheirFiguresForMachinesOnly() {
        var t = ResultTable(columns: ["role_id", "status", "reason", "demand", "demand_se", "demand_ci_low", "demand_ci_high", "demand_cv", "respondents", "quality", "largest_share"])
        t.append([.text("A"), .text("unreliable"), .text("grade F: coefficient of variation 46.0%, over 33.3%"), .double(85), .double(39.1), .double(8.4), .double(161.6), .double(0.46), .int(12), .text("F"), .double(0.3)])
        t.append([.text("B"), .text("dominated"), .text("one employer gives 87.0% of the demand, over 50%"), .double(1192), .double(10), .double(1172), .double(1212), .double(0.01), .int(30), .text("A"), .double(0.87)])
        t.append([.text("C"), .text("published"), .null, .double(40), .double(4), .double(32), .double(48), .double(0.1), .int(30), .text("C"), .double(0.2)])
        let reader = t.forReaders()
        #expect(reader.rows[0] == ["A", "withheld: too unreliable to publish (grade F: coefficient of variation 46.0%, over 33.3%)", "F", "", "", "", "12", ""])
        #expect(reader.rows[1][1] == "withheld: dominated by one employer (one employer gives 87.0% of the demand, over 50%)")
        #expect(reader.rows[1][3] == "" && reader.rows[1][7] == "")
        #expect(reader.rows[2][3] == "40 (95% CI 32 to 48)")
        // Every reader format: no figure of a withheld row.
        for format in [OutputFormat.table, .md] {
            let text = t.rendered(as: format)
            #expect(!text.contains("85") && !text.contains("1,192") && !text.contains("1192"))
        }
        // JSON keeps them with their status.
        let json = t.rendered(as: .json)
        #expect(json.contains("\"status\":\"unreliable\"") || json.contains("\"status\": \"unreliable\""))
        #expect(json.contains("85") && json.contains("1192"))
    }

    @Test func choicesIndicatorsAndStrataReadInWords() {
        let labels = Labels.bundled
        #expect(labels.indicator("knows_phishing") == "Knows how to spot a phishing message")
        #expect(labels.choice("orange_walk") == "Orange Walk")
        #expect(labels.stratum(sector: "agro_processing", sizeBand: "large") == "Agro-processing and manufacturing, large")
        #expect(labels.strata(in: "Collapsed: water x micro, water x small merged") == "Collapsed: Water and sewerage, micro; Water and sewerage, small merged")
        var t = ResultTable(columns: ["indicator", "breakdown", "group", "p", "ci_low", "ci_high", "p_value"])
        t.append([.text("knows_phishing"), .text("district"), .text("orange_walk"), .double(0.466), .double(0.407), .double(0.526), .double(0.0002)])
        #expect(t.forReaders().rows[0] == ["Knows how to spot a phishing message", "District", "Orange Walk", "46.6% (95% CI 40.7% to 52.6%)", "< 0.001"])
    }
}

@Suite struct TableFittingTests {
    @Test func countsAreGroupedByThousandsInEachLanguage() {
        #expect(Figure.count(1043) == "1,043")
        #expect(Figure.count(1043, "es") == "1\u{00A0}043")
        #expect(Figure.count(-1_234_567.4) == "-1,234,567")
        #expect(Figure.count(999) == "999")
        #expect(Figure.grouped("12345.67") == "12,345.67")
        #expect(Figure.grouped("-") == "-")
        var table = ResultTable(columns: ["demand", "demand_ci_low", "demand_ci_high"])
        table.append([.double(1043), .double(929), .double(1157)])
        #expect(table.forReaders().rows == [["1,043 (95% CI 929 to 1,157)"]])
        #expect(table.forReaders("es").rows == [["1\u{00A0}043 (IC 95% 929 a 1\u{00A0}157)"]])
    }

    @Test func aWideTableFitsItsWidth() {
        var table = ResultTable(columns: ["role_id", "role_name", "demand", "demand_ci_low", "demand_ci_high", "gap", "gap_ci_low", "gap_ci_high", "status"])
        table.append([.text("OM-NET-001"), .text(String(repeating: "Network Operations Specialist ", count: 3)), .double(110), .double(60), .double(160),
                      .double(108), .double(58), .double(158), .text("published")])
        let fitted = table.rendered(as: .table, width: 60)
        #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 60 || $0.hasPrefix("(") }, "\(fitted)")
        #expect(fitted.contains("110 (60 to 160)"))  // the header says 95% CI
        let narrow = table.rendered(as: .table, width: 45)
        #expect(narrow.contains("more column"), "\(narrow)")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 45 || $0.hasPrefix("(") }, "\(narrow)")
        let full = table.rendered(as: .table)
        #expect(full.contains("110 (95% CI 60 to 160)") && !full.contains("more column"))
    }

    @Test func showingKeepsAFiguresIntervalAndCountsTheRest() {
        var table = ResultTable(columns: ["role_id", "demand", "demand_ci_low", "demand_ci_high", "status", "reason", "respondents"])
        table.append([.text("A"), .double(5), .double(1), .double(9), .text("published"), .null, .int(3)])
        let shown = table.showing(["status", "demand"], inGivenOrder: true)
        #expect(shown.columns == ["status", "reason", "demand", "demand_ci_low", "demand_ci_high"])
        #expect(shown.omittedColumns == 2)
        #expect(table.choosableColumns == ["role_id", "demand", "status", "respondents"])
    }
}

@Suite struct KSANameTests {
    @Test func aKSAIsNamedByItsStatementWithItsId() {
        #expect(Labels.ksa("K0093", statement: "Knowledge of telecommunications concepts.") == "Knowledge of telecommunications concepts (K0093)")
        #expect(Labels.ksa("K0093", statement: nil) == "K0093")
        #expect(Labels.ksa("K0093", statement: "  ") == "K0093")
        let statements = ["A1": "Ability one, with a comma.", "K2": "Knowledge two", "S3": "Skill three"]
        #expect(Labels.ksas(["A1", "K2", "S3"], statements: statements, limit: 2) == "Ability one, with a comma (A1); Knowledge two (K2); and 1 more")
        #expect(Labels.ksas(["S3"], statements: statements) == "Skill three (S3)")
    }
}
