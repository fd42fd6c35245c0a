"""Render nbs/index.ipynb to README.md (what `nbdev_readme` does, without needing Quarto)."""
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

root = Path(__file__).resolve().parent.parent
nb = nbformat.read(root/'nbs/index.ipynb', as_version=4)
nb.cells = [c for c in nb.cells if not c.source.lstrip().startswith('#| hide')]
body, _ = MarkdownExporter(exclude_output=False).from_notebook_node(nb)
text = '<!-- generated from nbs/index.ipynb by tools/render_readme.py: edit the notebook, not this file -->\n\n' + body.strip() + '\n'
(root/'README.md').write_text(text)
