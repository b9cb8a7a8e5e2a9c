"""Admin form fields for values stored as JSON that an editor edits as plain text."""

import re

from django import forms

# Names as a masthead lists them: one a line, or set apart by spaces, 、 or commas.
NAME_SEPARATORS_RE = re.compile(r"[\s、，,；;]+")


class NameListField(forms.CharField):
    """A list of names (编审团) shown one name a line, not as a JSON array."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(str(name) for name in value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(name) for name in value]
        text = super().to_python(value)
        return [name for name in NAME_SEPARATORS_RE.split(text) if name]
