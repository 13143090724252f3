"""The readings of the data that the chapters state in words, chosen by the data.

A sentence whose truth depends on the data (which type of network is the largest, where women
led, whether the exact test is evidence, whether the intervals rule anything out, where the women
came from) is written here for every case the data can produce, and :func:`choose` picks the one
that holds. Nothing is asserted: a valid package always gets a true sentence. The wording for the
article's own data is the wording the chapters had before these readings were chosen.

Every function is pure: it takes counts, labels and p-values (:class:`Leadership`), never a data
package, so that a property-based test can draw counts and check the chosen sentence without
building anything. :func:`trata.chapters.profile.readings` feeds them from a study.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..analyse.stats import freeman_halton, wilson
from ..core import messages
from ..present.text import join_words, number_word, pct

#: Below this upper end (a proportion), an interval "rules out a sizeable share" of women leaders.
SIZEABLE = 0.10
#: Below this share of women leaders, men led "almost every" network.
ALMOST_EVERY = 0.10
#: The exact test's p-value below which the chapter calls it evidence, and below which "weak evidence".
EVIDENCE, WEAK_EVIDENCE = 0.05, 0.20

#: Countries the home page and the methodology group as "Central America".
CENTRAL_AMERICA = frozenset({"Belize", "Costa Rica", "El Salvador", "Guatemala", "Honduras", "Nicaragua", "Panama"})


@dataclass(frozen=True)
class Reading:
    """A chosen sentence and the name of the case it was chosen for (what the tests check)."""

    case: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Leadership:
    """Table 5 as the readings need it: per network type, in the table's order, the number of
    networks led by a woman and the number of networks; the words the prose uses for each type."""

    types: tuple[str, ...]
    women: tuple[int, ...]
    networks: tuple[int, ...]
    short: Mapping[str, str]        # "cartels", "trafficking groups"
    #: True when the package's Table 5 is the article's printed Table 5 (then the article's wording)
    as_printed: bool = False

    @classmethod
    def of(cls, rows: Sequence[tuple[str, int, int]], short: Mapping[str, str], as_printed: bool = False) -> Leadership:
        """From (network type, women, networks) rows."""
        return cls(tuple(r[0] for r in rows), tuple(int(r[1]) for r in rows), tuple(int(r[2]) for r in rows),
                   dict(short), as_printed)

    def word(self, t: str) -> str:
        return self.short.get(t, t.replace("_", " "))

    @property
    def total_women(self) -> int:
        return sum(self.women)

    @property
    def total_networks(self) -> int:
        return sum(self.networks)

    def n(self, t: str) -> int:
        return self.networks[self.types.index(t)]

    def w(self, t: str) -> int:
        return self.women[self.types.index(t)]

    @property
    def present(self) -> list[str]:
        """The types with at least one network."""
        return [t for t, n in zip(self.types, self.networks) if n > 0]

    @property
    def largest(self) -> list[str]:
        """The types with the most networks (more than one on a tie)."""
        top = max(self.networks)
        return [t for t, n in zip(self.types, self.networks) if n == top]

    @property
    def smallest(self) -> str:
        """The first of the non-empty types with the fewest networks."""
        return min(self.present, key=self.n)

    @property
    def led_by_women(self) -> list[str]:
        return [t for t, k in zip(self.types, self.women) if k > 0]

    def high(self, t: str) -> float:
        """The upper end of the Wilson interval of the share of type ``t`` led by a woman."""
        return wilson(self.w(t), self.n(t))[1]

    def low(self, t: str) -> float:
        return wilson(self.w(t), self.n(t))[0]

    @cached_property
    def pvalue(self) -> float:
        present = self.present
        return freeman_halton([self.w(t) for t in present], [self.n(t) for t in present]).pvalue

    def expected(self, t: str) -> float:
        return self.n(t) * self.total_women / self.total_networks


# ---------------------------------------------------------------------------------------------
# readings of Table 5


def _s(key: str, **fields) -> str:
    """The sentence ``key`` of the readings, in the edition's language, with ``fields`` filled in."""
    value = messages.labels("readings")[key]
    return value.format(**fields) if fields else value


def cartel_rank(d: Leadership) -> Reading:
    """Whether the cartels are the largest type (the opening of the cartel section)."""
    if "cartel" not in d.types or d.n("cartel") == 0:
        return Reading("no cartels", _s("no_cartels"))
    largest = d.largest
    if largest == ["cartel"]:
        return Reading("largest", _s("cartel_largest"))
    if "cartel" in largest:
        others = join_words(d.word(t) for t in largest if t != "cartel")
        return Reading("tied", _s("cartel_tied", others=others))
    return Reading("not largest", _s("cartel_not_largest", largest=join_words(d.word(t) for t in largest)))


def cartel_largest_aside(d: Leadership) -> Reading:
    """'To the cartels, {the largest type, with} N networks' (the conclusion)."""
    case = cartel_rank(d).case
    return Reading(case, {"largest": _s("aside_largest"), "tied": _s("aside_tied")}.get(case, _s("aside_other")))


def cartel_leaders(d: Leadership) -> Reading:
    """Whether a woman led a cartel network."""
    k = d.w("cartel") if "cartel" in d.types else 0
    if k == 0:
        return Reading("none", _s("all_led_by_men"))
    return Reading("some", _led(k))


def _cases(n: int) -> str:
    return _s("one_case") if n == 1 else _s("cases", n=n)


def _led(k: int) -> str:
    if k == 0:
        return _s("led_none")
    return _s("led_one", k=number_word(k)) if k == 1 else _s("led_many", k=number_word(k))


def nightclub_leaders(d: Leadership) -> Reading:
    """'N cases, {one of them led by a woman}' (the nightclub section)."""
    k, n = d.w("nightclub"), d.n("nightclub")
    return Reading("as printed" if d.as_printed else "none" if k == 0 else "some",
                   _s("cases_led", cases=_cases(n), led=_led(k)))


def nightclub_owner(d: Leadership) -> Reading:
    """The women leaders the article's conclusion will not exempt: the owner of a nightclub and the
    heads of trafficking groups, counted only when Table 5 is the article's."""
    if d.as_printed:
        return Reading("as printed", _s("owner_as_printed", k=number_word(d.w("trafficking_group"))))
    if d.w("nightclub") == 0:
        return Reading("none", _s("owner_other"))
    return Reading("some", _s("owner_other"))


def group_leaders(d: Leadership) -> Reading:
    """'These groups account for {N cases, three of them led by women}' (the trafficking groups)."""
    k, n = d.w("trafficking_group"), d.n("trafficking_group")
    return Reading("as printed" if d.as_printed else "none" if k == 0 else "some",
                   _s("cases_led", cases=_cases(n), led=_led(k)))


def group_roles(d: Leadership) -> Reading:
    """The women's roles in the trafficking groups: three with women leaders, two without."""
    k = d.w("trafficking_group")
    recruit = _s("recruit")
    if k == 0:
        return Reading("no leader", _s("roles_no_leader", recruit=recruit))
    return Reading("leaders", _s("roles_leaders", recruit=recruit, k=k))


def agency_leaders(d: Leadership) -> Reading:
    """'They account for {N cases, all led by men whom the women described as} having ...' (the agencies)."""
    k, n = d.w("modelling_agency"), d.n("modelling_agency")
    if n == 0:
        return Reading("empty", _s("agency_empty"))
    if k == 0:
        return Reading("men", _s("agency_men", n=n) if n > 1 else _s("agency_man"))
    return Reading("women", _s("agency_women", cases=_cases(n), led=_led(k)))


def freelance_leaders(d: Leadership) -> Reading:
    """'they account for {N cases, all of them men}' (the freelance traffickers)."""
    k, n = d.w("freelance"), d.n("freelance")
    if n == 0:
        return Reading("empty", _s("freelance_empty"))
    if k == 0:
        return Reading("men", _s("freelance_men", n=n) if n > 1 else _s("freelance_man"))
    return Reading("women", _s("cases_led", cases=_cases(n), led=_led(k)))


def men_led(d: Leadership) -> Reading:
    """'men led almost every network' and its alternatives."""
    k, n = d.total_women, d.total_networks
    if k == 0:
        return Reading("every", _s("men_every"))
    if k / n < ALMOST_EVERY:
        return Reading("almost every", _s("men_almost_every"))
    if 2 * k < n:
        return Reading("most", _s("men_most"))
    return Reading("not most", _s("men_not_most"))


def in_charge(d: Leadership) -> Reading:
    """The leadership page's last sentence: what stands without any test."""
    case = men_led(d).case
    where = {"every": _s("where_every"), "almost every": _s("where_almost_every"),
             "most": _s("where_most"), "not most": _s("where_not_most")}[case]
    source = _s("source_as_printed") if d.as_printed else _s("source_other")
    return Reading(case, _s("in_charge", source=source, where=where))


def exception(d: Leadership) -> Reading:
    """The profile's conclusion: 'Women led K of the N cases (P%): {women who own nightclubs or
    lead trafficking groups exist, but they are the exception}'."""
    if d.total_women == 0:
        return Reading("no leader", _s("exception_none"))
    roles = [_s("role_own_nightclubs") if t == "nightclub" else _s("role_lead", type=d.word(t)) for t in d.led_by_women]
    roles = roles[0] if len(roles) == 1 else _s("roles_or", first=", ".join(roles[:-1]), last=roles[-1])
    if d.total_women / d.total_networks < ALMOST_EVERY:
        return Reading("exception", _s("exception", roles=roles))
    return Reading("no exception", _s("no_exception", roles=roles))


def largest_type(d: Leadership) -> Reading:
    """The home page's largest type, as its subject: 'Mexican cartels account for ...'."""
    largest = d.largest
    if largest == ["cartel"]:
        return Reading("largest", _s("largest_cartels"))
    words = join_words(d.word(t) for t in largest)
    return Reading("tied" if len(largest) > 1 else "not cartels",
                   (_s("largest_tied", words=words) if len(largest) > 1 else words[:1].upper() + words[1:]))


def women_leaders(d: Leadership) -> Reading:
    """Who the women leaders were (the conclusion), and how many types had none."""
    none = [t for t in d.present if d.w(t) == 0]
    zero = _s("types_had_none", k=number_word(len(none)), n=number_word(len(d.types)))
    if d.total_women == 0:
        return Reading("no leader", _s("no_woman_led"))
    if d.as_printed:
        return Reading("as printed", _s("leaders_as_printed", k=number_word(d.w("trafficking_group"))))
    led = join_words(_s("led_of_type", k=number_word(d.w(t)), type=d.word(t)) for t in d.led_by_women)
    return Reading("led by women", _s("women_led", led=led, tail=zero if none else _s("every_type_one")))


def women_pct(d: Leadership, pct_text: str, rounded: str, printed: str) -> Reading:
    """'X%, which the abstract rounds to Y%' only when Table 5 is the article's; otherwise the
    package's share stands alone and the article's printed value is named as the article's."""
    if d.as_printed:
        return Reading("as printed", _s("pct_as_printed", pct=pct_text, rounded=rounded))
    return Reading("other data", _s("pct_other", pct=pct_text, printed=printed))


def test_evidence(d: Leadership) -> Reading:
    """What the exact test says, in words (the paragraph after the test)."""
    if d.total_women == 0 or len(d.led_by_women) == len(d.present) == 1:
        return Reading("nothing to test", _s("test_nothing"))
    p = d.pvalue
    if p < EVIDENCE:
        return Reading("evidence", _s("test_evidence"))
    if p < WEAK_EVIDENCE:
        return Reading("weak", _s("test_weak"))
    return Reading("no evidence", _s("test_no_evidence"))


def test_conclusion(d: Leadership) -> Reading:
    """The conclusion's clause before ': the exact test gives p = ...'."""
    case = test_evidence(d).case
    return Reading(case, {
        "evidence": _s("conclusion_evidence"),
        "weak": _s("conclusion_weak"),
        "no evidence": _s("conclusion_no_evidence"),
        "nothing to test": _s("conclusion_nothing"),
    }[case])


def expected_cartel_women(d: Leadership) -> Reading:
    """'and {none} of the N cartel networks, where E would be expected'."""
    k = d.w("cartel")
    return Reading("none" if k == 0 else "some", _s("none") if k == 0 else number_word(k))


def intervals(d: Leadership) -> Reading:
    """Which types' intervals rule out a sizeable share of women leaders (the leadership section)."""
    none = [t for t in d.present if d.w(t) == 0]
    lead = (_s("lead_all_none") if none and len(none) == len(d.present) else
            _s("lead_some_none", k=number_word(len(none)), n=number_word(len(d.types)))
            if none else _s("lead_every"))
    tight = [t for t in d.present if d.high(t) < SIZEABLE]
    if not tight:
        low = min(d.present, key=d.high)
        return Reading("none", _s("intervals_none", lead=lead, type=d.word(low), high=pct(d.high(low))))
    if len(tight) == 1:
        t = tight[0]
        if d.largest == [t]:
            return Reading("largest only", _s("intervals_largest_only", lead=lead, type=d.word(t), high=pct(d.high(t))))
        return Reading("one", _s("intervals_one", lead=lead, type=d.word(t), high=pct(d.high(t))))
    top = max(d.high(t) for t in tight)
    return Reading("several", _s("intervals_several", lead=lead, types=join_words(d.word(t) for t in tight), high=pct(top)))


def overlap(d: Leadership) -> Reading:
    """Whether every type's interval shares a value with every other's."""
    present = d.present
    apart = [(a, b) for i, a in enumerate(present) for b in present[i + 1:]
             if d.high(a) < d.low(b) or d.high(b) < d.low(a)]
    if not apart:
        return Reading("overlap", _s("overlap"))
    a, b = apart[0]
    return Reading("apart", _s("apart", a=d.word(a), b=d.word(b)))


# ---------------------------------------------------------------------------------------------
# the sample


def origins(countries: Sequence[str]) -> Reading:
    """Where the women came from, in words: Central American countries as 'Central America', any
    other country by its name, in the order given (Table 1's)."""
    names: list[str] = []
    for c in countries:
        name = "Central America" if c in CENTRAL_AMERICA else c  # the machine name; shown in words below
        if name not in names:
            names.append(name)
    if names == ["Central America", "Colombia"]:
        return Reading("as printed", _s("origins_as_printed"))
    return Reading("other", join_words(_s("central_america") if n == "Central America" else n for n in names))


# ---------------------------------------------------------------------------------------------
# the reconciliation of the annex


def flagged_years(names: Sequence[str]) -> Reading:
    """What the excerpts page says of the women whose cited and listed years disagree."""
    if set(names) == {"Remedios", "Rosa"}:
        return Reading("as printed", _s("years_as_printed"))
    if not names:
        return Reading("none", "")
    return Reading("other", _s("years_other"))


def reconciliation(reproduces: bool) -> Reading:
    """What a printed cell that differs from the data means: a slip of the article on its own data,
    a difference between two editions of the data otherwise."""
    if reproduces:
        return Reading("as printed", _s("reconciliation_as_printed"))
    return Reading("other data", _s("reconciliation_other"))
