"""The words for one match of a speech rule: formatters named by `say = "..."` in rules/speech.toml.

Numbers go through num2words; these only arrange its words (currency names, scales, units, clock times,
decades, e-mail addresses and web addresses), which no library does for news text in our engines' terms.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable

from num2words import num2words

from tts_pipeline.stages.lexicon import say_digits, spell_letters

SCALES = {"bn": "billion", "billion": "billion", "m": "million", "mn": "million", "million": "million"}
SCALES |= {"k": "thousand", "tn": "trillion", "trillion": "trillion", "lakh": "lakh", "crore": "crore"}
CURRENCIES = {"£": ("pound", "pounds", "pence"), "$": ("dollar", "dollars", "cents"), "€": ("euro", "euros", "cents")}
CURRENCIES |= {"¥": ("yen", "yen", "sen"), "₩": ("won", "won", "jeon"), "₹": ("rupee", "rupees", "paise")}
CURRENCIES |= {"₽": ("rouble", "roubles", "kopecks"), "₺": ("lira", "lira", "kurus"), "₦": ("naira", "naira", "kobo")}
CURRENCIES |= {"₴": ("hryvnia", "hryvnias", "kopiykas"), "US$": ("US dollar", "US dollars", "cents")}
CURRENCIES |= {"Rs": ("rupee", "rupees", "paise")}
CURRENCIES |= {
    "A$": ("Australian dollar", "Australian dollars", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cents"),
}
CURRENCIES |= {
    "C$": ("Canadian dollar", "Canadian dollars", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cents"),
    "S$": ("Singapore dollar", "Singapore dollars", "cents"),
}
TITLES = {"Mr": "Mister", "Mrs": "Missus", "Ms": "Mizz", "Dr": "Doctor", "Prof": "Professor", "Sgt": "Sergeant"}
TITLES |= {"Gen": "General", "Lt": "Lieutenant", "Col": "Colonel", "Capt": "Captain", "Cpl": "Corporal"}
TITLES |= {"Rev": "Reverend", "Sen": "Senator", "Rep": "Representative", "Gov": "Governor", "St": "Saint"}
TITLES |= {"Supt": "Superintendent", "Insp": "Inspector"}
ABBREVIATIONS = {"e.g.": "for example", "i.e.": "that is", "etc.": "etcetera", "vs": "versus", "vs.": "versus"}
ABBREVIATIONS |= {"approx.": "approximately"}
UNITS = {"km": "kilometres", "kg": "kilograms", "mph": "miles per hour", "cm": "centimetres", "mm": "millimetres"}
UNITS |= {"km/h": "kilometres per hour", "kmh": "kilometres per hour", "ml": "millilitres", "mg": "milligrams"}
UNITS |= {"kW": "kilowatts", "MW": "megawatts", "GW": "gigawatts", "kWh": "kilowatt hours", "ft": "feet"}
UNITS |= {"lb": "pounds", "lbs": "pounds", "sqkm": "square kilometres", "sqft": "square feet", "sqm": "square metres"}
UNITS |= {"°C": "degrees Celsius", "°F": "degrees Fahrenheit", "ha": "hectares", "kph": "kilometres per hour"}
UNITS |= {"km²": "square kilometres", "m²": "square metres", "oz": "ounces", "GHz": "gigahertz", "MHz": "megahertz"}
UNITS |= {"kHz": "kilohertz", "Hz": "hertz", "GB": "gigabytes", "MB": "megabytes", "TB": "terabytes"}
UNITS |= {"Tb": "terabits", "dB": "decibels", "C": "degrees Celsius", "F": "degrees Fahrenheit"}
UNITS |= {"mAh": "milliamp hours", "bp": "basis points", "hrs": "hours", "hr": "hours", "mins": "minutes"}
UNITS |= {"pts": "points", "pt": "points", "g": "grams", "min": "minutes", "tbsp": "tablespoons"}
UNITS |= {"tsp": "teaspoons", "kcal": "calories"}
SINGULAR = {"feet": "foot", "pounds": "pound", "degrees": "degree", "ounces": "ounce", "hertz": "hertz"}
NOT_PLURAL = {"basis", "Celsius"}  # words of a unit's name that end in s but are no plural
FRACTIONS = {2: ("half", "halves"), 4: ("quarter", "quarters")}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
_MONTH_NAMES_ALL = (*_MONTH_NAMES, "November", "December")
MONTHS = {m[:3]: m for m in _MONTH_NAMES_ALL}
MONTHS["Sept"] = "September"
DAYS = {"Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday", "Thur": "Thursday"}
DAYS |= {"Thurs": "Thursday", "Fri": "Friday", "Sat": "Saturday", "Sun": "Sunday"}
NAMES = {**MONTHS, **DAYS}
# The AP style abbreviations of US states, as datelines write them ("MIAMI, FLA. (WSVN) -").
STATES = {"ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado"}
STATES |= {"conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois"}
STATES |= {"ind": "Indiana", "kan": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland"}
STATES |= {"mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri"}
STATES |= {"mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire", "n.j": "New Jersey"}
STATES |= {"n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota", "okla": "Oklahoma"}
STATES |= {"ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina", "s.d": "South Dakota"}
STATES |= {"tenn": "Tennessee", "vt": "Vermont", "va": "Virginia", "wash": "Washington", "w.va": "West Virginia"}
STATES |= {"wis": "Wisconsin", "wyo": "Wyoming"}
# Words in a run of capitals said as words, though short: they would otherwise be spelled as acronyms.
STREETS = {"St": "Street", "Rd": "Road", "Ave": "Avenue", "Blvd": "Boulevard", "Ln": "Lane", "Sq": "Square"}
STREETS |= {"Hwy": "Highway", "Apt": "Apartment", "Dr": "Drive", "Pl": "Place", "Ct": "Court", "Cres": "Crescent"}
STREETS |= {"Pkwy": "Parkway", "Tce": "Terrace"}
SMALL_WORDS = {"A", "AN", "AND", "AS", "AT", "BY", "FOR", "IN", "OF", "ON", "OR", "THE", "TO"}
_VOWELS = set("AEIOUY")


def _number_words(number: int, to: str = "cardinal") -> str:
    """num2words without its commas and British "and": Whisper writes 'one hundred and thirty thousand' back
    as '100 and 30,000' and 'one hundred and first' as words, but 'one hundred thirty thousand' as '130,000'
    and 'one hundred first' as '101st' (measured with espeak-ng and tiny.en)."""
    return num2words(number, to=to).replace(",", "").replace(" and ", " ")


def say_number(text: str) -> str:
    """'1,234' -> 'one thousand two hundred thirty-four'; '1.25' -> 'one point two five'; '.5' -> 'point
    five'; '2.050' -> 'two point zero five zero' (every written digit is said)."""
    plain = text.replace(",", "")
    if "." in plain:
        whole, fraction = plain.split(".", 1)
        digits = " ".join(num2words(int(d)) for d in fraction)
        return f"{_number_words(int(whole))} point {digits}" if whole else f"point {digits}"
    if len(plain) > 1 and plain.startswith("0"):  # '007', '0800': digit by digit
        return say_digits(plain)
    return _number_words(int(plain))


def _is_one(amount: str) -> bool:
    return amount.replace(",", "") in ("1", "1.0", "1.00")


def _currency(m: re.Match[str]) -> str:
    one, many, cents = CURRENCIES[m["symbol"].rstrip(".")]
    amount, scale = m["amount"], m["scale"]
    if m["start"]:  # '£5-10m' -> 'five to ten million pounds'
        words = (say_number(m["start"]), "to", say_number(amount), SCALES.get(scale or ""), many)
        return " ".join(word for word in words if word)
    if scale:
        return f"{say_number(amount)} {SCALES[scale]} {many}"
    whole, _, fraction = amount.replace(",", "").partition(".")
    words = f"{say_number(whole)} {one if _is_one(whole) else many}"
    if len(fraction) == 2 and int(fraction):
        words += f" {num2words(int(fraction))}"  # '£3.50' -> 'three pounds fifty'
    elif fraction and int(fraction):
        words = f"{say_number(amount)} {many}"
    return words if whole != "0" or not fraction else f"{num2words(int(fraction))} {cents}"


def _time(m: re.Match[str]) -> str:
    groups = m.groupdict()
    hour, minute, ampm = (next((v for k, v in groups.items() if k.startswith(name) and v), None) for name in _TIME)
    minute = minute or "00"
    h, mins = int(hour), int(minute)
    if mins == 0:
        words = num2words(h) + ("" if ampm else " hundred" if h == 0 or h > 12 else " o'clock")
    elif mins < 10:
        words = f"{num2words(h)} oh {num2words(mins)}"
    else:
        words = f"{num2words(h)} {num2words(mins)}"
    if ampm:
        words += " " + spell_letters(ampm, final_dot=m.string[m.end() : m.end() + 1] != ".")
    return words


_TIME = ("hour", "minute", "ampm")


# Before these, '12C' and '4F' are a flat or a seat, not a temperature.
PLACE_WORDS = {"flat", "apt", "apartment", "unit", "room", "suite", "gate", "seat", "row", "platform", "block"}


def _unit(m: re.Match[str]) -> str:
    unit = m["unit"].replace(" ", "")
    before = m.string[: m.start()].split()[-1:]
    if unit in ("C", "F") and before and before[0].lower().strip(".") in PLACE_WORDS:
        return f"{say_number(m['amount'])} {unit}"
    name = UNITS.get(unit) or UNITS[unit.lower()]
    if _is_one(m["amount"]):  # 'one kilometre', 'one foot', 'one mile per hour', 'one kilowatt hour'
        name = _singular(name)
    if m["start"]:  # '6-8ft' -> 'six to eight feet'
        return f"{say_number(m['start'])} to {say_number(m['amount'])} {name}"
    return f"{say_number(m['amount'])} {name}"


def _singular(name: str) -> str:
    """A unit's name for one: its first plural word made singular, wherever it stands ('miles per hour' ->
    'mile per hour', 'degrees Celsius' -> 'degree Celsius', 'kilowatt hours' -> 'kilowatt hour', 'basis
    points' -> 'basis point')."""
    words = name.split()
    for at, word in enumerate(words):
        if word in SINGULAR or (word.endswith("s") and word not in NOT_PLURAL):
            words[at] = SINGULAR.get(word, word[:-1])
            break
    return " ".join(words)


def _fraction(m: re.Match[str]) -> str:
    """'1/2' -> 'one half', '3/4' -> 'three quarters', '2/3' -> 'two thirds' (proper fractions only)."""
    top, bottom = int(m["top"]), int(m["bottom"])
    if not 0 < top < bottom:
        return m.group(0)
    one, many = FRACTIONS.get(bottom) or (num2words(bottom, to="ordinal"), num2words(bottom, to="ordinal") + "s")
    return f"{num2words(top)} {one if top == 1 else many}"


ROMAN = {"I": 1, "V": 5, "X": 10}
# After these a Roman numeral is a number ('World War Two', 'Title Nine'); after a name, a regnal ordinal.
COUNTED_WITH_NUMERALS = {"War", "Part", "Chapter", "Vol", "Volume", "Act", "Phase", "Stage", "Book", "Apollo"}
COUNTED_WITH_NUMERALS |= {"Episode", "Season", "Series", "Title", "Article", "Section", "Class", "Grade", "Level"}
COUNTED_WITH_NUMERALS |= {"Tier", "Category", "Type", "Round", "Schedule", "Annex", "Appendix", "Rocky"}


def _roman(m: re.Match[str]) -> str:
    """'Henry VIII' -> 'Henry the Eighth'; after 'War' (or 'Part', 'Vol'...) the number: 'World War Two'."""
    values = [ROMAN[ch] for ch in m["roman"]]
    number = sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    if m["name"] in COUNTED_WITH_NUMERALS:
        return f"{m['name']} {num2words(number).capitalize()}"
    return f"{m['name']} the {num2words(number, to='ordinal').capitalize()}"


def _postcode(m: re.Match[str]) -> str:
    return " ".join(num2words(int(ch)) if ch.isdigit() else ch for ch in m.group(0) if ch.isalnum())


def _zip_code(m: re.Match[str]) -> str:
    """'CA 95051' -> 'C.A nine five oh five one'; an Australian '2000' after NSW is a postcode only there
    (so 'IN 2024' in a headline is not a ZIP). Left alone in an all-capitals headline."""
    if _all_capitals(m.string):
        return m.group(0)
    state, code = m["state"] or m["state2"], m["zip"] or m["zip2"]
    digits = ", ".join(say_digits(part) for part in code.split("-"))  # ZIP+4: a pause before the four
    return f"{spell_letters(state, final_dot=False)} {digits}"


def _time_24h(m: re.Match[str]) -> str:
    hour = "oh " + num2words(int(m["hour"])) if m["hour"].startswith("0") else num2words(int(m["hour"]))
    minute = int(m["minute"])
    return f"{hour} hundred" if minute == 0 else f"{hour} {'oh ' if minute < 10 else ''}{num2words(minute)}"


def _pence_cents(m: re.Match[str]) -> str:
    word = {"p": ("penny", "pence"), "c": ("cent", "cents")}[m["unit"]]
    return f"{say_number(m['amount'])} {word[0] if m['amount'] == '1' else word[1]}"


def _percent(m: re.Match[str]) -> str:
    word = "per cent" if re.search(r"per\s+cent", m.group(0)) else "percent"  # as the publisher writes it
    if m["start"]:
        return f"{say_number(m['start'])} to {say_number(m['amount'])} {word}"
    return f"{say_number(m['amount'])} {word}"


def _numeric_date(m: re.Match[str]) -> str:
    a, b, year = int(m["a"] or m["a2"]), int(m["b"] or m["b2"]), m["year"] or m["year2"]
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    said_year = num2words(full_year, to="year") if len(year) == 4 else _number_words(int(year))
    day, month = (a, b) if a > 12 else (b, a) if b > 12 else (0, 0)  # 5/6/2024: 5 June or May 6?
    try:
        datetime.date(full_year, month, day)
    except ValueError:  # ambiguous or no such day: the numbers as written
        return " slash ".join([_number_words(a), _number_words(b), said_year])
    name, ordinal = _MONTH_NAMES_ALL[month - 1], num2words(day, to="ordinal")
    return f"{ordinal} {name} {said_year}" if day == a else f"{name} {ordinal} {said_year}"


def _date(m: re.Match[str]) -> str:
    day = int(m["day"] or m["day2"])
    written = m["month2"] or m["month"]
    month = MONTHS.get(written, written)
    if not 1 <= day <= 31:
        return m.group(0)
    ordinal = num2words(day, to="ordinal")
    if m["first"] and 1 <= int(m["first"]) < day:  # '12-14 March' -> 'twelfth to fourteenth March'
        ordinal = f"{num2words(int(m['first']), to='ordinal')} to {ordinal}"
    return f"{ordinal} {month}" if m["day"] else f"{month} {ordinal}"


def _iso_date(m: re.Match[str]) -> str:
    day, month, year = int(m["day"]), int(m["month"]), int(m["year"])
    return f"{num2words(day, to='ordinal')} {_MONTH_NAMES_ALL[month - 1]} {num2words(year, to='year')}"


def _name_range(m: re.Match[str]) -> str:
    return f"{NAMES[m['first']]} to {NAMES[m['last']]}"


def _decade(m: re.Match[str]) -> str:
    tens = num2words(int(m["decade"]) * 10) if m["decade"] != "0" else "hundred"
    if m["century"]:
        century = int(m["century"])
        if century == 20 and m["decade"] == "0":
            return "two thousands"
        base = f"{num2words(century)} {tens}"
    else:
        base = tens
    return re.sub(r"y$", "ies", base) if base.endswith("y") else base + "s"


def _say_maybe_year(text: str) -> str:
    if re.fullmatch(r"1[1-9]\d\d|20\d\d", text):
        return num2words(int(text), to="year")
    return say_number(text)


def _range(m: re.Match[str]) -> str:
    start, end = m["start"], m["end"]
    if re.fullmatch(r"(1[1-9]|20)\d\d", start) and re.fullmatch(r"\d\d", end):
        end = start[:2] + end  # '2019-20' -> 2019 to 2020
    return f"{_say_maybe_year(start)} to {_say_maybe_year(end)}"


def _letters(m: re.Match[str]) -> str:
    if _all_capitals(m.string):  # an all-capitals headline: leave it be
        return m.group(0)
    before_dot = m.string[m.end() : m.end() + 1] == "."  # 'in the UK.' -> 'in the U.K.' not 'U.K..'
    if m["plural"]:
        return spell_letters(m["letters"]) + "s"
    return spell_letters(m["letters"], final_dot=not before_dot)


def _all_capitals(text: str) -> bool:
    """An all-capitals headline or line: more than half its words (and more than two) in capitals."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return sum(w.isupper() for w in words) > max(2, len(words) // 2)


def said_as_word(word: str) -> bool:
    """Would a reader say this word in capitals as a word (CITY, NEW, DADE) rather than as letters (BBC,
    WSVN, FBI, UNHCR)? A guess from its shape, no dictionary: three letters need consonant-vowel-consonant;
    longer words a vowel after the first letter followed by a consonant, and a vowel in every five letters."""
    letters = "".join(ch for ch in word.upper() if ch.isalpha())
    if letters in SMALL_WORDS:
        return True
    if len(letters) == 3:
        return letters[0] not in _VOWELS and letters[1] in _VOWELS and letters[2] not in _VOWELS
    closed_vowel = any(a in _VOWELS and b not in _VOWELS for a, b in itertools.pairwise(letters[1:]))
    return len(letters) >= 4 and closed_vowel and 5 * sum(ch in _VOWELS for ch in letters) >= len(letters)


def _capitals(m: re.Match[str]) -> str:
    """A run of words in capitals, in title case where said as words (the acronym rule spells the rest)."""
    parts = re.split(r"(\s+|-)", m.group(0))
    words = parts[0::2]
    if _all_capitals(m.string) or not any(len(w) >= 4 and said_as_word(w) for w in words):
        return m.group(0)
    out = []
    for n, part in enumerate(parts):
        if n % 2 or not said_as_word(part):
            out.append(part)
        elif part in SMALL_WORDS and n:
            out.append(part.lower())
        else:
            out.append(part.capitalize())
    return "".join(out)


def _state(m: re.Match[str]) -> str:
    return STATES.get(m["abbr"].lower(), m.group(0))


def _height(m: re.Match[str]) -> str:
    """'6ft 1in' -> 'six feet one inch'; '5ft 11' -> 'five feet eleven'."""
    feet, inches = int(m["feet"]), int(m["inches"])
    said = f"{_number_words(feet)} {'foot' if feet == 1 else 'feet'} {_number_words(inches)}"
    return f"{said} {'inch' if inches == 1 else 'inches'}" if m["unit"] else said


def _bracket(m: re.Match[str]) -> str:
    return f", {m.group(1).strip()}{m['after'] or ','} "


FORMATTERS: dict[str, Callable[[re.Match[str]], str]] = {
    "number": lambda m: say_number(m["amount"]),
    "year": lambda m: num2words(int(m["year"]), to="year"),
    "ordinal": lambda m: _number_words(int(m["number"].replace(",", "")), to="ordinal"),
    "percent": _percent,
    "fraction": _fraction,
    "times": lambda m: f"{say_number(m['amount'])} times",
    "scale": lambda m: f"{say_number(m['amount'])} {SCALES[m['scale']]}",
    "unit": _unit,
    "currency": _currency,
    "currency-name": lambda m: CURRENCIES[m["symbol"]][1],
    "currency-scale": lambda m: f"{SCALES[m['scale']]}s of {CURRENCIES[m['symbol']][1]}",
    "symbol": lambda m: " " if m.lastgroup == "slash" else f" {m.lastgroup} ",  # and/or, 24/7: a reader skips it
    "time": _time,
    "date": _date,
    "numeric-date": _numeric_date,
    "iso-date": _iso_date,
    "name-range": _name_range,
    "pence-cents": _pence_cents,
    "time-24h": _time_24h,
    "postcode": _postcode,
    "roman": _roman,
    "zip-code": _zip_code,
    "number-letter": lambda m: f"{say_number(m['number'])} {m['letter']}",
    "street": lambda m: STREETS[m["abbr"] or m["abbr2"]],
    "decade": _decade,
    "range": _range,
    "letters": _letters,
    "bracket": _bracket,
    "height": _height,
    "tonnes": lambda m: f"{say_number(m['amount'])} {'tonne' if _is_one(m['amount']) else 'tonnes'}",
    "month": lambda m: MONTHS[m["month"]],
    "capitals": _capitals,
    "state": _state,
    "title": lambda m: TITLES[m["abbr"]],
    "abbreviation": lambda m: ABBREVIATIONS[m["abbr"]],
}
