#ifndef KBEXPORT_CLIBXML2_SHIM_H
#define KBEXPORT_CLIBXML2_SHIM_H
// Everything kbexport uses from libxml2. Only the KBXML module imports this.
#include <libxml/xmlversion.h>

// Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes <unicode/ucnv.h>. The system ICU headers
// then clash with Foundation's private copy ("'UErrorCode' has different definitions in different modules") in any
// Swift file that sees both modules. libxml2's headers only need the two ICU names below, as opaque pointer and
// UTF-16 unit types (struct layouts unchanged), so ICU's own header is skipped via its include guard.
#if defined(LIBXML_ICU_ENABLED) && !defined(UCNV_H)
#include <stdint.h>
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/relaxng.h>
#include <libxml/catalog.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#endif
