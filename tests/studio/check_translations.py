#!/usr/bin/env python3
"""Every translatable string of the studio is in both .ts files, translated.

Runs lupdate (as translations/README.md does) on copies of the .ts files
and fails on any message lupdate finds that has no translation, or whose
translation drops or invents a %1 / %n placeholder: such a string shows
in English, or with a wrong number, in the German and Chinese UI.

usage: check_translations.py LUPDATE SOURCE_DIR
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r'%(?:\d+|n)')


def main() -> int:
    lupdate, root = sys.argv[1], Path(sys.argv[2])
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for name in ('ember_de.ts', 'ember_zh_CN.ts'):
            copy = Path(tmp) / name
            shutil.copy(root / 'translations' / name, copy)
            copies.append(copy)
        run = subprocess.run([lupdate, '-no-obsolete', '-locations', 'none',
                              str(root / 'app/studio'), str(root / 'app/model'), str(root / 'views'),
                              '-ts', *map(str, copies)], capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            print(run.stdout + run.stderr)
            return 1
        for copy in copies:
            for ctx in ET.parse(copy).getroot():
                context = ctx.findtext('name')
                for msg in ctx.findall('message'):
                    src = msg.findtext('source') or ''
                    tr = msg.find('translation')
                    if tr.get('type') == 'unfinished':
                        problems.append(f'{copy.name}: {context}: untranslated: {src!r}')
                        continue
                    forms = [f.text or '' for f in tr] if msg.get('numerus') == 'yes' else [tr.text or '']
                    want = set(PLACEHOLDER.findall(src)) - {'%n'}
                    for form in forms:
                        if set(PLACEHOLDER.findall(form)) - {'%n'} != want:
                            problems.append(f'{copy.name}: {context}: placeholders differ: {src!r} -> {form!r}')
    for p in problems:
        print(p)
    if problems:
        print(f'{len(problems)} problem(s): add the strings to translations/fill_translations.py and run '
              'the two commands of translations/README.md')
        return 1
    print('every studio string translated in ember_de.ts and ember_zh_CN.ts')
    return 0


if __name__ == '__main__':
    sys.exit(main())
