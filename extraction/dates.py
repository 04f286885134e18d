"""Date expressions and their resolution against the article's reference date.

"ngày 25/1", "Hôm 7/1", "25/1/2022" -> day; "tháng trước", "cuối tháng 12", "tuần trước" -> month;
"cùng ngày" -> the last day named before it; "hôm thứ Ba" -> the latest Tuesday; "năm ngoái" and the like
-> found but undated (the contract has no year precision).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# months written as words take a capital ("tháng Một", "tháng Giêng"): "tháng năm" is "months and years"
MONTH_WORDS = {"Một": 1, "Giêng": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8, "Chín": 9,
               "Mười": 10, "Mười một": 11, "Mười Một": 11, "Mười hai": 12, "Mười Hai": 12, "Chạp": 12}
MONTH_WORD = "(?-i:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + ")(?![^\\W\\d_])"

DATE = re.compile(
    r"""
    (?P<day_prefix>\b(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng\ sáng)\s+
        (?:(?:thứ\s+\w+|chủ\s+nhật)\s*\(\s*)?                      # "hôm thứ Hai (24/1)"
      | \b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*\(\s*)  # "thứ Hai (24/1)"
    (?P<day>\d{1,2})\s*(?:(?:/|-|\s+tháng\s+)(?P<month>\d{1,2})(?!/\d{1,2}(?!\d))   # (not "11-12/7": two days of July)
                       |\s+tháng\s+(?P<month_word>{MONTH_WORD}))
      (?:\s*(?:/|-|\s+năm\s+)(?P<year>\d{4}))?\b                  # "ngày 10 tháng Một năm 2022" too
      (?:\s+(?P<day_year_word>năm\s+(?:ngoái|trước|nay))\b)?   # 25/1, 24-1, 25/1/2022, 24 tháng 1 năm 2022,
                                                                 # 30/12 năm ngoái ("14.1" is read as 14/1: textmap.py)
    | \b(?P<day_bare>\d{1,2})/(?P<month_bare>\d{1,2})/(?P<year_bare>\d{4})\b   # 25/1/2022 with no "ngày"
    | \b(?P<edge>(?:đầu|giữa|cuối)\s+)?tháng\s+(?:(?P<m_only>\d{1,2})|(?P<m_only_word>{MONTH_WORD}))
      (?:\s*(?:/|\s+năm\s+)(?P<m_year>\d{4}))?\b
      (?:\s+(?P<month_year_word>năm\s+(?:ngoái|trước|nay))\b)?  # cuối tháng 12/2021, tháng 1 năm 2022,
                                                                 # tháng 12 năm ngoái
    | \b(?P<rel>(?:(?:đầu|giữa|cuối)\s+)?tháng\s+(?:trước|này|qua)   # tháng trước, đầu tháng này
        | (?:cuối\s+)?tuần\s+(?:trước|qua) | (?:đầu\s+|cuối\s+)?tuần\s+này
        | (?:hôm|sáng|trưa|chiều|tối|đêm)\s+qua | hôm\s+kia
        | (?:hôm|sáng|trưa|chiều|tối|rạng\s+sáng)\s+nay
        | (?:(?:sáng|trưa|chiều|tối|đêm)\s+)?cùng\s+(?:ngày|sáng|trưa|chiều|tối|đêm)   # "tối cùng ngày", "cùng tối"
        | ngày\s+hôm\s+sau | (?:một|1)\s+ngày\s+sau(?=\s*,)   # "Một ngày sau, ông Biden ...": the day after
        | (?:\d{1,2}|một|hai|ba|bốn|năm)\s+ngày\s+(?:trước|sau)\s+đó | trước\s+đó\s+một\s+ngày   # from the last day
        | năm\s+ngoái | năm\s+trước)\b
    | \b(?:hôm|sáng|trưa|chiều|tối|đêm|rạng\ sáng)\s+(?P<weekday>thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b
        (?P<last_week>\s+tuần\s+(?:trước|qua))?                   # "hôm thứ Ba tuần trước": last week's
        (?:\s+tuần\s+này)?                                         # "hôm thứ Tư tuần này": the last Wednesday
        (?!\s*\(|\s*,?\s*ngày)                                    # "hôm thứ Ba": the last Tuesday
    | \bvào\s+(?P<past_weekday>thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s+tuần\s+(?:trước|qua)\b
                                        # "vào thứ Sáu tuần trước" (a bare "vào thứ Sáu" may be ahead: no date)
    """.replace("{MONTH_WORD}", MONTH_WORD.replace(" ", r"\ ")),
    re.X | re.I,
)


URL_DATE = re.compile(
    r"""(20\d\d)[/-]?(\d\d)[/-]?(\d\d)(?!\d)   # ".../2022/01/25/...", "...-20220125..."
    """,
    re.X,
)
FULL_DATE = re.compile(
    r"""\b(\d{1,2})/(\d{1,2})/(20\d\d)\b   # "Thứ Sáu, 21/01/2022 19:45"
    """,
    re.X,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # "YYYY-MM-DD" | "YYYY-MM" | None
    precision: str  # "day" | "month" | "unknown"


def _year_for(month: int, ref: dt.date) -> int:
    """The nearer of the two readings, the past on a tie: December in a January article is last year's, June in
    an April one this year's (a start ahead, "từ ngày 14/6", never the day of words 10 months back)."""
    return ref.year - 1 if month - ref.month >= 6 else ref.year


def _month_back(ref: dt.date, months: int) -> str:
    y, m = ref.year, ref.month - months
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def _month_of_week(first: dt.date, last: dt.date) -> tuple[str | None, str]:
    """The month of a week's days, none when they run across two ("tuần trước" in an article of 6 May: the
    annotators, and the GUIDELINES' "as stated or clearly implied", give no date)."""
    if (first.year, first.month) != (last.year, last.month):
        return None, "unknown"
    return first.strftime("%Y-%m"), "month"


def _relative(word: str, ref: dt.date, last_day: str | None) -> tuple[str | None, str]:
    word = " ".join(word.lower().split())
    if word.endswith("tháng trước"):
        return _month_back(ref, 1), "month"
    if word in ("tuần trước", "tuần qua"):
        monday = ref - dt.timedelta(days=ref.weekday() + 7)
        return _month_of_week(monday, monday + dt.timedelta(days=6))
    if word in ("cuối tuần trước", "cuối tuần qua"):  # last weekend: its Saturday and Sunday
        saturday = ref - dt.timedelta(days=ref.weekday() + 2)
        return _month_of_week(saturday, saturday + dt.timedelta(days=1))
    if word.endswith("tuần này"):
        monday = ref - dt.timedelta(days=ref.weekday())
        return _month_of_week(monday, monday + dt.timedelta(days=1) if word.startswith("đầu") else ref)
    if word.endswith(("tháng này", "tháng qua")):
        return ref.strftime("%Y-%m"), "month"
    if word.endswith(" qua") and word.split()[0] in PARTS_OF_DAY:  # "hôm qua", "chiều qua"
        return (ref - dt.timedelta(days=1)).isoformat(), "day"
    if word == "hôm kia":  # the day before yesterday
        return (ref - dt.timedelta(days=2)).isoformat(), "day"
    if word.endswith(" nay") and word.split()[0] in PARTS_OF_DAY | {"rạng"}:  # "hôm nay", "rạng sáng nay"
        return ref.isoformat(), "day"
    if "cùng" in word.split() and last_day:
        return last_day, "day"
    if word in ("ngày hôm sau", "một ngày sau", "1 ngày sau") and last_day:
        return (dt.date.fromisoformat(last_day) + dt.timedelta(days=1)).isoformat(), "day"
    apart = DAYS_FROM_LAST.fullmatch(word)
    if apart and last_day:  # "Hai ngày trước đó, ...": counted from the day named last
        n = apart.group("n") or "một"
        days = int(n) if n.isdigit() else SMALL_NUMBERS[n]
        sign = 1 if apart.group("dir") == "sau" else -1
        return (dt.date.fromisoformat(last_day) + dt.timedelta(days=sign * days)).isoformat(), "day"
    return None, "unknown"


SMALL_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}
PARTS_OF_DAY = frozenset({"hôm", "sáng", "trưa", "chiều", "tối", "đêm"})
DAYS_FROM_LAST = re.compile(r"(?P<n>\d{1,2}|một|hai|ba|bốn|năm) ngày (?P<dir>trước|sau) đó|trước đó một ngày")


def _year_from_word(word: str | None, ref: dt.date | None) -> int | None:
    """ "30/12 năm ngoái": last year; "tháng 3 năm nay": this year (of the reference date)."""
    if not word or not ref:
        return None
    return ref.year if word.lower().split()[-1] == "nay" else ref.year - 1


WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "nhật": 6}


def _weekday(word: str, ref: dt.date, *, last_week: bool = False) -> str:
    """ "hôm thứ Ba" in an article of Thursday 27/1: Tuesday 25/1 (the latest such day, the reference day included);
    "hôm thứ Ba tuần trước": the Tuesday of the week before the reference day's, 18/1."""
    wanted = WEEKDAYS[word.lower().split()[-1]]
    if last_week:
        return (ref - dt.timedelta(days=ref.weekday() + 7 - wanted)).isoformat()
    return (ref - dt.timedelta(days=(ref.weekday() - wanted) % 7)).isoformat()


def _day(m: re.Match, ref: dt.date | None) -> tuple[str | None, str]:
    """ "ngày 25/1" (year from the reference date), "25/1/2022"; "12/1" alone is never matched."""
    day = int(m.group("day") or m.group("day_bare"))
    month = MONTH_WORDS.get(m.group("month_word")) or int(m.group("month") or m.group("month_bare"))
    written = m.group("year") or m.group("year_bare")
    year = int(written) if written else _year_from_word(m.group("day_year_word"), ref)
    year = year or (_year_for(month, ref) if ref and 1 <= month <= 12 else None)
    try:
        return (dt.date(year, month, day).isoformat(), "day") if year else (None, "unknown")
    except ValueError:  # "31/2"
        return None, "unknown"


def _month(m: re.Match, ref: dt.date | None) -> tuple[str | None, str]:
    month = MONTH_WORDS.get(m.group("m_only_word")) or int(m.group("m_only"))
    year = int(m.group("m_year")) if m.group("m_year") else _year_from_word(m.group("month_year_word"), ref)
    year = year or (_year_for(month, ref) if ref else None)
    return (f"{year:04d}-{month:02d}", "month") if year and 1 <= month <= 12 else (None, "unknown")


def find_dates(text: str, start: int, end: int, *, ref: dt.date | None, last_day: str | None = None):
    """Date mentions in text[start:end]; relative ones need ref (else they stay undated)."""
    out = []
    for m in DATE.finditer(text, start, end):
        if m.group("day") or m.group("day_bare"):
            value, precision = _day(m, ref)
        elif m.group("m_only") or m.group("m_only_word"):
            value, precision = _month(m, ref)
        elif m.group("weekday"):
            value, precision = ((_weekday(m.group("weekday"), ref, last_week=bool(m.group("last_week"))), "day")
                                if ref else (None, "unknown"))
        elif m.group("past_weekday"):
            value, precision = ((_weekday(m.group("past_weekday"), ref, last_week=True), "day")
                                if ref else (None, "unknown"))
        else:
            value, precision = _relative(m.group("rel"), ref, last_day) if ref else (None, "unknown")
        out.append(DateMention(m.start(), m.end(), value, precision))
        if precision == "day" and not is_background(text, m.start()):
            last_day = value
    return out


BACKGROUND = re.compile(r"\b(?:sau|trước)\s+khi\s[^,.;:“”\"\n]*$", re.I)
BACKGROUND_REACH = 60


def is_background(text: str, date_start: int) -> bool:
    """ "Động thái ... diễn ra sau khi Đài Loan ngày 20/7 thông báo ...": the day of what came before or after the
    news, not the day a later "cùng ngày" means."""
    return BACKGROUND.search(text, max(0, date_start - BACKGROUND_REACH), date_start) is not None


def infer_reference_date(text: str, *, url: str | None = None) -> dt.date | None:
    """A stand-in for the publication date: a date in the URL (/2022/01/25/, -20220125), else the
    latest full date written in the text (d/m/yyyy, e.g. a timestamp line). Without one, None: a year
    named in passing ("tháng 7/2019", "năm 2022") says nothing about when the article appeared."""
    m = URL_DATE.search(url or "")
    if m:
        found = _later(None, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    best = None
    for m in FULL_DATE.finditer(text):
        best = _later(best, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return best


def _later(best: dt.date | None, year: int, month: int, day: int) -> dt.date | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return best
    return max(best, d) if best else d


def parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
