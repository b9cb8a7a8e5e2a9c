"""Local accounts for a development checkout."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

PASSWORD_FILE = Path(settings.BASE_DIR) / "var" / "local-accounts.txt"


@transaction.atomic
def ensure_local_accounts(*, accounts: list[tuple[str, str | None, bool]]) -> dict[str, str]:
    """Create each (username, group name, superuser?) account once; returns username -> password.

    Passwords are generated on first creation and kept in var/ (git ignores it), so every
    `make run` can print them again.
    """
    from django.contrib.auth.models import Group

    known = _read_passwords()
    User = get_user_model()
    for username, group_name, is_superuser in accounts:
        user = User.objects.filter(username=username).first()
        if user is None or username not in known:
            password = secrets.token_urlsafe(9)
            if user is None:
                user = User(username=username)
            user.is_staff = True
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            known[username] = password
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    _write_passwords(known)
    return {name: known[name] for name, _, _ in accounts}


def _read_passwords() -> dict[str, str]:
    if not PASSWORD_FILE.exists():
        return {}
    pairs = (line.split(" ", 1) for line in PASSWORD_FILE.read_text(encoding="utf-8").splitlines() if " " in line)
    return {name: password for name, password in pairs}


def _write_passwords(known: dict[str, str]) -> None:
    PASSWORD_FILE.parent.mkdir(exist_ok=True)
    PASSWORD_FILE.write_text("".join(f"{n} {p}\n" for n, p in sorted(known.items())), encoding="utf-8")
    PASSWORD_FILE.chmod(0o600)
