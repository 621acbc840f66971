"""Who may see and do what with personal tokens: only the person they belong to."""

from typing import Any

from django.http import Http404

from .models import PersonalToken
from .selectors import tokens_of


def get_token_for(user: Any, pk: int) -> PersonalToken:
    """One's own token; 404 for anyone else's (as if it were not there)."""
    token = tokens_of(user).filter(pk=pk).first()
    if token is None:
        raise Http404
    return token
