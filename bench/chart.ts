// A small SVG bar chart of each scenario's requests/s as a share of the ceiling, with its target marked.
export function renderRatioChart(rows: { scenario: string; ratio: number; target: number }[]): string {
  const width = 640;
  const barArea = 360;
  const left = 200;
  const rowHeight = 28;
  const height = 40 + rows.length * rowHeight + 30;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const bars = rows
    .map((r, i) => {
      const y = 30 + i * rowHeight;
      const w = Math.max(1, Math.min(1.2, r.ratio) * barArea);
      const colour = r.ratio >= r.target ? '#2f7d32' : '#b3261e';
      const tx = left + r.target * barArea;
      return [
        `<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(r.scenario)}</text>`,
        `<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="${colour}"/>`,
        `<line x1="${tx}" x2="${tx}" y1="${y + 1}" y2="${y + 25}" stroke="#111" stroke-dasharray="3 2"/>`,
        `<text x="${(left + w + 6).toFixed(1)}" y="${y + 17}">${r.ratio.toFixed(2)}</text>`,
      ].join('');
    })
    .join('\n  ');
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<text x="${left + t * barArea}" y="${height - 8}" text-anchor="middle">${t}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12" role="img" aria-label="Requests per second as a share of the ceiling">
  <title>Requests/s as a share of the ceiling (dashed line: target)</title>
  <text x="${left}" y="18" font-weight="bold">requests/s ÷ ceiling (dashed: target)</text>
  ${bars}
  ${axis}
</svg>
`;
}
