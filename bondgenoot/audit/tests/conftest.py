import pytest

from bondgenoot.alliances import services

SECRET = "SCHULD-8c1e"  # in every sensitive text: must never end up in an access record


@pytest.fixture
def sensitive_entry(alliance, amina):
    """Amina wrote about money and marked it herself."""
    return services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened=f"Ik heb een betalingsregeling {SECRET}",
        what_we_learned="Samen bellen helpt.",
        is_sensitive=True,
        sensitive_topics=["money"],
    )


@pytest.fixture
def plain_entry(alliance, amina):
    return services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="We hebben koffie gedronken."
    )
