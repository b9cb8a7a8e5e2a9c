"""Forms of the public site (the editors' forms live with the admin)."""

from django import forms
from django.core.exceptions import ValidationError

from .models.reports import CONTACT_MAX, MESSAGE_MAX
from .services.reports import check_report


class ErrorReportForm(forms.Form):
    """报告错误 under an article. The length limits are checked here with a message of our own,
    not left to the browser's maxlength, so that pasted or scripted text is told too."""

    message = forms.CharField(label="哪里有错？", strip=False, error_messages={"required": "请写明哪里有错。"},
                              widget=forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX}))
    contact = forms.CharField(label="联系方式（可选）", required=False, strip=False,
                              widget=forms.TextInput(attrs={"maxlength": CONTACT_MAX, "autocomplete": "email"}))
    # Hidden from people by the stylesheet; a form-filling robot fills it in.
    website = forms.CharField(required=False)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError("无法发送：这份报告像是自动程序填写的。如果你是读者，请刷新页面后重新填写。")
        if "message" in data:
            try:
                data["message"], data["contact"] = check_report(message=data["message"],
                                                                contact=data.get("contact", ""))
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return data
