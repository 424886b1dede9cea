"""Real servers for the publishing tests, each on a loopback port, started and stopped by the test that needs it:
moto's S3 server, OpenSSH's sshd with a key pair made here (served through ssh-agent), and nginx."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

START_TIMEOUT_S = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def need(program: str, package: str) -> str:
    """The program's path; a clear failure (never a skip) when it is missing: `make test` installs it."""
    path = program if os.path.isabs(program) and os.access(program, os.X_OK) else shutil.which(program)
    if not path:
        pytest.fail(f"{program} is missing: `make test` installs the Debian package {package}", pytrace=False)
    return path


def wait_for_port(port: int, process: subprocess.Popen[bytes], name: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            detail = log.read_text()[-2000:] if log and log.exists() else ""
            pytest.fail(f"{name} exited with {process.returncode} at start: {detail}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{name} did not listen on 127.0.0.1:{port} within {START_TIMEOUT_S:g} s", pytrace=False)


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def moto_s3() -> Iterator[str]:
    """moto's standalone S3 server; yields its endpoint URL."""
    program = Path(sys.executable).parent / "moto_server"
    if not program.exists():
        pytest.fail("moto_server is missing: `make test` installs moto[server] with the test extras", pytrace=False)
    port = free_port()
    process = subprocess.Popen([str(program), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, "moto_server")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@dataclass(frozen=True)
class SSHServer:
    port: int
    agent_socket: str
    """SSH_AUTH_SOCK of an ssh-agent holding the only key sshd accepts."""
    known_hosts: Path
    """A known_hosts file that trusts this server's host key (as `ssh-keyscan -p PORT 127.0.0.1` writes it)."""


@contextlib.contextmanager
def sshd(folder: Path) -> Iterator[SSHServer]:
    """OpenSSH's sshd on a loopback port: key login only (no password, root by key only), sftp inside."""
    server = need("/usr/sbin/sshd", "openssh-server")
    keygen, agent, add = (need(p, "openssh-client") for p in ("ssh-keygen", "ssh-agent", "ssh-add"))
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("host_key", "user_key"):
        subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True)
    (folder / "authorized_keys").write_text((folder / "user_key.pub").read_text())
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation directory
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(f"""Port {port}
ListenAddress 127.0.0.1
HostKey {folder / 'host_key'}
PidFile {folder / 'sshd.pid'}
AuthorizedKeysFile {folder / 'authorized_keys'}
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
""")
    log = folder / "sshd.log"
    process = subprocess.Popen([server, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL,
                               stderr=log.open("wb"))
    socket_path = str(folder / "agent.sock")
    agent_process = subprocess.Popen([agent, "-D", "-a", socket_path], stdout=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, "sshd", log)
        for _ in range(100):
            if os.path.exists(socket_path):
                break
            time.sleep(0.05)
        subprocess.run([add, "-q", str(folder / "user_key")], env={**os.environ, "SSH_AUTH_SOCK": socket_path},
                       check=True, capture_output=True)
        known_hosts = folder / "known_hosts"
        known_hosts.write_text(f"[127.0.0.1]:{port} {(folder / 'host_key.pub').read_text().split(' #')[0]}")
        yield SSHServer(port, socket_path, known_hosts)
    finally:
        stop(agent_process)
        stop(process)


NGINX_CONF = """daemon off;
user root;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
{types}
        location ~ /\\. {{ return 404; }}
    }}
}}
"""


@contextlib.contextmanager
def nginx(root: Path, folder: Path, types: str, port: int | None = None) -> Iterator[int]:
    """nginx serving `root` with the `types` block docs/publishing.md gives; yields its port."""
    program = need("/usr/sbin/nginx", "nginx")
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    config = folder / "nginx.conf"
    config.write_text(NGINX_CONF.format(dir=folder, port=port, root=root, types=types))
    process = subprocess.Popen([program, "-c", str(config), "-p", str(folder)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, "nginx", folder / "error.log")
        yield port
    finally:
        stop(process, signal.SIGQUIT)
