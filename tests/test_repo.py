"""Repository checks that no notebook can make: the nbdev layout and the README's commands."""
import configparser, importlib, json, re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def notebooks():
    return sorted(p for p in (ROOT/'nbs').glob('[0-9]*.ipynb'))

def test_each_numbered_notebook_exports_one_module_that_imports():
    seen = set()
    for nb in notebooks():
        src = [''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code']
        exp = [m.group(1) for s in src for m in [re.match(r'#\| default_exp (\S+)', s)] if m]
        assert len(exp) == 1, f'{nb.name}: needs exactly one default_exp'
        assert exp[0] not in seen; seen.add(exp[0])
        mod = importlib.import_module(f'maskremoval.{exp[0]}')
        assert (ROOT/'maskremoval'/f'{exp[0]}.py').exists() and mod.__file__

def test_notebook_numbers_are_unique_and_ordered():
    # a number, and a letter for the parts of a notebook split the fastcore way (06_face, 06a_face_inputs, ...)
    keys = [re.fullmatch(r'(\d+)([a-z]?)_\w+\.ipynb', p.name) for p in notebooks()]
    assert all(keys), [p.name for p, k in zip(notebooks(), keys) if not k]
    keys = [(int(k.group(1)), k.group(2)) for k in keys]
    assert keys == sorted(set(keys))

def test_settings_point_at_the_package_and_the_console_script():
    cfg = configparser.ConfigParser(); cfg.read(ROOT/'settings.ini')
    d = cfg['DEFAULT']
    assert d['lib_path'] == 'maskremoval' and d['nbs_path'] == 'nbs'
    mod, func = d['console_scripts'].split('=')[1].split(':')
    assert callable(getattr(importlib.import_module(mod), func))

def test_readme_names_the_two_commands_and_ci_runs_make_test():
    readme = (ROOT/'README.md').read_text()
    assert 'make demo' in readme and 'make test' in readme
    assert 'make test' in (ROOT/'.ci/run').read_text()
    make = (ROOT/'Makefile').read_text()
    for target in ('demo:', 'test:', 'lab:', 'data:', 'bench:'): assert f'\n{target}' in make

def test_torch_is_pinned_to_the_cpu_wheel():
    reqs = (ROOT/'requirements.txt').read_text().splitlines()
    assert 'torch==2.13.0' in reqs
    assert all('==' in r for r in reqs if r and not r.startswith('#'))
