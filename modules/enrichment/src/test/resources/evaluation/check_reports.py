#!/usr/bin/env python3
"""Checks reports.jsonl: JSON shape, GeoNames ids/coordinates against cities500.txt,
surface forms present in the text, dates consistent with filedAt/timeZone, split balance."""
import json, sys, re, datetime as dt
from zoneinfo import ZoneInfo
from collections import Counter

jsonl, cities = sys.argv[1], sys.argv[2]
CITY = {}
for line in open(cities, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    CITY[int(f[0])] = (float(f[4]), float(f[5]), f[1])
# GeoNames country ids (countryInfo.txt); coordinates are approximate, not checked
COUNTRY = {163843: "SY", 99237: "IQ", 272103: "LB", 298795: "TR", 248816: "JO", 285570: "KW", 286963: "OM", 294640: "IL",
           69543: "YE", 2215636: "LY", 366755: "SD", 102358: "SA", 289688: "QA", 290557: "AE", 357994: "EG",
           130758: "IR", 6252001: "US", 2017370: "RU"}
TOP = {"01000000", "02000000", "03000000", "04000000", "05000000", "06000000", "07000000", "08000000", "09000000",
       "10000000", "11000000", "12000000", "13000000", "14000000", "15000000", "16000000", "17000000"}
KEYS = ["id", "split", "language", "desk", "filedAt", "timeZone", "headline", "dateline", "body", "caption", "byline",
        "flaggedUrgent", "expected", "hard", "notes"]
errors = []
def err(r, m): errors.append(f"{r['id']}: {m}")

AR_DIG = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
AR_WD = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
         "الأحد": 6, "الاحد": 6}
EN_WD = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {"كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4,
          "january": 1, "february": 2, "march": 3, "april": 4,
          # added for fresh-reports.jsonl (May-December)
          "أيار": 5, "ايار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
          "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
          "مايو": 5, "يونيو": 6, "يوليو": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
          "نوفمبر": 11, "ديسمبر": 12,
          "may": 5, "june": 6, "july": 7, "august": 8, "sept.": 9, "september": 9, "october": 10, "november": 11,
          "december": 12}
NAMED_DAYS = {"world refugee day": (6, 20)}
ORD = {"السابع": 7}

def expect_date(r):
    """Independent resolution of eventDateText → date (None if no rule applies)."""
    t = r["expected"]["eventDateText"]
    if t is None: return None
    filed = dt.datetime.fromisoformat(r["filedAt"].replace("Z", "+00:00"))
    local = filed.astimezone(ZoneInfo(r["timeZone"])).date()
    s = t.translate(AR_DIG).lower()
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m: return dt.date(int(m[3]), int(m[2]), int(m[1]))
    for name, (mon, day) in NAMED_DAYS.items():
        if name in s: return dt.date(local.year, mon, day)
    for name, mon in MONTHS.items():
        if name in s:
            m = re.search(r"(\d{1,2})", s.split(name)[0][-6:]) or re.search(r"%s (\d{1,2})" % name, s)
            if m: return dt.date(local.year, mon, int(m[1]))
            for w, d in ORD.items():
                if w in s: return dt.date(local.year, mon, d)
    if "أمس" in t or "امس" in t or "yesterday" in s:
        return local - dt.timedelta(days=1)
    for names in (AR_WD, EN_WD):
        for w, wd in names.items():
            if w in s:
                back = (local.weekday() - wd) % 7
                return local - dt.timedelta(days=back)
    if any(k in s for k in ["اليوم", "قبل قليل", "today", "this evening", "minutes ago", "local time"]):
        return local
    return "?"

seen = set()
rows = [json.loads(l) for l in open(jsonl, encoding="utf-8")]
for r in rows:
    if list(r.keys()) != KEYS: err(r, "key order/names %s" % list(r.keys()))
    if r["id"] in seen: err(r, "duplicate id")
    seen.add(r["id"])
    e = r["expected"]
    text = "\n".join([r["headline"], r["dateline"] or "", "\n".join(r["body"]), r["caption"] or "",
                      (r["byline"] or {}).get("name", ""), (r["byline"] or {}).get("bio", "")])
    n = len("\n".join(r["body"]))
    if not (2 <= len(r["body"]) <= 4): err(r, "paragraphs %d" % len(r["body"]))
    if not (600 <= n + len(r["headline"]) <= 2000): err(r, "length %d" % n)
    ZoneInfo(r["timeZone"])
    for p in e["places"]:
        g = p["geonames"]
        if g in CITY:
            lat, lon, nm = CITY[g]
            if (round(lat, 5), round(lon, 5)) != (round(p["lat"], 5), round(p["lon"], 5)):
                err(r, f"coords {g} {p['lat']},{p['lon']} != {lat},{lon}")
            if p["kind"] == "country": err(r, f"{g} is a city, kind country")
        elif g in COUNTRY:
            if p["kind"] != "country": err(r, f"{g} country with kind {p['kind']}")
        else:
            err(r, f"geonames {g} not in cities500 nor country list")
        if p["kind"] not in {"city", "region", "neighbourhood", "country", "admin1"}: err(r, "kind " + p["kind"])
        for w in p["written"]:
            if w not in text: err(r, f"place form not in text: {w}")
        if p["dateline"] and not r["dateline"]: err(r, "dateline place without dateline")
    if r["dateline"] and not any(p["dateline"] for p in e["places"]): err(r, "dateline without dateline place")
    if len({p["geonames"] for p in e["places"]}) != len(e["places"]): err(r, "duplicate geonames id")
    for q in e["parties"]:
        for w in [q["written"]] + q.get("alsoWritten", []):
            if w not in text: err(r, f"party form not in text: {w}")
        if q["qid"] is not None and not re.fullmatch(r"Q\d+", q["qid"]): err(r, "bad qid")
    for s in e["sources"]:
        if s not in text: err(r, f"source not in text: {s}")
    if e["eventDateText"] is not None and e["eventDateText"] not in text:
        # allow the phrase to be split (e.g. 'minutes ago, shortly after midnight')
        if not all(part.strip() in text for part in e["eventDateText"].split(",")):
            err(r, "date text not in text: " + e["eventDateText"])
    want = expect_date(r)
    got = e["eventDate"]
    if (want is None) != (got is None): err(r, f"eventDate {got} vs text {e['eventDateText']}")
    elif want is not None and (want == "?" or want.isoformat() != got): err(r, f"eventDate {got} but rule gives {want}")
    if not (1 <= len(e["subjects"]) <= 3) or any(s.split(":")[1] not in TOP for s in e["subjects"]): err(r, "subjects")
    if not (1 <= e["urgency"] <= 9): err(r, "urgency")
    if r["flaggedUrgent"] and e["urgency"] > 3: err(r, "flagged urgent but urgency > 3")

for x in errors: print("ERROR", x)
c = Counter((r["language"], r["split"]) for r in rows)
print("counts", dict(c))
# tz-boundary: local filing date differs from the UTC date
tzb = [r["id"] for r in rows if dt.datetime.fromisoformat(r["filedAt"].replace("Z", "+00:00")).astimezone(ZoneInfo(r["timeZone"])).date()
       != dt.datetime.fromisoformat(r["filedAt"].replace("Z", "+00:00")).date()]
print("local date != UTC date:", tzb)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
