import ArgumentParser
import KBFacts

/// `--rules DIR`, `--lexicon FILE`, `--gazetteer FILE`: the user's files, added to the bundled ones (formats in
/// the README; an error names the file and line).
struct ExtractionOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A folder of *.rules files (or one file) added to the bundled rules. Repeatable.")
    var ruleDirs: [String] = []

    @Option(name: .customLong("lexicon"), help: "A lexicon file (CLASS verb|noun|word WORD…) added to the bundled lexicon. Repeatable.")
    var lexiconFiles: [String] = []

    @Option(name: .customLong("gazetteer"), help: "A gazetteer file (the TSV format of the bundled gazetteer) added to it. Repeatable.")
    var gazetteerFiles: [String] = []

    /// True when the extraction uses the bundled rules, lexicon and gazetteer alone.
    var isBundled: Bool { ruleDirs.isEmpty && lexiconFiles.isEmpty && gazetteerFiles.isEmpty }

    /// Starts building the bundled tables on other threads (the caller lists its inputs meanwhile), when they are
    /// the ones `extractor()` will use.
    func preload() {
        if isBundled { Extractor.preloadBundledWithGazetteer() }
    }

    /// The extractor with the user's files, or the bundled one.
    func extractor() throws -> Extractor {
        if isBundled {
            Extractor.preloadBundled()   // the rules and the model on other cores while this one reads the gazetteer
            return Extractor()
        }
        do {
            var gazetteer = Gazetteer.bundled
            if !gazetteerFiles.isEmpty {
                var entries = gazetteer.entries
                for f in gazetteerFiles { entries += try Gazetteer.load(path: f).entries }
                gazetteer = Gazetteer(entries: entries)
            }
            let rules = ruleDirs.isEmpty && lexiconFiles.isEmpty
                ? RuleSet.bundled : try RuleSet.load(ruleDirs: ruleDirs, lexiconFiles: lexiconFiles)
            return Extractor(gazetteer: gazetteer, rules: rules)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
