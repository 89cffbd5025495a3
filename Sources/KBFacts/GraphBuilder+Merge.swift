import KBGraph

extension GraphBuilder {
    /// What one document says of an entity `old` already has from others, merged into it, and its surface forms and
    /// documents into `acc` (`add`; each changed in place: no copy of the entity, no removal and insertion of `acc`).
    static func absorb(_ e: Entity, into old: inout Entity, _ acc: inout (forms: Set<String>, documents: Set<String>)) {
        // what one document says of an entity and another does not, or says otherwise, is settled the same
        // way whatever the order (a shard merge gives the bytes of one run): the gazetteer's entity wins,
        // then a known subtype (the smaller of two), English label and Wikidata id
        if e.fromGazetteer && !old.fromGazetteer {
            (old.fromGazetteer, old.subtype, old.labelAr, old.labelEn, old.wikidata) =
                (true, e.subtype, e.labelAr, e.labelEn, e.wikidata)
        } else if e.fromGazetteer == old.fromGazetteer {
            if !e.subtype.isEmpty, old.subtype.isEmpty || e.subtype < old.subtype { old.subtype = e.subtype }
            if old.labelEn == nil { old.labelEn = e.labelEn }
            if old.wikidata == nil { old.wikidata = e.wikidata }
        }
        old.mentionCount += e.mentionCount
        // a set keeps its members: the first spelling seen of equivalent forms stays, as with Set.union
        acc.forms.formUnion(e.surfaceForms)
        acc.documents.formUnion(e.documents)
        // a guessed entity keeps its longest label (of two as long, the smaller: the result does not depend
        // on the order documents or shards come in)
        // (lengths in `Character`s: PlainConcat.count counts a plain label's bytes)
        if !old.fromGazetteer, !e.fromGazetteer, (PlainConcat.count(e.labelAr), old.labelAr) > (PlainConcat.count(old.labelAr), e.labelAr) {
            old.labelAr = e.labelAr
        }
    }
}
