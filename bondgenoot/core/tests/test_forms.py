"""The shared form styling gives each widget its NL Design System classes."""

import pytest
from django import forms

from bondgenoot.core.forms import Form


class Choices(Form):
    many = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, required=False
    )
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def test_checkboxes_get_checkbox_classes_although_django_makes_them_a_radio_select():
    assert issubclass(forms.CheckboxSelectMultiple, forms.RadioSelect)  # why the order matters
    form = Choices()
    many = form.fields["many"].widget.attrs["class"]
    assert "utrecht-checkbox" in many and "utrecht-checkbox--custom" in many
    assert "radio" not in many
    rendered = str(form["many"])
    assert 'type="checkbox"' in rendered and "utrecht-checkbox--custom" in rendered
    assert "utrecht-radio-button" in form.fields["one"].widget.attrs["class"]


class Names(Form):
    name = forms.CharField(max_length=80)
    email = forms.EmailField(required=False)
    story = forms.CharField(widget=forms.Textarea, required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False, strip=False)


RLO, LRE, PDF, LRI, PDI = "\u202e", "\u202a", "\u202c", "\u2066", "\u2069"
FAMILY = "👨\u200d👩\u200d👧\u200d👦 👩🏽\u200d🦱"  # emoji held together by zero-width joiners


def cleaned(**data: str) -> dict[str, str]:
    form = Names(data={"name": "x", **data})
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_a_one_line_field_drops_controls_and_bidi_overrides_and_keeps_the_rest():
    typed = f"\x1b[31mAmina\x1b[0m\x07\x7f\x9f {RLO}gnp.exe {LRE}a{PDF} {LRI}b{PDI} \x9bé {FAMILY}"
    assert cleaned(name=typed)["name"] == f"[31mAmina[0m gnp.exe a b é {FAMILY}"


def test_a_one_line_field_turns_line_breaks_and_tabs_into_a_space():
    assert cleaned(name="regel\r\nSet-Cookie: x=1\r\n\r\n<b>\tvet")["name"] == (
        "regel Set-Cookie: x=1 <b> vet"
    )
    assert cleaned(name="Inloop\u2028De\x85Open\vDeur\n")["name"] == "Inloop De Open Deur"


def test_a_name_of_only_control_characters_is_empty_and_so_refused():
    form = Names(data={"name": f"\x07\r\n{RLO}"})
    assert not form.is_valid()
    assert "name" in form.errors


def test_a_textarea_keeps_lines_and_tabs_but_drops_other_controls_and_overrides():
    typed = f"Eerste regel\r\n\tTweede\x1b[0m {RLO}regel\x07{PDI}\n{FAMILY}"
    assert cleaned(story=typed)["story"] == f"Eerste regel\r\n\tTweede[0m regel\n{FAMILY}"


def test_emoji_with_zero_width_joiners_are_kept_whole():
    data = cleaned(name=FAMILY, story=FAMILY)
    assert data["name"] == FAMILY and data["story"] == FAMILY
    assert data["name"].count("\u200d") == 4


def test_a_nul_character_is_still_refused_with_a_message_not_dropped():
    for field in ["name", "story"]:
        form = Names(data={"name": "x", field: "voor\x00na"})
        assert not form.is_valid()
        assert field in form.errors


def test_other_text_fields_are_cleaned_but_passwords_stay_as_typed():
    data = cleaned(email=f"{RLO}amina@example.org\x07", password=f"ge\theim{RLO}\x07")
    assert data["email"] == "amina@example.org"
    assert data["password"] == f"ge\theim{RLO}\x07"


def test_styling_twice_does_not_wrap_the_cleaning_twice():
    form = Names(data={"name": "a\tb"})
    once = form.fields["name"].to_python
    form.style_fields()
    assert form.fields["name"].to_python is once
    assert form.is_valid() and form.cleaned_data["name"] == "a b"
    assert Names.base_fields["name"].to_python("a\tb") == "a\tb"  # the class's field is untouched


@pytest.mark.django_db
def test_the_project_forms_clean_names_and_roles():
    from bondgenoot.alliances.forms import RoleForm
    from bondgenoot.people.forms import OrganisationForm

    form = OrganisationForm(
        data={"name": f"{RLO}Inloop\r\nDe Open Deur", "kind": "welzijn", "description": "x"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Inloop De Open Deur"
    role = RoleForm(data={"role": f"Buurvrouw {LRI}👩🏽\u200d🦱{PDI}\x1b"})
    assert role.is_valid() and role.cleaned_data["role"] == "Buurvrouw 👩🏽\u200d🦱"


@pytest.mark.django_db
def test_a_role_sent_with_an_override_is_stored_cleaned_and_the_card_isolates_names(
    client, amina, alliance_with_org
):
    from django.urls import reverse

    from bondgenoot.alliances.models import Party

    party = Party.objects.get(alliance=alliance_with_org, person=amina)
    client.force_login(amina.user)
    url = reverse("alliances:party_role", args=[alliance_with_org.pk, party.pk])
    response = client.post(url, {"role": f"{RLO}Buurvrouw\r\nSet-Cookie: x=1"})
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.role == "Buurvrouw Set-Cookie: x=1"
    home = client.get(reverse("alliances:list")).content.decode()
    assert '<bdi class="bondgenoot-name">' in home
