// What `GraphBuilder.add` does with an entity seen in an earlier extraction, changed in place and without hashing
// or counting what it has seen already.

import Foundation
import KBGraph

extension GraphBuilder {
    /// `e`, seen again, folded into `old`. What one document says of an entity and another does not, or says
    /// otherwise, is settled the same way whatever the order (a shard merge gives the bytes of one run): the
    /// gazetteer's entity wins, then a known subtype (the smaller of two), English label and Wikidata id.
    static func fold(_ e: Entity, into old: inout Entity) {
        if e.fromGazetteer && !old.fromGazetteer {
            (old.fromGazetteer, old.subtype, old.labelAr, old.labelEn, old.wikidata) = (true, e.subtype, e.labelAr, e.labelEn, e.wikidata)
        } else if e.fromGazetteer == old.fromGazetteer {
            if !e.subtype.isEmpty, old.subtype.isEmpty || e.subtype < old.subtype { old.subtype = e.subtype }
            if old.labelEn == nil { old.labelEn = e.labelEn }
            if old.wikidata == nil { old.wikidata = e.wikidata }
        }
        old.mentionCount += e.mentionCount
        // a guessed entity keeps its longest label (of two as long, the smaller: the result does not depend on the
        // order documents or shards come in); a label of the same bytes is neither longer nor smaller (its
        // `Character`s, counted through grapheme breaking, are not counted)
        if !old.fromGazetteer, !e.fromGazetteer, !sameUTF8(e.labelAr, old.labelAr),
           (e.labelAr.count, old.labelAr) > (old.labelAr.count, e.labelAr) {
            old.labelAr = e.labelAr
        }
    }

    /// The forms and documents of `e` added to those gathered (`Set.formUnion`); a form whose bytes are those of a
    /// member is skipped in a small set (inserting it would leave the set as it is: it is equal to that member).
    static func union(_ e: Entity, into acc: inout (forms: Set<String>, documents: Set<String>)) {
        for f in e.surfaceForms {
            if acc.forms.count <= 32, acc.forms.contains(where: { sameUTF8($0, f) }) { continue }
            acc.forms.insert(f)
        }
        acc.documents.formUnion(e.documents)
    }

    /// The same UTF-8 bytes (equal strings, then).
    static func sameUTF8(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        var a = a, b = b
        return n == 0 || a.withUTF8 { p in b.withUTF8 { q in memcmp(p.baseAddress!, q.baseAddress!, n) == 0 } }
    }
}
