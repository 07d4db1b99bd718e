// The graph as a standalone SVG document, drawn from the layout (not from the DOM): a rect and
// labels per component, a path per dependency. Pure; the PNG export rasterises this.
import type { Graph } from '../../shared/lib/build-graph';
import type { Layout } from '../../shared/lib/layout/layout-types';
import { edgePath } from './edge-path';

export interface SvgLabels<Id extends string> {
  readonly title: string;
  readonly nameOf: (id: Id) => string;
  readonly subtitleOf: (id: Id) => string;
  readonly colorOf: (id: Id) => string;
}

const PAD = 24;

/** Escapes text for XML content and attribute values. */
export const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG document of the laid-out graph; not-installed components are drawn faded. */
export function graphToSvg<Id extends string>(
  graph: Graph<Id>,
  layout: Layout<Id>,
  labels: SvgLabels<Id>,
): string {
  const width = Math.ceil(layout.width + 2 * PAD);
  const height = Math.ceil(layout.height + 2 * PAD);
  const installed = new Map(graph.nodes.map((n) => [n.id, n.installed]));
  const edges = layout.edges.map((e) => {
    const on = installed.get(e.source) && installed.get(e.target);
    return `<path d="${edgePath(e.points)}"${on ? '' : ' stroke-dasharray="4 4" opacity="0.5"'} marker-end="url(#arrow)"/>`;
  });
  const nodes = graph.nodes.map(({ id }) => {
    const b = layout.nodes.get(id);
    if (!b) return '';
    const color = escapeXml(labels.colorOf(id));
    return [
      `<g transform="translate(${b.x},${b.y})"${installed.get(id) ? '' : ' opacity="0.4"'} data-id="${escapeXml(id)}">`,
      `<rect width="${b.width}" height="${b.height}" rx="8" fill="#ffffff" stroke="${color}" stroke-width="1.5"/>`,
      `<rect width="6" height="${b.height}" rx="3" fill="${color}"/>`,
      `<text x="16" y="${b.height / 2 - 4}" font-size="14" font-weight="600" fill="#0f172a">${escapeXml(labels.nameOf(id))}</text>`,
      `<text x="16" y="${b.height / 2 + 14}" font-size="11" fill="#475569">${escapeXml(labels.subtitleOf(id))}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${-PAD} ${-PAD} ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(labels.title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker></defs>',
    `<rect x="${-PAD}" y="${-PAD}" width="${width}" height="${height}" fill="#f8fafc"/>`,
    `<g fill="none" stroke="#64748b" stroke-width="1.5">${edges.join('')}</g>`,
    `<g>${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
