"""Run every notebook's tests with nbdev_test (two at a time) and the pytest suite; print `N passed, N failed`."""
import os, re, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')   # spinning torch threads crawl on a busy 2-core machine
bin_ = Path(sys.executable).parent
nbs = sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))

def test_nb(nb):
    t = time.time()
    r = subprocess.run([str(bin_/'nbdev_test'), '--path', str(nb)], cwd=root, capture_output=True, text=True)
    return nb.name, r.returncode == 0, time.time() - t, r.stdout + r.stderr

passed = failed = 0
with ThreadPoolExecutor(2) as ex:
    for name, ok, dt, out in ex.map(test_nb, nbs):
        print(f'{"PASS" if ok else "FAIL"} {name} ({dt:.0f} s)', flush=True)
        if ok: passed += 1
        else: failed += 1; print(out[-4000:], flush=True)
r = subprocess.run([sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], cwd=root, capture_output=True, text=True)
print(r.stdout[-6000:], r.stderr[-2000:], flush=True)
m = dict((k, int(v)) for v, k in re.findall(r'(\d+) (passed|failed|error)', r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ''))
passed += m.get('passed', 0); failed += m.get('failed', 0) + m.get('error', 0)
if r.returncode not in (0, 5) and not failed: failed += 1   # pytest itself broke
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
