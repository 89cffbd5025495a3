// The terms the RDF/XML export uses, and the small tables behind them: kbexport's own `kbv:` terms
// (described in Schemas/kbexport-vocabulary.rdf), CAMEO concept labels, which schema.org event
// property each participant gets, and the XML Schema date forms.

import KBGraph

/// kbexport's own vocabulary (`kbv:` = `<base>vocab#`). Local names are ASCII NCNames.
public enum KBVocabulary {
    /// Every `kbv:` term the RDF/XML writer can emit; Schemas/kbexport-vocabulary.rdf describes each.
    public static let properties = [
        "relation", "subject", "object", "modality", "role", "confidence", "support", "rule", "charBegin", "charEnd",
        "mentionCount", "subtype", "inGazetteer", "attributed", "attributedTo",
    ]
    public static let classes = ["DateMention"]
}

/// Labels of the CAMEO codes `FactType` uses (GDELT `CAMEO.eventcodes.txt`).
enum CAMEO {
    static let labels: [String: String] = [
        "032": "Make a visit, not specified below (send an envoy or delegation)",
        "036": "Express intent to meet or negotiate",
        "040": "Consult, not specified below",
        "042": "Make a visit",
        "043": "Host a visit",
        "050": "Engage in diplomatic cooperation, not specified below",
        "051": "Praise or endorse",
        "057": "Sign formal agreement",
        "070": "Provide aid, not specified below",
        "074": "Provide military protection or peacekeeping",
        "087": "De-escalate military engagement",
        "110": "Disapprove, not specified below",
        "112": "Accuse, not specified below",
        "130": "Threaten, not specified below",
        "160": "Reduce relations, not specified below",
        "161": "Reduce or break diplomatic relations",
        "166": "Expel or deport individuals",
        "173": "Arrest, detain, or charge with legal action",
        "181": "Abduct, hijack, or take hostage",
        "186": "Assassinate",
        "190": "Use conventional military force, not specified below",
    ]

    static func label(_ code: String) -> String { labels[code] ?? "CAMEO \(code)" }
}

/// Which schema.org Event properties the participants of a fact get, besides kbv:subject/kbv:object: the
/// `subj_role` and `obj_role` columns of the relation table (e.g. VISIT: subject `schema:attendee`, object
/// `schema:location` when it is a PLACE, else `schema:organizer`; RECEIVE: `schema:organizer` → `schema:attendee`).
/// A fact's `place` is always `schema:location`.
enum EventRoles {
    static let attendee = Namespaces.schema + "attendee"
    static let organizer = Namespaces.schema + "organizer"
    static let location = Namespaces.schema + "location"

    static func properties(relation: String, objectType: EntityType) -> (subject: String?, object: String?) {
        guard let r = RelationTable.standard[relation] else { return (nil, nil) }
        return (r.subjectRole.map { Namespaces.schema + $0 }, r.objectRole(for: objectType).map { Namespaces.schema + $0 })
    }
}

/// XML Schema date forms: which datatype a value has, checked lexically.
enum XSDDates {
    /// The datatype IRI for `value` when it is a valid lexical form of `xsdType`
    /// (date, gYearMonth, gYear, gMonth, gMonthDay; no time zone), else nil.
    static func datatype(_ value: String, xsdType: String) -> String? {
        let shape: String
        switch xsdType {
        case "date": shape = "YYYY-M-D"
        case "gYearMonth": shape = "YYYY-M"
        case "gYear": shape = "YYYY"
        case "gMonth": shape = "--M"
        case "gMonthDay": shape = "--M-D"
        default: return nil
        }
        return matches(value, shape) ? Namespaces.xsd + xsdType : nil
    }

    /// The datatype of an ISO publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), else nil.
    static func datatype(isoDate value: String) -> String? {
        for t in ["date", "gYearMonth", "gYear"] { if let d = datatype(value, xsdType: t) { return d } }
        return nil
    }

    /// Shape letters: `Y` one digit, `M` a month 01-12, `D` a day 01-31; anything else is literal.
    private static func matches(_ value: String, _ shape: String) -> Bool {
        let v = Array(value.unicodeScalars)
        var i = 0
        for c in shape.unicodeScalars {
            switch c {
            case "Y":
                guard i < v.count, digit(v[i]) != nil else { return false }
                i += 1
            case "M", "D":
                guard i + 1 < v.count, let a = digit(v[i]), let b = digit(v[i + 1]) else { return false }
                guard (c == "M" ? 1...12 : 1...31).contains(a * 10 + b) else { return false }
                i += 2
            default:
                guard i < v.count, v[i] == c else { return false }
                i += 1
            }
        }
        return i == v.count
    }

    private static func digit(_ u: Unicode.Scalar) -> Int? {
        u >= "0" && u <= "9" ? Int(u.value - 48) : nil
    }
}
