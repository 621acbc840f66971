import datetime

import factory
from factory.django import DjangoModelFactory

from bondgenoot.people.tests.factories import OrganisationFactory
from bondgenoot.reports.models import Report, ReportScope


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Wat we samen deden {n}")
    scope = ReportScope.ORGANISATION
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    introduction = "Wij zijn een buurtteam dat naast bewoners staat."
