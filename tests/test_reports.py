"""The committed reports: every page the index links exists, no page has a broken local link, tables have their columns,
and the index opens in a headless browser with every table and figure shown."""
from pathlib import Path
import pandas as pd
from maskremoval.reports import REPORTS, REPORT_PAGES, check_links, browser_check, browser_problems

def test_index_links_every_committed_report_and_none_is_broken():
    index = REPORTS/'index.html'
    assert index.exists(), 'reports/index.html is missing: run `maskremoval reports`'
    text = index.read_text()
    for stem, _ in REPORT_PAGES:
        if (REPORTS/f'{stem}.html').exists(): assert f'href="{stem}.html"' in text, stem
    pages = [index] + [REPORTS/f'{s}.html' for s, _ in REPORT_PAGES if (REPORTS/f'{s}.html').exists()]
    for p in pages: assert check_links(p) == [], (p.name, check_links(p))

def test_tables_have_a_model_and_a_split_column_and_the_paper_metric_names():
    metrics = {1: ['MAE', 'Disp'], 2: ['MAE', 'Disp'], 3: ['MAE', 'Disp'], 4: ['PIoU', 'Disp', 'MLD', 'SSIM', 'PSNR', 'L1'],
               5: ['PIoU', 'Disp', 'MLD', 'SSIM', 'PSNR', 'L1'], 6: ['PIoU', 'Disp', 'MLD', 'SSIM', 'PSNR', 'L1']}
    for k, cols in metrics.items():
        f = REPORTS/f'table{k}.csv'
        if not f.exists(): continue
        df = pd.read_csv(f)
        assert {'model', 'split'} <= set(df.columns) and set(cols) <= set(df.columns), (f.name, list(df.columns))
        assert df['model'].notna().all() and len(df)

def test_index_opens_in_a_headless_browser_with_every_table_and_figure():
    pages = {Path(p['url'][len('file://'):]).resolve(): p for p in browser_check(REPORTS/'index.html')}
    assert browser_problems(pages.values()) == []
    for stem, _ in REPORT_PAGES:
        f = (REPORTS/f'{stem}.html').resolve()
        if not f.exists(): continue
        p = pages[f]
        assert p['loaded'] and p['title'], stem
        if stem.startswith('figure') or stem == 'strangers': assert p['images'] and all(ok for _, ok in p['images']), (stem, p['images'])
        else: assert p['tables'] and max(p['tables']) >= 2, (stem, p['tables'])   # a header row and at least one row
