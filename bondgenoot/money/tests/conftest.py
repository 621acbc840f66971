"""Money fixtures on top of the cast (conftest.py at the root): gijs coordinates ``org``;
``member`` (Hanna) is a regular member of it; amina is a party of an alliance with ``org`` but
not a member of it, so its money is not hers to see."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bondgenoot.money import services
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def receipt_file(name: str = "bon.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def member(org):
    hanna = PersonFactory(display_name="Hanna", user__email="hanna@example.org")
    MembershipFactory(organisation=org, person=hanna, role=MembershipRole.MEMBER)
    return hanna


@pytest.fixture
def budget(org, gijs):
    return services.budget_create(
        organisation=org,
        by=gijs,
        name="Buurtbudget 2026",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        lines=[
            services.NewLine("Boodschappen", Decimal("500.00")),
            services.NewLine("Huur buurthuis", Decimal("1200.00"), "Elke woensdag"),
        ],
    )


@pytest.fixture
def groceries(budget):
    return budget.lines.get(name="Boodschappen")


@pytest.fixture
def expense(groceries, member):
    return services.expense_add(
        line=groceries,
        by=member,
        amount=Decimal("12.50"),
        spent_on=datetime.date(2026, 3, 12),
        description="Groente voor de buurtmaaltijd",
        receipt=receipt_file(),
    )
