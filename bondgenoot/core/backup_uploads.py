"""Uploaded files (receipts) next to a database backup, for ``manage.py backup`` and ``restore``.

Uploads are files under ``MEDIA_ROOT``, not rows, so the database backup cannot hold them.
``backup PATH`` writes them to ``PATH.uploads.tar`` (a plain tar, mode 0600, written to a hidden
temporary file and renamed at the end, like the backup itself), after the database: a file
uploaded in between is in the archive without its row, which is harmless; the other way round
would lose a receipt. ``restore PATH`` puts them back when that archive is there.

Restoring only ever writes inside ``MEDIA_ROOT``: every member must be a plain file with a
relative path (checked before the database is touched, and again by tarfile's ``data`` filter).
Files in ``MEDIA_ROOT`` that are not in the archive stay.

Everything here speaks English to the operator (command-line output, not the site).
"""

import hashlib
import io
import os
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .backup import BackupError, fsync

SUFFIX = ".uploads.tar"


@dataclass(frozen=True)
class UploadsResult:
    path: Path
    files: int
    size: int  # bytes of the files themselves
    digests: dict[str, str]  # name in the archive -> SHA-256 of the file as it was read


def archive_path(backup_path: str | os.PathLike[str]) -> Path:
    return Path(str(Path(backup_path).absolute()) + SUFFIX)


def _files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


def back_up(
    backup_path: str | os.PathLike[str], media_root: Path, *, force: bool = False
) -> UploadsResult | None:
    """Archive every file under ``media_root`` next to the backup; ``None`` when there are none
    (then an archive left from an earlier backup of the same name is removed with ``force``)."""
    final = archive_path(backup_path)
    files = _files(media_root)
    if final.exists() and not force:
        raise BackupError(f"{final} already exists. Choose another name or add --force.")
    if not files:
        final.unlink(missing_ok=True)
        return None
    handle, temporary_name = tempfile.mkstemp(
        prefix=f".{final.name}.", suffix=".partial", dir=final.parent
    )  # mode 0600: receipts are personal data
    os.close(handle)
    temporary = Path(temporary_name)
    digests: dict[str, str] = {}
    size = 0
    try:
        with tarfile.open(temporary, "w") as archive:
            for path in files:
                # Read once: what is archived is what the digest is of, even if the file
                # changes meanwhile. Receipts are small (money: at most 5 MB each).
                content = path.read_bytes()
                name = path.relative_to(media_root).as_posix()
                info = archive.gettarinfo(str(path), arcname=name)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
                digests[name] = hashlib.sha256(content).hexdigest()
                size += info.size
        fsync(temporary)
        temporary.replace(final)
        fsync(final.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return UploadsResult(path=final, files=len(files), size=size, digests=digests)


def verify(result: UploadsResult) -> list[str]:
    """Read the archive back: every file is there with the content it had. Problems, or []."""
    problems = []
    found: dict[str, str] = {}
    with tarfile.open(result.path) as archive:
        for member in archive.getmembers():
            content = archive.extractfile(member)
            if content is None:
                problems.append(f"{member.name}: not a file in the archive")
                continue
            found[member.name] = hashlib.sha256(content.read()).hexdigest()
    for name, digest in result.digests.items():
        if name not in found:
            problems.append(f"{name}: missing from {result.path.name}")
        elif found[name] != digest:
            problems.append(f"{name}: differs in {result.path.name}")
    return problems


def check(backup_path: str | os.PathLike[str], media_root: Path, *, force: bool) -> int | None:
    """Before a restore: the number of files the archive would put back, ``None`` without an
    archive. Refuses a damaged archive, anything but plain files at relative paths, and (without
    ``force``) a file that is already in ``media_root``."""
    source = archive_path(backup_path)
    if not source.exists():
        return None
    try:
        with tarfile.open(source) as archive:
            members = archive.getmembers()
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is not a readable uploads archive: {error}") from error
    for member in members:
        parts = PurePosixPath(member.name).parts
        if not member.isfile() or member.name.startswith("/") or ".." in parts:
            raise BackupError(
                f"{source} holds {member.name!r}, which is not a file inside the uploads "
                "folder; nothing was restored."
            )
    present = [m.name for m in members if (media_root / m.name).exists()]
    if present and not force:
        raise BackupError(
            f"{len(present)} uploaded files of {source.name} are already in {media_root} "
            f"(for example {present[0]}). Add --force to replace them."
        )
    return len(members)


def restore(backup_path: str | os.PathLike[str], media_root: Path) -> int:
    """Put the archived files back under ``media_root`` (after :func:`check`)."""
    source = archive_path(backup_path)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source) as archive:
        members = archive.getmembers()
        archive.extractall(media_root, members=members, filter="data")
    return len(members)
