from django import forms
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.forms import StyledFormMixin

from .reading import FileFormat

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File with profiles"),
        help_text=_(
            "A .csv, .xlsx or .jsonl file of at most 5 MB. First you see what would happen."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,.jsonl"}),
    )


class ConfirmForm(forms.Form):
    key = forms.CharField(max_length=100)


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[(FileFormat.CSV, "CSV"), (FileFormat.XLSX, "Excel"), (FileFormat.JSONL, "JSONL")]
    )
