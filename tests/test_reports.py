"""The committed reports: every page the index links exists, no page has a broken local link, tables have their columns."""
from pathlib import Path
import pandas as pd
from maskremoval.reports import REPORTS, REPORT_PAGES, check_links

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
