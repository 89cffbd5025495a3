// The RDF reader module: see the files beside this one.
