"""A batch's first pass: learn each site's template from the pages INPUT carries (stages/sitetemplate.py).

Folders and JSONL files carry their pages, so every page is cleaned once here (no speech, no audio) before
any is narrated, and the narration of each already leaves its site's recurring lines out. A URL list's pages
are not fetched twice: its batch uses the templates earlier runs learnt in the same folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.pipeline.batchinput import BatchInput, Job
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.stages.chrome_rules import Rule, load_rules
from tts_pipeline.stages.clean import clean_input
from tts_pipeline.stages.fetch import is_url
from tts_pipeline.stages.sitetemplate import SITES_DIR, TemplateLearner, site_of, write_site_rules
from tts_pipeline.stages.source import read_source


def learn_site_templates(
    batch_input: BatchInput,
    rules: Sequence[Rule],
    folder: Path,
    on_page: Callable[[], None] | None = None,
) -> list[Path]:
    """Clean every page INPUT carries with `rules`, then write one rules file per site with recurring lines
    into `folder`. Pages that cannot be read or cleaned are left to the narration pass to report."""
    return learn_from_pages((_page(job) for job in batch_input.jobs()), rules, folder, on_page)


def learn_from_pages(
    pages: Iterable[tuple[str, str, str | None] | None],
    rules: Sequence[Rule],
    folder: Path,
    on_page: Callable[[], None] | None = None,
) -> list[Path]:
    """The learning itself, for pages given as (text, kind, url), None for one that could not be read."""
    learner = TemplateLearner()
    for page in pages:
        if page is not None:
            text, kind, url = page
            try:
                article = clean_input(text, rules, kind, url)
            except BadInput:
                continue
            learner.add(site_of(article.url or url), [article.title, *article.paragraphs])
        if on_page:
            on_page()
    return write_site_rules(folder, learner.templates())


def _page(job: Job) -> tuple[str, str, str | None] | None:
    if job.error:
        return None
    if job.text is not None:
        return job.text, job.kind, job.url
    if not job.location or is_url(job.location):
        return None
    try:
        src = read_source(job.location, job.kind)
    except BadInput:
        return None
    return src.text, src.kind, src.url or job.url


def batch_site_rules(
    batch_input: BatchInput,
    options: NarrateOptions,
    out: Path,
    learn: bool = True,
    on_page: Callable[[], None] | None = None,
) -> tuple[NarrateOptions, list[Path]]:
    """The options a batch narrates with (site_rules_dir set) and the rules files this run learnt.

    Learnt into --site-rules DIR when given, else OUT/_sites; with learning off, or for a URL list, the
    templates already in that folder are used as they are."""
    folder = Path(options.site_rules_dir or out / SITES_DIR)
    written: list[Path] = []
    if learn and batch_input.kind != "urls":
        written = learn_site_templates(batch_input, load_rules(options.rules_files), folder, on_page)
    if folder.is_dir():
        options = replace(options, site_rules_dir=folder)
    return options, written
