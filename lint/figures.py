"""Figures a reader would want sourced: counts, sums of money, percentages and
hedged amounts in a sentence, told apart from numbers that are no quantity
(dates, times, ages, addresses, the 747 in "Boeing 747").
"""

from __future__ import annotations

import bisect

import regex

from lint.lexicon import Lexicon, matches
from lint.literals import Words
from lint.patterns import Pattern, finditer
from lint.phrases import words_in

_PERCENT_AFTER = regex.compile(r"\s?(?:%|percent|per\s?cent)")

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NUMBER = regex.compile(
    r"(?<![\p{L}\p{N}.,:/$€£¥₹#-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{N}]|[.,:]\d|\p{L}|-\p{L}|[°′″])",

)
_WORD_NUMBERS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "dozen": 12}
# A Pattern, so that the quick test skips the many sentences without a number word.
_WORD_NUMBER = Pattern(
    r"(?<![\w'’-])(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|a thousand)(?![\w'’-])",
    ignorecase=True, word=False, where=(__file__, None),
)
_MAGNITUDE = regex.compile(r"^\s*(?:(hundred|thousand|million|billion|trillion)|(bn|m|k))\b", regex.I)
_MONEY = regex.compile(
    r"(?:(?<![\p{L}])(?:US|A|C|NZ|HK|S|R)?[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    r"|(?<![\p{L}\p{N}])\d[\d,]*(?:\.\d+)?\s?(?:million |billion |trillion )?(?:dollars|euros|pounds|yen|yuan|rupees|rubles|roubles|francs|USD|EUR|GBP)\b)",

)
# Numbers that are not quantities: dates, times, ages, names, ordinals, addresses.
_NOT_QUANTITY = regex.compile(
    r"(?<![\p{L}\p{N}])(?:1[5-9]\d\d|20\d\d)(?:s|['’]s)?(?:\s*[–/-]\s*(?:\d{2}|\d{4}))?(?!\s?%|\s?per\s?cent|,\d|\.\d|\s*(?:percent|people|deaths|cases|votes))(?!\p{N})"
    rf"|(?<![\p{{L}}]){_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)"
    rf"|(?<!\p{{N}})\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T))?"
    r"|\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)"
    r"|\d+(?:st|nd|rd|th)\b"
    r"|\d+(?:\.\d+)?[- ](?:years?|months?|weeks?|days?|hours?)[- ]old"
    r"|\b(?:aged?|ages)\s+(?:of\s+)?\d+(?:\s*(?:and|to|-|–)\s*\d+)?"
    r"|,(?<=[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*)*,)\s*\d{1,3}\s*,"
    r"|\((?<=[\p{Lu}][\p{L}'’-]+\s\()\d{1,3}\)"
    r"|\b(?:was|is|turned|turns|died at)\s+(?:about |around |nearly |almost |over |under )?\d{1,3}(?=\s*(?:[.,;]|$|when|years|at the time))"
    r"|\d{1,3}(?:\s*[–-]\s*|\sto\s)\d{1,3}(?=\s+(?:win|victory|defeat|loss|draw|vote|decision|margin|lead|score))"
    r"|(?<!\p{N})\d{1,3}\s*[–-]\s*\d{1,3}(?!\s*(?:%|percent|people|deaths|per))(?!\p{N})"
    r"|\b\d+[- ](?:day|week|month|year|hour|minute|second|mile|km|metre|meter|foot|storey|story|point|seat|member)s?\b(?=[- ]\p{L})"
    r"|\d+\s+(?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Square|Court|Highway)\b"
    r"|(?<![\p{L}])(?:No|Nos|no|nos|number|Number|#|Room|Gate|Platform|Pier|[Ff]light|[Rr]oute|[Hh]ighway|[Bb]us|[Tt]rain|[Cc]hannel"
    r"|[Cc]hapter|[Aa]rticle|[Ss]ection|[Bb]ill|[Rr]esolution|[Ll]evel|[Gg]rade|[Ss]tage|[Pp]hase|[Cc]ategory|[Cc]lass"
    r"|[Vv]ersion|[Ss]eason|[Ee]pisode|[Gg]ame|[Rr]ound|[Ww]ard|[Dd]istrict|[Zz]one|[Pp]roposition|[Aa]mendment)\.?\s*\d+"
    r"|\b\d+\s*(?:mm|cm|kg|g|mg|ml|km/h|mph|kmh|°[CF]?)\b",

)
_DIGIT = regex.compile(r"\d")
_DEFINITE = regex.compile(r"(?<![\w'’-])(?:the|these|those|his|her|their|its|our|my|your|all|both)\s+$", regex.I)
# A number right after a capitalised word is part of a name: Boeing 747, Apollo 11.
_NAME_BEFORE = regex.compile(r"(?:^|[\s(])([\p{Lu}][\p{L}\p{N}'’.&-]*)\s$")
_COMMON_OPENERS = frozenset(
    """in on at by about around roughly approximately nearly almost over under some since only just more less
    fewer least up to as of the a an and but yet so also another all between from with after before during
    until than exactly precisely barely some many most""".split()
)


def statistic_spans(lex: Lexicon, min_count: int, text: str, lo: int, hi: int, words: Words) -> list[tuple[int, int]]:
    """Spans of figures a reader would want sourced, in sentence text[lo:hi] (`words` its quick-test form)."""
    found: list[tuple[int, int]] = []
    if matches(lex.threshold_re, text, lo, hi, words):
        return []  # a rule or a target: "a two-thirds majority is needed"
    digits = [m.start() for m in _DIGIT.finditer(text, lo, hi)]
    excluded = None  # found when first asked: most figures are ruled out by cheaper tests first

    def free(s, e):
        nonlocal excluded
        if excluded is None:
            excluded = []
            if digits:  # dates, ages, names and the like all hold a digit: look only near them
                near_lo, near_hi = max(lo, digits[0] - 40), min(hi, digits[-1] + 30)
                excluded = [(m.start(), m.end()) for m in finditer(_NOT_QUANTITY, text, near_lo, near_hi)]
        return not _overlaps(excluded, s, e)

    found.extend((m.start(), m.end()) for m in matches(lex.statistic_re, text, lo, hi, words)
                 if free(m.start(), m.end()))
    found.extend((m.start(), m.end()) for m in matches(lex.vague_quantity_re, text, lo, hi, words))
    # Money and numbers in digits need a digit; most sentences hold none, nor a number word.
    money = [(m.start(), m.end()) for m in finditer(_MONEY, text, lo, hi)] if digits else []
    found.extend(span for span in money if free(*span))
    numbers = [(m.start(), m.end(), _value(m.group(), text, m.end())) for m in finditer(_NUMBER, text, lo, hi)] if digits else []
    numbers += [(m.start(), m.end(), _value(m.group(), text, m.end())) for m in _WORD_NUMBER.matches(text, words, lo, hi)]
    for s, e, value in numbers:
        if _overlaps(money, s, s + 1) or _named_number(text, lo, s, e):
            continue
        after = words_in(text[e : min(hi, e + 80)])[:6]
        unit = after[0].group().lower() if after else ""
        if unit in lex.not_count_units or unit.rstrip(".") in lex.not_count_units:
            continue
        if unit in ("hundred", "thousand", "million", "billion", "trillion") and len(after) > 1:
            if after[1].group().lower() in lex.not_count_units:
                continue
        end = e + after[0].end() if unit in ("hundred", "thousand", "million", "billion", "trillion") else e
        before = text[max(lo, s - 40) : s]
        hedged = lex.hedge_re is not None and lex.hedge_re.search(before)
        if not hedged and _DEFINITE.search(before):
            continue  # "the two parents", "all six aboard": a reference, not a count
        if not hedged and unit in lex.tally_nouns:
            continue  # "elected with 58,825 votes": a published tally
        value = value or 0
        count = value >= min_count or hedged and value >= 10 or value >= 2 and _casualty(lex, text, lo, s, after)
        if count and free(s, e):
            start = s - len(hedged.group()) if hedged else s
            found.append((start, end))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _casualty(lex: Lexicon, text: str, lo: int, s: int, after: list) -> bool:
    """Whether the number at `s` counts casualties: a count noun in the words `after` it
    ("12 people"), or a participle of one just before it ("killing 12")."""
    if any(w.group().lower() in lex.count_nouns for w in after[:5]):
        return True
    prior = [w.group().lower() for w in words_in(text[max(lo, s - 30) : s])][-3:]
    return any(w in lex.count_nouns and w.endswith(("ing", "ed")) for w in prior)


def _named_number(text: str, lo: int, s: int, e: int) -> bool:
    """Boeing 747, COVID-19, G20, Route 66: a number that is part of a name."""
    if s > lo and (text[s - 1].isalpha() or text[s - 1] in "-/" and text[s - 2 : s - 1].isalpha()):
        return True  # glued to letters: G20, COVID-19, F-35
    if _PERCENT_AFTER.match(text, e, e + 12):
        return False
    m = _NAME_BEFORE.search(text[max(lo, s - 40) : s])
    # a capitalised word right before: a name, unless it opens the sentence ("About 300")
    return bool(m) and m.group(1).lower() not in _COMMON_OPENERS and m.group(1) != "I"


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of `spans`, which are sorted and disjoint (finditer's matches)."""
    i = bisect.bisect_left(spans, (e,))  # the first span starting at or after e
    return i > 0 and spans[i - 1][1] > s


def _value(token: str, text: str, end: int) -> float | None:
    low = token.lower().replace("a ", "").strip()
    if low in _WORD_NUMBERS:
        value = float(_WORD_NUMBERS[low])
    elif "-" in low and all(p in _WORD_NUMBERS for p in low.split("-")):
        value = float(sum(_WORD_NUMBERS[p] for p in low.split("-")))
    else:
        try:
            value = float(low.replace(",", ""))
        except ValueError:
            return None
    m = _MAGNITUDE.match(text[end : end + 12])
    if m:
        scale = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                 "bn": 10**9, "m": 10**6, "k": 1000}[(m.group(1) or m.group(2)).lower()]
        value *= scale
    return value

