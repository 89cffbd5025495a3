import Foundation

/// One labelled sentence: surface tokens and their IOB2 labels.
public struct NERSentence: Sendable, Equatable {
    public var tokens: [String]
    public var labels: [UInt8]
    public init(tokens: [String], labels: [UInt8]) { self.tokens = tokens; self.labels = labels }
}

/// Readers for the public annotated data (`../shared/ner-data`, see its README): one `token TAG` per line,
/// a blank line between sentences.
public enum NERCorpus {
    /// Reads a CoNLL/ANERcorp-style file: the first field is the token, the second the tag (Wojood's nested
    /// tags after it are ignored: the outermost is kept). A BOM, CRLF line ends and bidi marks are dropped;
    /// a malformed tag is O; a stray I- becomes B-.
    public static func read(text: String, typeMap: (String) -> NERType? = NERType.named) -> [NERSentence] {
        var out: [NERSentence] = []
        var tokens: [String] = [], labels: [UInt8] = []
        func flush() {
            if !tokens.isEmpty { out.append(NERSentence(tokens: tokens, labels: NERLabel.repair(labels))) }
            tokens = []; labels = []
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(raw).trimmingSpaces
            if line.isEmpty { flush(); continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard let tok = fields.first else { flush(); continue }
            tokens.append(tok)
            labels.append(fields.count > 1 ? NERLabel.parse(fields[1], typeMap: typeMap) : NERLabel.o)
        }
        flush()
        return out
    }

    public static func read(path: String, typeMap: (String) -> NERType? = NERType.named) throws -> [NERSentence] {
        read(text: try String(contentsOfFile: path, encoding: .utf8), typeMap: typeMap)
    }

    /// WikiFANE's 50 fine types mapped to the four CoNLL types. Group (peoples, religious groups, "the
    /// rebels") is O: ANERcorp and the project do not tag those as names.
    public static func wikiFANEType(_ fine: String) -> NERType? {
        let k = fine.lowercased().filter { $0.isLetter }
        let per = ["politician", "religiousper", "artist", "otherper", "scientist", "athlete", "businessperson", "engineer", "lawyer", "police"]
        let org = ["government", "nongovernmental", "commercial", "educational", "media", "religiousorg", "sports", "medicalscience",
                   "entertainment"]
        let loc = ["nation", "populationcenter", "stateorprovince", "countyordistrict", "gpecluster", "continent", "waterbody",
                   "celestial", "landregionnatural", "address", "buildinggrounds", "subareafacility", "airport", "path"]
        if per.contains(k) { return .per }
        if org.contains(k) { return .org }
        if loc.contains(k) { return .loc }
        if k == "group" { return nil }
        return k.isEmpty ? nil : .misc
    }

    /// WikiFANE is clitic-segmented (و ف ل ب before a word, pronouns after it): the pieces are glued back the
    /// way news text writes them (و + الدولة → والدولة, ل + الدولة → للدولة, عاصمة + ها → عاصمتها), so that
    /// its tokens look like ANERcorp's and like the project's tokenizer output. The word keeps its own label.
    public static func rejoinClitics(_ s: NERSentence) -> NERSentence {
        let proclitics: Set<String> = ["و", "ف", "ل", "ب"]
        let enclitics: Set<String> = ["ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"]
        func isArabicWord(_ w: String) -> Bool { w.unicodeScalars.first.map { (0x0621...0x064A).contains($0.value) } ?? false }
        var tokens: [String] = [], labels: [UInt8] = []
        var pending = ""
        for (k, tok) in s.tokens.enumerated() {
            if enclitics.contains(tok), pending.isEmpty, let last = tokens.last, isArabicWord(last), last.count >= 2 {
                tokens[tokens.count - 1] = (last.hasSuffix("ة") ? String(last.dropLast()) + "ت" : last) + tok
                continue
            }
            if proclitics.contains(tok), k + 1 < s.tokens.count, isArabicWord(s.tokens[k + 1]), !proclitics.contains(s.tokens[k + 1]) || pending.isEmpty {
                pending += tok
                continue
            }
            var word = tok
            if !pending.isEmpty {
                word = pending.hasSuffix("ل") && tok.hasPrefix("ال") ? pending + String(tok.dropFirst()) : pending + tok
                pending = ""
            }
            tokens.append(word)
            labels.append(s.labels[k])
        }
        if !pending.isEmpty { tokens.append(pending); labels.append(NERLabel.o) }
        return NERSentence(tokens: tokens, labels: NERLabel.repair(labels))
    }
}
