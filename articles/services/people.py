"""Reading the people the archive names: timelines and office holders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Min

from ..models import Mention, Person
from ..models.article import visible


@dataclass
class Tenure:
    person: Person
    office: str
    first: dt.date
    last: dt.date
    mentions: int


def _mentions(public: bool):
    mentions = Mention.objects.all()
    return mentions.filter(visible("article__")) if public else mentions


def person_timeline(person: Person, *, public: bool = False) -> list[Tenure]:
    """Each office a person was named with, from first to last mention, earliest first.
    `public` counts only mentions in articles the public may see."""
    rows = (_mentions(public).filter(person=person).values("office")
            .annotate(first=Min("issue_date"), last=Max("issue_date"), n=Count("article", distinct=True))
            .order_by("first", "office"))
    return [Tenure(person, r["office"], r["first"], r["last"], r["n"]) for r in rows]


def office_holders(*, town: str, office: str, public: bool = False) -> list[Tenure]:
    """Who was named as holding an office in a town, in order of first mention."""
    rows = (_mentions(public).filter(person__town=town, office=office).values("person")
            .annotate(first=Min("issue_date"), last=Max("issue_date"), n=Count("article", distinct=True))
            .order_by("first"))
    people = Person.objects.in_bulk([r["person"] for r in rows])
    return [Tenure(people[r["person"]], office, r["first"], r["last"], r["n"]) for r in rows]


KEY_OFFICES = ["镇党委书记", "镇长", "镇人大主席", "街道党工委书记", "街道办事处主任"]


def town_office_holders(town: str, *, public: bool = False) -> dict[str, list[Tenure]]:
    found = {}
    for office in KEY_OFFICES:
        holders = office_holders(town=town, office=office, public=public)
        if holders:
            found[office] = holders
    return found


MAX_PEOPLE_CARDS = 3


def people_named(names, *, limit: int = MAX_PEOPLE_CARDS) -> list[tuple[Person, list[Tenure]]]:
    """The public people bearing one of these names (one per town), each with the offices the
    public articles name them with: the cards a search for a name shows."""
    people = Person.objects.public().filter(name__in=list(names)).order_by("name", "town")[:limit]
    return [(person, person_timeline(person, public=True)) for person in people]
