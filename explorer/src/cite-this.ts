// The footer's "cite this": the dataset's "cite as" line, as /v1/cite gives it in text, so the page never words a
// citation (or its version) of its own; and its three links, which save /v1/cite in the type each names. Plain
// fetch: the typed client reads JSON answers, and two of these are not.

/** Saves /v1/cite in the type a footer link names: one URL, so the type travels in Accept, not in the link. */
async function saveCitation(link: HTMLAnchorElement): Promise<void> {
  const accept = link.dataset.accept ?? '';
  const response = await fetch(link.href, { headers: { accept } });
  if (!response.ok) throw new Error(`${link.href} answered ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const save = document.createElement('a');
  save.href = url;
  save.download = link.dataset.filename ?? 'citation';
  save.click();
  // The click has handed the file over; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function showCiteThis(): Promise<void> {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.cite-this a[data-accept]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      // On failure the link itself still answers: in the default type, CSL-JSON.
      saveCitation(link).catch(() => window.location.assign(link.href));
    });
  }
  const target = document.getElementById('cite-this');
  if (!target) return;
  try {
    const response = await fetch('/v1/cite', { headers: { accept: 'text/plain' } });
    if (!response.ok) throw new Error(`/v1/cite answered ${response.status}`);
    // The first line is the "cite as" line; the attribution follows it.
    const [citeAs = ''] = (await response.text()).split('\n');
    target.textContent = citeAs.replace(/^Cite as: /, '');
  } catch {
    // The links beside it still give the citation in every form.
    target.textContent = 'see the links';
  }
  target.removeAttribute('aria-busy');
}
