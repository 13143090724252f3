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


def cartel_rank(d: Leadership) -> Reading:
    """Whether the cartels are the largest type (the opening of the cartel section)."""
    if "cartel" not in d.types or d.n("cartel") == 0:
        return Reading("no cartels", "This data records no cartel network")
    largest = d.largest
    if largest == ["cartel"]:
        return Reading("largest", "Cartel networks are the largest group in the study")
    if "cartel" in largest:
        others = join_words(d.word(t) for t in largest if t != "cartel")
        return Reading("tied", f"Cartel networks are, with the {others}, the largest group in the study")
    return Reading("not largest", f"Cartel networks are not the largest group in the study (the {join_words(d.word(t) for t in largest)} are)")


def cartel_largest_aside(d: Leadership) -> Reading:
    """'To the cartels, {the largest type, with} N networks' (the conclusion)."""
    case = cartel_rank(d).case
    return Reading(case, {"largest": "the largest type, with", "tied": "one of the largest types, with"}.get(case, "with"))


def cartel_leaders(d: Leadership) -> Reading:
    """Whether a woman led a cartel network."""
    k = d.w("cartel") if "cartel" in d.types else 0
    if k == 0:
        return Reading("none", "all led by men")
    return Reading("some", _led(k))


def _cases(n: int) -> str:
    return "one case" if n == 1 else f"{n} cases"


def _led(k: int, of_them: str = "of them") -> str:
    if k == 0:
        return f"none {of_them} led by a woman"
    return f"{number_word(k)} {of_them} led by {'a woman' if k == 1 else 'women'}"


def nightclub_leaders(d: Leadership) -> Reading:
    """'N cases, {one of them led by a woman}' (the nightclub section)."""
    k, n = d.w("nightclub"), d.n("nightclub")
    return Reading("as printed" if d.as_printed else "none" if k == 0 else "some", f"{_cases(n)}, {_led(k)}")


def nightclub_owner(d: Leadership) -> Reading:
    """The women leaders the article's conclusion will not exempt: the owner of a nightclub and the
    heads of trafficking groups, counted only when Table 5 is the article's."""
    if d.as_printed:
        return Reading("as printed", f"the owner of a nightclub and the {number_word(d.w('trafficking_group'))} women "
                                     "who led trafficking groups")
    if d.w("nightclub") == 0:
        return Reading("none", "the owner of a nightclub and the women who led trafficking groups in its account")
    return Reading("some", "the owner of a nightclub and the women who led trafficking groups in its account")


def group_leaders(d: Leadership) -> Reading:
    """'These groups account for {N cases, three of them led by women}' (the trafficking groups)."""
    k, n = d.w("trafficking_group"), d.n("trafficking_group")
    return Reading("as printed" if d.as_printed else "none" if k == 0 else "some", f"{_cases(n)}, {_led(k)}")


def group_roles(d: Leadership) -> Reading:
    """The women's roles in the trafficking groups: three with women leaders, two without."""
    k = d.w("trafficking_group")
    recruit = ("the young women who recruit for the groups, whom the article finds motivated by gain")
    if k == 0:
        return Reading("no leader", f"Women appear in this type in two roles: besides the victims, there are {recruit}. "
                                    "In this data no group was led by a woman.")
    return Reading("leaders", f"Women appear in this type in three roles. Besides the victims, there are {recruit}, "
                              f"and there are the women who led {k} of the groups.")


def agency_leaders(d: Leadership) -> Reading:
    """'They account for {N cases, all led by men whom the women described as} having ...' (the agencies)."""
    k, n = d.w("modelling_agency"), d.n("modelling_agency")
    if n == 0:
        return Reading("empty", "no case in this data; in the article, they were led by men whom the women described as")
    if k == 0:
        return Reading("men", f"{n} cases, all led by men whom the women described as" if n > 1
                       else "one case, led by a man whom the women described as")
    return Reading("women", f"{_cases(n)}, {_led(k)}; the women described the leaders as")


def freelance_leaders(d: Leadership) -> Reading:
    """'they account for {N cases, all of them men}' (the freelance traffickers)."""
    k, n = d.w("freelance"), d.n("freelance")
    if n == 0:
        return Reading("empty", "no case in this data")
    if k == 0:
        return Reading("men", f"{n} cases, all of them men" if n > 1 else "one case, a man")
    return Reading("women", f"{_cases(n)}, {_led(k)}")


def men_led(d: Leadership) -> Reading:
    """'men led almost every network' and its alternatives."""
    k, n = d.total_women, d.total_networks
    if k == 0:
        return Reading("every", "men led every network")
    if k / n < ALMOST_EVERY:
        return Reading("almost every", "men led almost every network")
    if 2 * k < n:
        return Reading("most", "men led most networks")
    return Reading("not most", "men led no more networks than women did")


def in_charge(d: Leadership) -> Reading:
    """The leadership page's last sentence: what stands without any test."""
    case = men_led(d).case
    where = {"every": "men were in charge everywhere", "almost every": "men were in charge almost everywhere",
             "most": "men were in charge of most of them", "not most": "men were in charge of no more of them than women"}[case]
    source = "what the article reports" if d.as_printed else "what these counts show"
    return Reading(case, f"What stands without any test is {source}: in the cases these women described, {where}.")


def exception(d: Leadership) -> Reading:
    """The profile's conclusion: 'Women led K of the N cases (P%): {women who own nightclubs or
    lead trafficking groups exist, but they are the exception}'."""
    if d.total_women == 0:
        return Reading("no leader", "in this data no woman led")
    roles = ["own nightclubs" if t == "nightclub" else f"lead {d.word(t)}" for t in d.led_by_women]
    roles = roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + " or " + roles[-1]
    if d.total_women / d.total_networks < ALMOST_EVERY:
        return Reading("exception", f"women who {roles} exist, but they are the exception")
    return Reading("no exception", f"women who {roles} are no exception in this data")


def largest_type(d: Leadership) -> Reading:
    """The home page's largest type, as its subject: 'Mexican cartels account for ...'."""
    largest = d.largest
    if largest == ["cartel"]:
        return Reading("largest", "Mexican cartels")
    words = join_words(d.word(t) for t in largest)
    return Reading("tied" if len(largest) > 1 else "not cartels",
                   (f"Tied, the {words} each" if len(largest) > 1 else words[:1].upper() + words[1:]))


def women_leaders(d: Leadership) -> Reading:
    """Who the women leaders were (the conclusion), and how many types had none."""
    none = [t for t in d.present if d.w(t) == 0]
    zero = f"{number_word(len(none))} of the {number_word(len(d.types))} types had none"
    if d.total_women == 0:
        return Reading("no leader", "No network in the study was led by a woman")
    if d.as_printed:
        return Reading("as printed", f"The women who led were the owner of a cantina and the heads of "
                                     f"{number_word(d.w('trafficking_group'))} prostitution networks, two of them run "
                                     "from transient hotels and one through the Internet")
    led = join_words(f"{number_word(d.w(t))} of the {d.word(t)}" for t in d.led_by_women)
    tail = f"; {zero}" if none else "; every type had at least one"
    return Reading("led by women", f"Women led {led}{tail}")


def women_pct(d: Leadership, pct_text: str, rounded: str, printed: str) -> Reading:
    """'X%, which the abstract rounds to Y%' only when Table 5 is the article's; otherwise the
    package's share stands alone and the article's printed value is named as the article's."""
    if d.as_printed:
        return Reading("as printed", f"{pct_text}%, which the article rounds to {rounded}%")
    return Reading("other data", f"{pct_text}% in this data; the article's Table 5 prints {printed}% for its own data")


def test_evidence(d: Leadership) -> Reading:
    """What the exact test says, in words (the paragraph after the test)."""
    if d.total_women == 0 or len(d.led_by_women) == len(d.present) == 1:
        return Reading("nothing to test", "There is nothing for the test to weigh: with the women leaders as they are, every "
                                          "table with these margins is the observed one. The three reasons below apply to any "
                                          "reading of these counts.")
    p = d.pvalue
    if p < EVIDENCE:
        return Reading("evidence", "Taken at face value, the test is evidence that women's leadership differs by type: a "
                                   "concentration like the one observed would rarely arise by chance. There are three "
                                   "reasons to trust it less than that.")
    if p < WEAK_EVIDENCE:
        return Reading("weak", "Read honestly, the test says little: a concentration like the one observed would arise by "
                               "chance often enough that it is at most weak evidence that women's leadership differs by "
                               "type. There are three reasons to trust even that weak signal less.")
    return Reading("no evidence", "Read honestly, the test says nothing: a spread like the one observed would arise by chance "
                                  "so often that it gives no evidence that women's leadership differs by type. There are "
                                  "three reasons more to be cautious.")


def test_conclusion(d: Leadership) -> Reading:
    """The conclusion's clause before ': the exact test gives p = ...'."""
    case = test_evidence(d).case
    return Reading(case, {
        "evidence": "The data suggest that women's leadership differs by type, though on tiny counts",
        "weak": "Whether women's leadership truly differs by type the data cannot say",
        "no evidence": "The data give no sign that women's leadership differs by type",
        "nothing to test": "Whether women's leadership differs by type these counts cannot show",
    }[case])


def expected_cartel_women(d: Leadership) -> Reading:
    """'and {none} of the N cartel networks, where E would be expected'."""
    k = d.w("cartel")
    return Reading("none" if k == 0 else "some", "none" if k == 0 else number_word(k))


def intervals(d: Leadership) -> Reading:
    """Which types' intervals rule out a sizeable share of women leaders (the leadership section)."""
    none = [t for t in d.present if d.w(t) == 0]
    lead = ("Although no type had a woman leader, " if none and len(none) == len(d.present) else
            f"Although {number_word(len(none))} of the {number_word(len(d.types))} types had no woman leader, "
            if none else "Every type had at least one woman leader, and ")
    tight = [t for t in d.present if d.high(t) < SIZEABLE]
    if not tight:
        low = min(d.present, key=d.high)
        return Reading("none", f"{lead}for no type does the interval rule out a sizeable share: the lowest upper end, "
                               f"for the {d.word(low)}, is {pct(d.high(low))}%")
    if len(tight) == 1:
        t = tight[0]
        if d.largest == [t]:
            return Reading("largest only", f"{lead}only for the largest, the {d.word(t)}, does the interval rule out a "
                                           f"sizeable share: its upper end is {pct(d.high(t))}%")
        return Reading("one", f"{lead}only for the {d.word(t)} does the interval rule out a sizeable share: its upper "
                              f"end is {pct(d.high(t))}%")
    top = max(d.high(t) for t in tight)
    return Reading("several", f"{lead}the intervals rule out a sizeable share for the {join_words(d.word(t) for t in tight)}, "
                              f"whose upper ends are at most {pct(top)}%")


def overlap(d: Leadership) -> Reading:
    """Whether every type's interval shares a value with every other's."""
    present = d.present
    apart = [(a, b) for i, a in enumerate(present) for b in present[i + 1:]
             if d.high(a) < d.low(b) or d.high(b) < d.low(a)]
    if not apart:
        return Reading("overlap", "The intervals of all the types overlap, so the intervals alone show no difference "
                                  "between types.")
    a, b = apart[0]
    return Reading("apart", f"The intervals of the {d.word(a)} and the {d.word(b)} do not overlap, the clearest "
                            "difference between types that the intervals show.")


# ---------------------------------------------------------------------------------------------
# the sample


def origins(countries: Sequence[str]) -> Reading:
    """Where the women came from, in words: Central American countries as 'Central America', any
    other country by its name, in the order given (Table 1's)."""
    names: list[str] = []
    for c in countries:
        name = "Central America" if c in CENTRAL_AMERICA else c
        if name not in names:
            names.append(name)
    if names == ["Central America", "Colombia"]:
        return Reading("as printed", "Central America and Colombia")
    return Reading("other", join_words(names))


# ---------------------------------------------------------------------------------------------
# the reconciliation of the annex


def flagged_years(names: Sequence[str]) -> Reading:
    """What the excerpts page says of the women whose cited and listed years disagree."""
    if set(names) == {"Remedios", "Rosa"}:
        return Reading("as printed", "For Remedios the cited year is the more plausible: her words concern a migrant "
                                     "caravan, and the article dates the caravans to a period that begins after the "
                                     "year in the list. For Rosa the article offers no way to decide.")
    if not names:
        return Reading("none", "")
    return Reading("other", "The article offers no way to decide which of the two years is right.")


def reconciliation(reproduces: bool) -> Reading:
    """What a printed cell that differs from the data means: a slip of the article on its own data,
    a difference between two editions of the data otherwise."""
    if reproduces:
        return Reading("as printed", "A share printed off by more than its rounding, as in Table A5, is most likely a "
                                     "rounded value adjusted by hand so that the column adds up to exactly 100.")
    return Reading("other data", "This book was built from other data than the article's, so the comparison is one of "
                                 "two editions of the data: a cell that differs shows where these data depart from the "
                                 "article's printed table, not an error of the article, whose own consistency the audit "
                                 "checks, printed value against printed value.")
