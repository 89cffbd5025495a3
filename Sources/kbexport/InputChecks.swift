// Inputs that are not articles (XML, HTML, PDF, JSON, RDF, kbexport's own GraphML) are refused with the reason
// before extraction, unless --force-text; and `Export.optionsHelp`, the export options for the top-level --help.

import ArgumentParser
import Foundation
import KBText

extension Export {
    /// Splits the inputs into articles and refused files ("FILE: looks like GraphML …; pass --force-text …").
    /// Standard input and the embedded seeds are not checked here (standard input is read once, by the pipeline).
    static func refuseNonText(_ files: [InputFile]) -> (kept: [InputFile], refused: [String]) {
        var kept: [InputFile] = []
        var refused: [String] = []
        for f in files {
            if !f.isStandardInput, !f.isEmbedded, let kind = ContentSniffer.sniff(path: f.path), let reason = kind.refusal {
                refused.append("\(f.displayPath): \(reason); pass --force-text to read it as text anyway")
            } else {
                kept.append(f)
            }
        }
        return (kept, refused)
    }

    /// The export command's arguments and options, as its own --help shows them.
    static var optionsHelp: String {
        let help = Export.helpMessage(columns: nil)
        guard let start = help.range(of: "ARGUMENTS:") ?? help.range(of: "OPTIONS:") else { return help }
        return String(help[start.lowerBound...])
    }
}
