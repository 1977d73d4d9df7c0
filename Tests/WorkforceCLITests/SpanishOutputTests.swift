import Foundation
import Testing
import WorkforceKit

/// `--lang es` on every query command's `table` and `md` output: the words of the word tables
/// (`Surveys/banks/words/`) in Spanish, no English sentence of them left; CSV and JSON the same
/// whatever the language.
@Suite(.serialized) struct SpanishOutputTests {
    /// The commands of ``ReaderOutputTests/commands()`` that take `--lang` (`translations` has
    /// a subcommand, so its own table takes no table options).
    static func commands() -> [[String]] {
        ReaderOutputTests.commands().filter { $0.first != "translations" }
    }

    static func run(_ arguments: [String]) throws -> String {
        let (scratch, db, _) = try ReaderOutputTests.demo.get()
        let result = try runWorkforce(arguments + ["--db", db], in: scratch.url)
        guard result.code == 0 else { throw TestFailure("\(arguments) failed: \(result.stderr)") }
        return result.stdout
    }

    @Test func everyQueryCommandInSpanishHasNoEnglishSentenceOfTheWordTables() throws {
        let english = Words.bundled.fragments(.en)
        #expect(english.count > 50)
        var checked = 0
        for command in Self.commands() {
            for format in ["table", "md"] {
                let out = try Self.run(command + ["--format", format, "--lang", "es", "--wide"])
                // A fragment inside a longer text (a role's or course's name) is no sentence of ours.
                for fragment in english where out.contains(fragment) {
                    Issue.record("\(command.joined(separator: " ")) --format \(format) --lang es: English \"\(fragment)\"")
                }
                checked += 1
            }
        }
        #expect(checked == 2 * Self.commands().count)
    }

    /// The sentences the employer commands carry read in Spanish: notes, a withheld row's
    /// reason, the plan's actions and why a need stays open, headers with "IC 95%".
    @Test func theEmployerCommandsSpeakSpanish() throws {
        let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv").path
        let gaps = try Self.run(["gaps", "--frame", frame, "--format", "md", "--lang", "es"])
        #expect(gaps.contains("Control de divulgación: una fila se retiene cuando contribuyen menos de \(Disclosure.minimumEmployers) empleadores"))
        #expect(gaps.contains("(IC 95%)") && gaps.contains("Ponderado con el archivo de marco muestral"))
        #expect(gaps.contains("calificación F: ") || gaps.contains("retenida"))
        let plan = try Self.run(["plan", "--frame", frame, "--format", "md", "--lang", "es", "--wide"])
        #expect(plan.contains("Necesidad por rol, en personas al año al final del año 3"))
        #expect(plan.contains("Palancas: ampliar una oferta como máximo un 50%"))
        let roles = try Self.run(["plan", "--by", "role", "--frame", frame, "--format", "table", "--lang", "es", "--wide"])
        #expect(roles.contains("Por qué queda abierto"))
    }

    /// CSV and JSON keep machine names and English: the same bytes with `--lang es`.
    @Test func csvAndJSONAreTheSameInEveryLanguage() throws {
        let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv").path
        for command in [["gaps", "--frame", frame], ["plan", "--by", "role", "--frame", frame], ["awareness"], ["catalog"]] {
            for format in ["csv", "json"] {
                let english = try Self.run(command + ["--format", format])
                #expect(try Self.run(command + ["--format", format, "--lang", "es"]) == english, "\(command) \(format)")
            }
        }
    }
}
