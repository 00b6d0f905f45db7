"""A throwaway PostgreSQL cluster for the sync tests: initdb + pg_ctl in a temporary folder.

Uses Debian's ``postgresql`` binaries (/usr/lib/postgresql/*/bin). initdb refuses to run as
root, so as root the cluster belongs to the ``postgres`` user (runuser). It listens on a free
loopback port with password (scram) logins only, so wrong passwords are really refused.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN = "desk_admin"
ADMIN_PASSWORD = "admin-secret-1"


def find_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    bindir: Path
    root: Path
    port: int
    as_user: list[str]

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(
        self,
        user: str = ADMIN,
        password: str | None = ADMIN_PASSWORD,
        db: str = "desk",
        extra: str = "",
    ) -> str:
        auth = f"{user}:{password}" if password else user
        tail = f"?{extra}" if extra else ""
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}{tail}"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-w",
            "-t",
            "60",
            "-l",
            str(self.root / "log"),
            "-o",
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                mode,
                "-w",
                "stop",
            ],
            capture_output=True,
            timeout=120,
            check=False,
        )

    def admin_sql(self, statement: str, db: str = "desk") -> None:
        import psycopg

        with psycopg.connect(self.url(db=db), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def add_checker(self, name: str, password: str) -> None:
        self.admin_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE crible_checker")


def start_cluster() -> Cluster:
    bindir = find_bin()
    assert bindir is not None
    root = Path(tempfile.mkdtemp(prefix="crible-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    pwfile = root / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if as_user:
        shutil.chown(pwfile, "postgres", "postgres")
    cluster = Cluster(bindir, root, _free_port(), as_user)
    cluster._run(
        str(bindir / "initdb"),
        "-D",
        str(cluster.data),
        "-U",
        ADMIN,
        f"--pwfile={pwfile}",
        "--auth=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    cluster.start()
    cluster.admin_sql("CREATE DATABASE desk", db="postgres")
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.root, ignore_errors=True)
