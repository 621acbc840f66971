"""Template helpers of the story pages."""

from typing import Any

from django import template

from ..forms import USE_EXPLANATIONS
from ..models import StoryUse

register = template.Library()


@register.filter
def use_explanation(value: Any) -> str:
    """What a use means, in plain words ("" for an unknown value)."""
    try:
        return str(USE_EXPLANATIONS[StoryUse(str(value))])
    except ValueError:
        return ""
