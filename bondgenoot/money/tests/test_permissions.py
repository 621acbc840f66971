"""Every page of money, for the whole cast: outsiders get a 404 (GET and POST) and nothing
changes; members read and add expenses; only coordinators manage."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from bondgenoot.money import permissions, services
from bondgenoot.money.models import Budget, BudgetLine, Expense
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org, gijs, member, budget, groceries, expense, alliance_with_org, other_org):
    """``expense`` was added by member Hanna; gijs adds one of his own."""
    own = services.expense_add(
        line=groceries,
        by=gijs,
        amount=Decimal("40"),
        spent_on=datetime.date(2026, 4, 1),
        description="Taart voor de vrijwilligers",
    )
    ilona = PersonFactory(display_name="Ilona", user__email="ilona@example.org")
    MembershipFactory(organisation=other_org, person=ilona, role=MembershipRole.MEMBER)
    return {
        "org": org,
        "budget": budget,
        "line": groceries,
        "hanna_expense": expense,
        "gijs_expense": own,
        "ilona": ilona,
    }


def urls(w) -> dict[str, str]:
    b, line, e = w["budget"].pk, w["line"].pk, w["hanna_expense"].pk
    return {
        "money:budget_list": reverse("money:budget_list", args=[w["org"].pk]),
        "money:budget_create": reverse("money:budget_create", args=[w["org"].pk]),
        "money:budget_detail": reverse("money:budget_detail", args=[b]),
        "money:budget_edit": reverse("money:budget_edit", args=[b]),
        "money:budget_close": reverse("money:budget_close", args=[b]),
        "money:budget_reopen": reverse("money:budget_reopen", args=[b]),
        "money:funder_view": reverse("money:funder_view", args=[b]),
        "money:line_add": reverse("money:line_add", args=[b]),
        "money:line_edit": reverse("money:line_edit", args=[b, line]),
        "money:line_delete": reverse("money:line_delete", args=[b, line]),
        "money:expense_add": reverse("money:expense_add", args=[b]),
        "money:expense_edit": reverse("money:expense_edit", args=[b, e]),
        "money:expense_delete": reverse("money:expense_delete", args=[b, e]),
        "money:receipt": reverse("money:receipt", args=[b, e]),
    }


def test_every_url_of_money_is_in_this_test():
    from django.urls import get_resolver

    names = {
        f"money:{name}"
        for name in get_resolver().namespace_dict["money"][1].reverse_dict
        if isinstance(name, str)
    }
    assert names == set(URL_NAMES)


URL_NAMES = [
    "money:budget_list",
    "money:budget_create",
    "money:budget_detail",
    "money:budget_edit",
    "money:budget_close",
    "money:budget_reopen",
    "money:funder_view",
    "money:line_add",
    "money:line_edit",
    "money:line_delete",
    "money:expense_add",
    "money:expense_edit",
    "money:expense_delete",
    "money:receipt",
]


READ_ONLY = ("money:budget_list", "money:budget_detail", "money:receipt")


def _state():
    return (
        list(Budget.objects.order_by("pk").values_list("name", "is_closed", "funder_sees")),
        list(BudgetLine.objects.order_by("pk").values_list("name", "amount")),
        list(Expense.objects.order_by("pk").values_list("amount", "description")),
    )


OUTSIDERS = [
    "chris",  # a stranger
    "eva",  # party of another alliance
    "dewi",  # coordinator of another organisation
    "ilona",  # member of another organisation
    "funder",
    "admin",  # the site admin
    "amina",  # party of an alliance with the organisation, but not a member of it
    "bas",  # the same
]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_every_outsider_gets_a_404_on_every_page_and_changes_nothing(client, world, who, request):
    person = world["ilona"] if who == "ilona" else request.getfixturevalue(who)
    client.force_login(person.user)
    before = _state()
    for name, url in urls(world).items():
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"funder_sees": "expenses", "amount": "1"})
            # A page that only shows answers a POST with 405, whoever asks.
            expected = {404, 405} if name in READ_ONLY and method == "post" else {404}
            assert response.status_code in expected, (who, method, name, response.status_code)
            assert b"Groente" not in response.content and b"Buurtbudget" not in response.content
    assert _state() == before


def test_an_anonymous_visitor_is_sent_to_log_in(client, world):
    for url in urls(world).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_member_reads_everything_and_adds_expenses_but_does_not_manage(client, world, member):
    client.force_login(member.user)
    pages = urls(world)
    for name in (
        "money:budget_list",
        "money:budget_detail",
        "money:receipt",
        "money:expense_add",
        "money:expense_edit",  # her own expense
        "money:expense_delete",
    ):
        assert client.get(pages[name]).status_code == 200, name
    for name in (
        "money:budget_create",
        "money:budget_edit",
        "money:budget_close",
        "money:budget_reopen",
        "money:funder_view",
        "money:line_add",
        "money:line_edit",
        "money:line_delete",
    ):
        assert client.get(pages[name]).status_code == 403, name
        assert client.post(pages[name]).status_code == 403, name
    gijs_expense = world["gijs_expense"]
    for name in ("money:expense_edit", "money:expense_delete"):
        url = reverse(name, args=[world["budget"].pk, gijs_expense.pk])
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    assert Expense.objects.filter(pk=gijs_expense.pk).exists()


def test_a_coordinator_opens_every_page(client, world, gijs):
    client.force_login(gijs.user)
    for name, url in urls(world).items():
        expected = 302 if name == "money:budget_reopen" else 200  # it is open: back to it
        assert client.get(url).status_code == expected, name


def test_access_ends_with_the_membership(client, world, member):
    client.force_login(member.user)
    url = urls(world)["money:budget_detail"]
    assert client.get(url).status_code == 200
    member.memberships.all().delete()
    assert client.get(url).status_code == 404


def test_a_budget_of_another_organisation_is_not_reached_through_ours(client, world, gijs, dewi):
    """The ids of one organisation's line or expense do not work under another's budget."""
    other = services.budget_create(
        organisation=dewi.memberships.get().organisation,
        by=dewi,
        name="Welzijn",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        lines=[services.NewLine("Koffie", Decimal("10"))],
    )
    client.force_login(dewi.user)
    expense = world["hanna_expense"]
    for name, kwargs in (
        ("money:expense_edit", [other.pk, expense.pk]),
        ("money:receipt", [other.pk, expense.pk]),
        ("money:line_edit", [other.pk, world["line"].pk]),
    ):
        assert client.get(reverse(name, args=kwargs)).status_code == 404


def test_the_predicates_agree_with_the_pages(world, gijs, member, chris):
    budget, expense = world["budget"], world["hanna_expense"]
    assert permissions.can_view_money(member.user, budget.organisation)
    assert not permissions.can_view_money(chris.user, budget.organisation)
    assert permissions.can_manage_budgets(gijs.user, budget.organisation)
    assert not permissions.can_manage_budgets(member.user, budget.organisation)
    assert permissions.can_add_expense(member.user, budget)
    assert permissions.can_change_expense(member.user, expense)
    assert permissions.can_change_expense(gijs.user, expense)
    assert not permissions.can_change_expense(member.user, world["gijs_expense"])
    services.budget_close(budget=budget, by=gijs)
    expense.refresh_from_db()
    assert not permissions.can_add_expense(member.user, budget)
    assert not permissions.can_change_lines(gijs.user, budget)
    assert not permissions.can_change_expense(gijs.user, expense)
