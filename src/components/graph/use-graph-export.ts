// Export of the current graph as `<sovereign or 'catalyst'>-graph.svg` or `.png`.
import { useCallback } from 'react';
import { TIER_INFO } from '../../shared/constants/catalog-types';
import { getComponent, type ComponentId } from '../../shared/constants/components';
import { getFamily } from '../../shared/constants/families';
import { useDraftStore } from '../../shared/store/draft-store';
import { downloadBlob } from '../../shared/lib/download';
import { svgToPng } from './svg-to-png';
import { graphToSvg } from './graph-svg';
import type { GraphModel } from './use-graph-elements';

/** A stable-per-model export callback; reports failures through `onError`. */
export function useGraphExport({ graph, layout }: GraphModel, onError: (message: string) => void) {
  const sovereign = useDraftStore((s) => s.draft.infrastructure.sovereignName);
  return useCallback(
    async (format: 'svg' | 'png') => {
      const base = `${sovereign.trim() || 'catalyst'}-graph`;
      const svg = graphToSvg(graph, layout, {
        title: `${sovereign.trim() || 'Catalyst'} dependency graph`,
        nameOf: (id: ComponentId) => getComponent(id).name,
        subtitleOf: (id: ComponentId) =>
          `${getFamily(getComponent(id).family).name} · ${TIER_INFO[getComponent(id).tier].label}`,
        colorOf: (id: ComponentId) => getFamily(getComponent(id).family).color,
      });
      try {
        if (format === 'svg')
          downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`);
        else
          downloadBlob(await svgToPng(svg, layout.width + 48, layout.height + 48), `${base}.png`);
      } catch (e) {
        onError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [graph, layout, sovereign, onError],
  );
}
