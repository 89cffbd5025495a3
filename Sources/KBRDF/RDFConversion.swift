// Read RDF written out again, in any output format (`kbexport --from ntriples|rdfxml --format ...`).
// The RDF formats go through the same syntax layers as the knowledge-graph export (KBWriters:
// RDFXMLSerializer, NTriplesSerializer, TurtleSerializer), so the same rules hold: RDF/XML refuses what it
// cannot carry (a predicate without a QName split, a literal with a control character XML 1.0 forbids)
// with an error naming the term, and relabels blank nodes whose labels are not NCNames.

import KBWriters
import KBXML

public enum RDFConversion {
    /// Writes `triples` to `sink` in `format`.
    /// - Parameter options: `base` gives the `kbv:` prefix (RDF/XML, Turtle); `indent` for the XML formats;
    ///   `preferEnglishLabels` for the GraphML `label`.
    /// - Throws: `WriterError` (refusals, before anything is written), or the sink's errors.
    public static func write(_ triples: [RDFTriple], format: OutputFormat, options: ExportOptions, to sink: OutputSink) throws {
        let vocabulary = try IRIMinter(base: options.base).vocabulary
        switch format {
        case .rdfxml:
            var serializer = RDFXMLSerializer(vocabulary: vocabulary, indent: options.indent)
            try serializer.write(RDFDescription.group(triples), to: sink)
        case .ntriples:
            try NTriplesSerializer.write(triples, to: sink)
        case .turtle:
            try TurtleSerializer(vocabulary: vocabulary).write(RDFDescription.group(triples), to: sink)
        case .graphml:
            try RDFGraphMLWriter(options: options).write(triples, to: sink)
        case .jsonl:
            throw WriterError.unsupportedConversion("RDF input cannot be written as a facts file (--format jsonl holds extracted facts); choose graphml, rdfxml, ntriples or turtle")
        }
    }
}
