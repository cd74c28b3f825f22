"""The secret behind pseudonyms (:func:`kit.pp.pseudonymise`), kept outside the reports.

One team keeps one key: the same person then gets the same pseudonym in every run, while another team (another
key) gets other pseudonyms, and nobody can trace a pseudonym back by hashing candidate handles. The key is
read, in this order, from the file given, the environment variable ``KIT_PSEUDONYM_KEY`` (the secret itself),
the file named by ``KIT_PSEUDONYM_KEY_FILE``, or ``~/.config/kit/pseudonym.key`` (created with a random secret,
readable by its owner only, the first time it is needed). It is never written into a report.

>>> import os, tempfile
>>> path = Path(tempfile.mkdtemp()) / "team.key"
>>> _ = path.write_text("correct horse battery staple\\n")
>>> read_key(path)
b'correct horse battery staple'
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["ENV_KEY", "ENV_KEY_FILE", "default_key_file", "read_key"]

#: Environment variable holding the secret itself.
ENV_KEY = "KIT_PSEUDONYM_KEY"
#: Environment variable naming a file that holds the secret.
ENV_KEY_FILE = "KIT_PSEUDONYM_KEY_FILE"


def default_key_file() -> Path:
    """``$XDG_CONFIG_HOME/kit/pseudonym.key`` (``~/.config/kit/pseudonym.key`` by default).

    Examples
    --------
    >>> default_key_file().name
    'pseudonym.key'
    """
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "kit" / "pseudonym.key"


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no pseudonym key file there (a file holding the team's secret)")
    key = path.read_bytes().strip()
    if not key:
        raise ValueError(f"{path}: the pseudonym key file is empty")
    return key


def read_key(path: str | Path | None = None, *, create: bool = True) -> bytes:
    """The pseudonym key: from ``path``, else the environment, else the default file.

    Parameters
    ----------
    path
        A file holding the secret (surrounding white space ignored).
    create
        When no key is found, create the default file (:func:`default_key_file`) with a random secret;
        otherwise raise.

    Returns
    -------
    bytes
        The secret.

    Examples
    --------
    >>> os.environ[ENV_KEY] = "team secret"
    >>> read_key()
    b'team secret'
    >>> del os.environ[ENV_KEY]
    """
    if path:
        return _read(Path(path).expanduser())
    if os.environ.get(ENV_KEY, "").strip():
        return os.environ[ENV_KEY].strip().encode()
    if os.environ.get(ENV_KEY_FILE, "").strip():
        return _read(Path(os.environ[ENV_KEY_FILE]).expanduser())
    default = default_key_file()
    if default.is_file():
        return _read(default)
    if not create:
        raise FileNotFoundError(
            f"no pseudonym key: give a key file, set {ENV_KEY} or {ENV_KEY_FILE}, or create {default}"
        )
    default.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(default, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32) + "\n")
    return _read(default)
