"""Fail when `nbdev_export`, `nbdev_clean` or the README render would change any file (run on a scratch copy)."""
import filecmp, os, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
bin_ = Path(sys.executable).parent
files = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard'], cwd=root, capture_output=True, text=True, check=True).stdout.split('\n')
files = [f for f in files if f and (root/f).is_file()]
with tempfile.TemporaryDirectory() as tmp:
    for f in files:
        (Path(tmp)/f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root/f, Path(tmp)/f)
    for cmd in ([str(bin_/'nbdev_export')], [str(bin_/'nbdev_clean')], [sys.executable, 'tools/render_readme.py']):
        r = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        if r.returncode: sys.exit(f'{" ".join(cmd)} failed:\n{r.stdout}{r.stderr}')
    changed = []
    for dirpath, _, names in os.walk(tmp):
        for n in names:
            p = Path(dirpath)/n; rel = p.relative_to(tmp)
            if rel.parts[0] in ('.git',) or '__pycache__' in rel.parts or rel.suffix == '.pyc': continue
            if not (root/rel).exists() or not filecmp.cmp(p, root/rel, shallow=False): changed.append(str(rel))
if changed:
    sys.exit('these files are not what the notebooks produce; run `make export` and commit:\n  ' + '\n  '.join(sorted(changed)))
print(f'nbdev: {len(files)} files checked; notebooks clean, package exported, README rendered')
