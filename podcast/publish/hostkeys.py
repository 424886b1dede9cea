"""An SSH host's key checked against known_hosts before anything is sent to it: the only importer of paramiko.

`podcast publish` uploads what listeners download, so a host that answers with an unknown or a changed key
is refused (a man in the middle would otherwise receive the episode and serve its own). The file is the one
[show.publish] known_hosts names, else the user's ~/.ssh/known_hosts, in OpenSSH's format (hashed names too).
"""

from __future__ import annotations

import base64
import hashlib
import shlex
from pathlib import Path
from typing import Any

import paramiko

from ..errors import PublishError


def fingerprint(key: Any) -> str:
    """As ssh-keygen -l prints it: "SHA256:..." (no padding)."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(key.asbytes()).digest()).decode().rstrip("=")


def _host_and_port(name: str) -> tuple[str, str]:
    """paramiko names a host on another port "[host]:port"."""
    if name.startswith("[") and "]:" in name:
        host, port = name[1:].split("]:", 1)
        return host, port
    return name, "22"


def known_hosts_file(setting: str, show_root: Path) -> Path:
    """[show.publish] known_hosts (relative to the show folder, ~ expanded), else the user's own."""
    return show_root / Path(setting).expanduser() if setting else Path.home() / ".ssh" / "known_hosts"


class KnownHosts(paramiko.MissingHostKeyPolicy):
    """Accept a host only when known_hosts lists it with the key it presents; else refuse, saying how to trust
    it. Given to fsspec's SFTP as its host-key policy: its client loads no keys, so every host comes here."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def missing_host_key(self, client: Any, hostname: str, key: Any) -> None:
        known = paramiko.HostKeys()
        try:
            known.load(str(self.path))
        except FileNotFoundError:
            pass
        except (OSError, paramiko.SSHException, ValueError) as exc:
            raise PublishError(f"{self.path}: cannot read known hosts: {exc}") from exc
        entries = known.lookup(hostname)
        if entries is not None and entries.get(key.get_name()) == key:
            return
        client.close()  # nothing is sent to a host not trusted
        host, port = _host_and_port(hostname)
        scan = f"ssh-keyscan{'' if port == '22' else f' -p {port}'} {shlex.quote(host)}"
        where = shlex.quote(str(self.path))
        if entries:
            raise PublishError(
                f"the SSH host key of {hostname} has CHANGED (now {key.get_name()} {fingerprint(key)}, not the one "
                f"in {self.path}): someone may be intercepting the upload; if the host's key was really replaced, "
                f"check the new fingerprint with its administrator, then `ssh-keygen -R {shlex.quote(hostname)} -f "
                f"{where}` and `{scan} >> {where}`")
        raise PublishError(
            f"the SSH host {hostname} is not in {self.path} (its key: {key.get_name()} {fingerprint(key)}); to trust "
            f"it, check that fingerprint with the host's administrator, then `{scan} >> {where}`")
