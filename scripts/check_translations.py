"""Fail when the az or ru interface is not fully translated (run by `make lint`, so by `.ci/run`).

Two checks:
1. every message in every az/ru catalogue (`locale/`, `shop/locale/`) has a translation and none is fuzzy
   (a fuzzy message is a guess by msgmerge that Django ignores, so buyers would read English);
2. the catalogues are up to date with the code: `makemessages` is run into a throw-away copy of the project and
   any msgid it finds that `locale/` lacks is listed (a string wrapped in code but never translated).

Usage: `uv run python scripts/check_translations.py [--skip-extract] [PO_FILE ...]`; with files given only
those are checked (check 1), which is what the tests do on a temporary catalogue.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("az", "ru")
CATALOGUE_DIRS = ("locale", "shop/locale")
# The command the README gives for the project catalogue; the check runs exactly it.
MAKEMESSAGES = ["manage.py", "makemessages", "-l", "az", "-l", "ru", "--ignore=.venv", "--ignore=shop/locale"]
# What the copy needs to find every string: code and templates, not data, media or the virtualenv.
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "media", "var", "node_modules", "*.mo", "__pycache__", "*.sqlite3"
)


def _read(path: Path):
    # Babel warns on msgmerge's "#| msgid" history comments; they are harmless, so keep the output clean.
    quiet = io.StringIO()
    with path.open("rb") as handle, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        return read_po(handle, locale=path.parts[-3])


def _is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return bool(strings) and all(strings)


def catalogue_problems(path: Path) -> list[str]:
    """ "path: untranslated: "msgid"" / "path: fuzzy: ..." for every message that is not translated for real."""
    problems = []
    for message in _read(path):
        if not message.id:  # the header
            continue
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if message.fuzzy:
            problems.append(f"{path}: fuzzy: {msgid!r}")
        elif not _is_translated(message):
            problems.append(f"{path}: untranslated: {msgid!r}")
    return problems


def _msgids(path: Path) -> set:
    return {message.id if isinstance(message.id, str) else tuple(message.id) for message in _read(path) if message.id}


def missing_msgids() -> list[str]:
    """Msgids that `makemessages` would add to `locale/`: strings in code that the catalogue does not have."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="check_translations_") as temp:
        copy = Path(temp) / "project"
        shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
        subprocess.run(
            [sys.executable, *MAKEMESSAGES], cwd=copy, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for language in LANGUAGES:
            relative = Path("locale") / language / "LC_MESSAGES" / "django.po"
            for msgid in sorted(_msgids(copy / relative) - _msgids(ROOT / relative), key=str):
                problems.append(f"{relative}: not in the catalogue (run makemessages): {msgid!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--skip-extract", action="store_true", help="do not compare with makemessages' output")
    args = parser.parse_args(argv)
    files = args.files or [
        ROOT / directory / language / "LC_MESSAGES" / "django.po"
        for directory in CATALOGUE_DIRS
        for language in LANGUAGES
    ]
    problems = [problem for path in files for problem in catalogue_problems(path)]
    if not args.files and not args.skip_extract:
        problems += missing_msgids()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s): translate them in the .po files (no fuzzy flags left).")
        return 1
    print(f"Translations complete: {len(files)} catalogues checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
