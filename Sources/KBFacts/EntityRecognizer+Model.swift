import Foundation
import KBGraph
import KBNER
import KBText

/// The statistical labeller's part in recognition (docs/ner.md, "Conflict policy"): the model proposes
/// spans and types where the gazetteer and the rules found nothing; the gazetteer links what it knows.
extension EntityRecognizer {
    /// The shipped model (`Resources/ner.model`), loaded once; nil if it is missing or unreadable (the rules
    /// still run).
    static let nerModel: NERModel? = {
        guard let url = Bundle.module.url(forResource: "ner", withExtension: "model"),
              let data = try? Data(contentsOf: url), !data.isEmpty else { return nil }
        return try? NERModel(bytes: data)
    }()

    static let debugNER = ProcessInfo.processInfo.environment["KBNER_DEBUG"] != nil
    /// The least Viterbi margin a model span needs: a name of one word needs more.
    static let modelMargin: Float = 2.0
    static let modelMarginOneWord: Float = 4.0

    /// Adds the model's spans over tokens no mention and no role phrase covers, after sanity checks.
    func addModelMentions(_ t: [Token], _ mentions: inout [RawMention]) {
        guard let model = EntityRecognizer.nerModel, !t.isEmpty else { return }
        let result = model.label(norms: t.map(\.norm), texts: t.map(\.text), cache: NERThreadCache.current)
        // a person the rules guessed (no gazetteer entry) where the model sees no name at all is kept only if
        // it links to a known person ("بحضور", "خلفا لوالده" after a title)
        for k in mentions.indices where mentions[k].type == .person && mentions[k].gazetteerIDs.isEmpty && !mentions[k].titleOnly
            && !mentions[k].nameKey.isEmpty && mentions[k].parentKey == nil {
            if mentions[k].range.allSatisfy({ result.labels[$0] == NERLabel.o }) { mentions[k].weak = true }
        }
        splitJoinedPeople(t, result.labels, &mentions, model)
        var taken = [Bool](repeating: false, count: t.count)
        for m in mentions {
            for k in m.range { taken[k] = true }
            if let r = m.role { for k in r.range { taken[k] = true } }
        }
        ministriesByAdjective(t, &mentions, &taken)
        for (span, margin) in result.spans {
            if EntityRecognizer.debugNER { FileHandle.standardError.write(Data("NER \(span.type.name) \(margin) «\(span.range.map { t[$0].text }.joined(separator: " "))» taken=\(span.range.contains(where: { taken[$0] }))\n".utf8)) }
            let type: EntityType
            switch span.type {
            case .per: type = .person
            case .org: type = .organization
            case .loc: type = .place
            case .misc: continue
            }
            // a span that runs into a mention found otherwise keeps its free end ("الجزائر عبد المجيد فرشيشي")
            // (a person's name after a place or organisation, two words or more)
            var r = span.range
            if type == .person {
                func other(_ k: Int) -> Bool { taken[k] && !mentions.contains { $0.range.contains(k) && $0.type == .person } }
                while let f = r.first, other(f) { r = (f + 1)..<r.upperBound }
                while let l = r.last, other(l) { r = r.lowerBound..<l }
                if r.count < 2 && r != span.range { continue }
            }
            guard !r.isEmpty, !r.contains(where: { taken[$0] }),
                  margin >= (r.count == 1 ? EntityRecognizer.modelMarginOneWord : EntityRecognizer.modelMargin),
                  let m = modelMention(t, r, type, model) else { continue }
            if EntityRecognizer.debugNER { FileHandle.standardError.write(Data("  ADDED «\(m.text)» \(margin)\n".utf8)) }
            for k in m.range { taken[k] = true }
            mentions.append(m)
        }
    }

    /// A mention for a model span, or nil when the span fails the checks: a few words at most, words only,
    /// no function word, verb, role word or nationality adjective alone, no word the rules know as not a name.
    func modelMention(_ t: [Token], _ range: Range<Int>, _ type: EntityType, _ model: NERModel) -> RawMention? {
        let lexicon = model.lexicon
        guard range.count <= (type == .person ? 6 : 7),
              range.allSatisfy({ t[$0].kind == .word || t[$0].kind == .latin }) else { return nil }
        let first = t[range.lowerBound]
        let (stem, prefix) = modelStem(first, lexicon)
        var norms = range.map { t[$0].norm }
        norms[0] = stem
        // every word of a person's name, the first and last words of other names, must pass as a name word
        for (k, n) in norms.enumerated() where type == .person || k == 0 || k == norms.count - 1 {
            if !modelNameWord(n, inPerson: type == .person) {
                if EntityRecognizer.debugNER { FileHandle.standardError.write(Data("  rejected at «\(n)»\n".utf8)) }
                return nil
            }
        }
        if range.count == 1 {
            let bare = ArabicNormalizer.stripArticle(stem)
            if Lexicon.orgHeads.contains(stem) || Lexicon.placeHeads.contains(stem) || Lexicon.orgHeads.contains(bare)
                || Lexicon.placeHeads.contains(bare) || model.lexicon.cues[stem] != nil || model.lexicon.cues[bare] != nil { return nil }
            if stem.count < 3 || !gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(stem)).isEmpty { return nil }
        }
        let (text0, b) = strippedPrefix(first, prefix, restore: stem)
        let text = ([text0] + range.dropFirst().map { t[$0].text }).joined(separator: " ")
        let key = norms.joined(separator: " ")
        let hits = gazetteer.lookupName(key).filter { $0.type == type }
        var m = RawMention(range: range, begin: b, end: t[range.upperBound - 1].end, text: text, type: type,
                           subtype: hits.first?.subtype ?? "", gazetteerIDs: hits.map(\.id), nameKey: hits.isEmpty ? key : "",
                           isAdjective: false, role: nil, confidence: hits.isEmpty ? 0.6 : 0.9)
        // one word the model calls a person, linked to no one: kept only if it links to a known person
        m.weak = type == .person && range.count == 1 && hits.isEmpty
        return m
    }

    /// "الخارجية الفرنسية", "والداخلية التركية": a ministry named by its domain and a country adjective,
    /// outside a role phrase, is that country's ministry (linked as "وزارة الخارجية الفرنسية" is).
    func ministriesByAdjective(_ t: [Token], _ mentions: inout [RawMention], _ taken: inout [Bool]) {
        let domains: Set<String> = ["الخارجيه", "الداخليه", "الدفاع"]
        for k in mentions.indices where mentions[k].isAdjective && mentions[k].range.lowerBound > 0 {
            let h = mentions[k].range.lowerBound - 1
            guard !taken[h], t[h].kind == .word, let country = mentions[k].gazetteerIDs.first else { continue }
            let forms = [(t[h].norm, "")] + Clitics.of(t[h].norm).filter { ["و", "ف", "ب", "ل", "وب", "ول"].contains($0.prefix) }
            guard let (stem, prefix) = forms.first(where: { domains.contains($0.0) }) else { continue }
            let range = h..<mentions[k].range.upperBound
            let (head, b) = strippedPrefix(t[h], prefix, restore: stem)
            var m = RawMention(range: range, begin: b, end: mentions[k].end, text: head + " " + t[h + 1..<range.upperBound].map(\.text).joined(separator: " "),
                               type: .organization, subtype: "", gazetteerIDs: [],
                               nameKey: "وزاره " + ArabicNormalizer.stripArticle(stem) + "@" + country, isAdjective: false, role: nil,
                               confidence: 0.7)
            m.countryHint = country
            taken[h] = true
            mentions.append(m)
        }
    }

    /// A word a model span may hold: not a function word, verb, role word or rank, month, or a word the rules
    /// know as not a name; an imperfect verb form of one word ("سيغادرون") is not a name either.
    func modelNameWord(_ n: String, inPerson: Bool) -> Bool {
        guard n.count >= 2, !n.allSatisfy(\.isNumber), !Lexicon.stopwords.contains(n), !Lexicon.verbs.contains(n),
              DateParser.singleMonths[n] == nil, !FactRules.allTriggers.contains(n) else { return false }
        if n.count >= 5, n.hasPrefix("سي") || n.hasPrefix("ست") || n.hasPrefix("سن"), n.hasSuffix("ون") || n.hasSuffix("ان") || n.hasSuffix("ين") {
            return false
        }
        guard inPerson else { return true }
        let s = stripConj(n)
        return !Lexicon.roleHeads.contains(s) && !Lexicon.ranks.contains(s) && !Lexicon.nonNameWords.contains(n)
            && !Lexicon.orgHeads.contains(s) && !Lexicon.placeHeads.contains(s)
    }

    /// The first word of a model span without a proclitic the training data kept inside the tag
    /// ("وموسكو" → "موسكو", "للقوات" → "القوات"): و and ف come off when the rest is a word of three letters or
    /// more and the whole is not a known name; ب ل ك and the article forms only when what remains is a known
    /// name or starts with the article.
    func modelStem(_ tok: Token, _ lexicon: NERLexicon) -> (String, String) {
        let n = tok.norm
        guard tok.kind == .word, lexicon.names[n] == nil, gazetteer.lookupName(n).isEmpty else { return (n, "") }
        for c in Clitics.of(n).dropFirst() where c.prefix != "ال" {
            let known = lexicon.names[c.stem] != nil || !gazetteer.lookupName(c.stem).isEmpty
            if known || (c.stem.hasPrefix("ال") && c.stem.count >= 4) { return (c.stem, c.prefix) }
            if (c.prefix == "و" || c.prefix == "ف"), c.stem.count >= 3 { return (c.stem, c.prefix) }
        }
        return (n, "")
    }
}

/// One word-feature cache per thread for the labeller (documents are extracted in parallel).
enum NERThreadCache {
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() } }
        return k
    }()

    static var current: NERWordCache {
        if let raw = pthread_getspecific(key) { return Unmanaged<NERWordCache>.fromOpaque(raw).takeUnretainedValue() }
        let c = NERWordCache()
        pthread_setspecific(key, Unmanaged.passRetained(c).toOpaque())
        return c
    }
}

/// The labeller model shipped with KBFacts, for the commands that score it.
public enum BundledNER {
    public static var model: NERModel? { EntityRecognizer.nerModel }
}
