"""The shared form styling gives each widget its NL Design System classes."""

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
