// kbner-train: trains the entity labeller (KBNER) from the public annotated data in ../shared/ner-data and
// writes the model file that KBFacts ships (docs/ner.md).
//
//   swift run -c release kbner-train                        # the shipped model, on everything
//   swift run -c release kbner-train --holdout-anercorp     # trains without ANERcorp train's last tenth, scores it
import ArgumentParser
import Foundation
import KBEvaluation
import KBNER
import KBText

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kbner-train",
        abstract: "Train the entity labeller from ../shared/ner-data and write its model file.")

    @Option(help: "The public NER data folder (its README describes it).")
    var data = "../shared/ner-data"

    @Option(help: "Where to write the model.")
    var out = "Sources/KBFacts/Resources/ner.model"

    @Option(help: "The project gazetteer (its names are a feature).")
    var gazetteer = "Sources/KBFacts/Resources/gazetteer.tsv"

    @Option(help: "Corpora to train on, comma-separated: anercorp, aqmar, wikifane, wojood.")
    var sources = "anercorp,aqmar,wikifane"

    @Option(help: "Training epochs.") var epochs = 8
    @Option(help: "How many times ANERcorp (the news data) is seen per epoch, against once for the Wikipedia data.")
    var anercorpCopies = 3
    @Option(help: "Seed of the sentence order.") var seed: UInt64 = 20_261_206
    @Option(help: "Weight table size: 2^bits rows.") var bits = 18
    @Flag(inversion: .prefixedNo, help: "Domain adaptation: shared weights plus one copy per corpus family (news: ANERcorp; Wikipedia: AQMAR, WikiFANE; Wojood); the model keeps the shared and news weights.")
    var domains = true
    @Option(help: "With --domains: the domain parts the model keeps beside the shared weights (0 news, 1 Wikipedia, 2 Wojood), comma-separated; empty for the shared weights alone.")
    var keepDomains = "0"

    @Option(help: "Word classes learnt from the training text (labels unused; the held-apart tenth never): class counts of the clusterings, comma-separated, coarsest first; empty for none.")
    var clusters = "64,256"
    @Option(help: "Word classes: the fewest times a word is seen to get a class.") var clusterMinCount = 3
    @Option(help: "Word classes: passes of the exchange algorithm.") var clusterPasses = 6

    @Flag(help: "Hold ANERcorp train's last tenth apart: train on the rest, score the tenth, and write it as CoNLL to --heldout-file.")
    var holdoutAnercorp = false

    @Option(help: "Where --holdout-anercorp writes the held tenth (gold labels).")
    var heldoutFile = "/tmp/anercorp-heldout.conll"

    @Flag(inversion: .prefixedNo, help: "Tune a per-type label bias (NERLabelBias.swift) on the last part of the ANERcorp sentences trained on (--bias-dev-part), with a model trained without it, and store it with the model (applied when the labeller is used alone: CoNLL scoring).")
    var tuneBias = true
    @Option(help: "With --tune-bias: the part of the ANERcorp sentences held apart for tuning is 1/N of them.")
    var biasDevPart = 10

    func run() throws {
        var lexicon = NERLexicon()
        lexicon.addCues(fileText: NERLexicon.bundledCues)
        try addProjectGazetteer(&lexicon)
        try addANERGazet(&lexicon)

        var train: [NERSentence] = []
        var domainOf: [Int] = []
        func mark(_ d: Int) { domainOf += Array(repeating: d, count: train.count - domainOf.count) }
        var heldout: [NERSentence] = []
        var anerCount = 0
        var aner: [NERSentence] = []
        let wanted = Set(sources.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if wanted.contains("anercorp") {
            let s = try NERCorpus.read(path: data + "/anercorp/ANERCorp_CamelLab_train.txt")
            let cut = holdoutAnercorp ? s.count - s.count / 10 : s.count
            for _ in 0..<max(1, anercorpCopies) { train += s[..<cut] }
            anerCount = cut
            aner = Array(s[..<cut])
            heldout = Array(s[cut...])
            mark(0)
            say("ANERcorp train: \(s.count) sentences (\(cut) for training)")
        }
        if wanted.contains("aqmar") {
            let files = try FileManager.default.contentsOfDirectory(atPath: data + "/aqmar").filter { $0.hasSuffix(".txt") }.sorted()
            var n = 0
            for f in files { let s = try NERCorpus.read(path: data + "/aqmar/" + f); train += s; n += s.count }
            mark(1)
            say("AQMAR: \(files.count) articles, \(n) sentences")
        }
        if wanted.contains("wikifane") {
            let s = try NERCorpus.read(path: data + "/wikifane/WikiFANE_Gold_2014_500K.txt", typeMap: NERCorpus.wikiFANEType)
                .map(NERCorpus.rejoinClitics)
            train += s
            mark(1)
            say("WikiFANE: \(s.count) sentences")
        }
        if wanted.contains("wojood") {
            var n = 0
            for f in ["train.txt", "val.txt", "test.txt"] {
                // Wojood's $#$ lines separate nothing of use; its GPE is tagged ORG or LOC by role: read as is
                let s = try NERCorpus.read(path: data + "/wojood-sample/" + f).filter { !$0.tokens.contains("$#$") || $0.tokens.count > 1 }
                train += s; n += s.count
            }
            mark(2)
            say("Wojood sample: \(n) sentences")
        }
        let ks = clusters.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if !ks.isEmpty {
            // the text of the training sentences, each once (ANERcorp's copies are one text; the held tenth is not in it)
            let copies = anerCount > 0 ? max(1, anercorpCopies) : 1
            let text = (train[..<anerCount] + train[(anerCount * copies)...]).map { s in
                s.tokens.map(ArabicNormalizer.normalize)
            }
            let t0 = Date()
            lexicon.setClasses(NERClusters.cluster(text, ks: ks, minCount: clusterMinCount, passes: clusterPasses, log: say))
            say(String(format: "word classes from %d sentences in %.1f s", text.count, Date().timeIntervalSince(t0)))
        }
        var trainer = NERTrainer(lexicon: lexicon)
        trainer.bits = bits; trainer.epochs = epochs; trainer.seed = seed
        trainer.log = say
        trainer.keptDomains = keepDomains.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        var bias: [NERType: Float] = [:]
        if tuneBias, !aner.isEmpty {
            // the tuning model: the same training without the last part of the ANERcorp sentences, which is its dev set
            let devCount = aner.count / max(2, biasDevPart)
            let copies = max(1, anercorpCopies)
            var part: [NERSentence] = []
            for _ in 0..<copies { part += aner[..<(aner.count - devCount)] }
            let others = Array(train[(anerCount * copies)...])
            let partDomains = Array(repeating: 0, count: part.count) + domainOf[(anerCount * copies)...]
            let t0 = Date()
            let tuning = trainer.train(part + others, domains: domains ? partDomains : nil)
            bias = NERBiasTuner.tune(tuning, dev: Array(aner[(aner.count - devCount)...]), log: say)
            say(String(format: "label bias tuned on %d sentences in %.1f s", devCount, Date().timeIntervalSince(t0)))
        }
        let t0 = Date()
        let model = trainer.train(train, domains: domains ? domainOf : nil).withLabelBias(bias)
        say(String(format: "trained on %d sentences in %.1f s", train.count, Date().timeIntervalSince(t0)))
        let bytes = model.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        say("wrote \(out): \(bytes.count) bytes")
        if holdoutAnercorp {
            var text = ""
            for s in heldout {
                for (t, l) in zip(s.tokens, s.labels) { text += t + " " + NERLabel.name(l) + "\n" }
                text += "\n"
            }
            try text.write(toFile: heldoutFile, atomically: true, encoding: .utf8)
            var all = CoNLLScore(), three = CoNLLScore()
            let labeller = model.calibrated
            for s in heldout {
                let r = labeller.label(norms: s.tokens.map(ArabicNormalizer.normalize), texts: s.tokens)
                all.add(gold: s.labels, system: r.labels)
                three.add(gold: s.labels, system: r.labels, excluding: [.misc])
            }
            print(all.render(title: "ANERcorp train, last tenth (held apart), four types"))
            print(three.render(title: "ANERcorp train, last tenth (held apart), PER/ORG/LOC"))
        }
    }

    func say(_ s: String) { FileHandle.standardError.write(Data(("kbner-train: " + s + "\n").utf8)) }

    /// PERSON, ORGANIZATION and PLACE names and aliases of the project gazetteer (not its adjectives: a nisba
    /// is O in the training data).
    func addProjectGazetteer(_ lexicon: inout NERLexicon) throws {
        let text = try String(contentsOfFile: gazetteer, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("id\t") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count > 5 else { continue }
            let type: NERType? = c[1] == "PERSON" ? .per : c[1] == "ORGANIZATION" ? .org : c[1] == "PLACE" ? .loc : nil
            guard let t = type else { continue }
            for name in [c[4]] + c[5].split(separator: "|").map(String.init) where !name.isEmpty { lexicon.addName(name, t) }
        }
    }

    /// ANERGazet's three lists (one name a line; "====" lines separate aligned variants).
    func addANERGazet(_ lexicon: inout NERLexicon) throws {
        for (file, t) in [("AlignedPersGazetteer.txt", NERType.per), ("AlignedOrgGazetteer.txt", .org), ("AlignedLocGazetteer.txt", .loc)] {
            let text = try String(contentsOfFile: data + "/anergazet/" + file, encoding: .utf8)
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                let name = line.trimmingCharacters(in: .whitespaces)
                if name.isEmpty || name.hasPrefix("=") { continue }
                lexicon.addName(name, t)
            }
        }
    }
}

Train.main()
