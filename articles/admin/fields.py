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


# The contact lines a footer prints, as the importer stores them (importer/furniture/footer.py).
CONTACT_LABELS = {"phone": "电话", "fax": "传真", "email": "邮箱", "address": "地址"}
CONTACT_KEYS = {label: key for key, label in CONTACT_LABELS.items()}


class ContactField(forms.CharField):
    """A paper's contact lines (电话：…, 邮箱：…) shown one a line, not as a JSON object."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, dict):
            order = [*CONTACT_LABELS, *(key for key in value if key not in CONTACT_LABELS)]
            return "\n".join(f"{CONTACT_LABELS.get(key, key)}：{value[key]}" for key in order if value.get(key))
        return value

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        contact = {}
        for line in (super().to_python(value) or "").splitlines():
            if not line.strip():
                continue
            label, colon, text = (part.strip() for part in line.replace(":", "：").partition("："))
            # A key the form showed as it is stored (wechat：…) is read back as it is.
            key = CONTACT_KEYS.get(label, label if label.isascii() and label.isidentifier() else None)
            if not colon or key is None or not text:
                raise forms.ValidationError(
                    "“%(line)s”看不懂：每行写一项，如 电话：021-12345678（可写 电话、传真、邮箱、地址）。",
                    code="contact", params={"line": line.strip()})
            contact[key] = text
        return contact
