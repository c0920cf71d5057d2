import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { transport } from '../api';

// MapLibre cannot find its worker by itself under app:// or a bundler: tell it where the built file is.
setWorkerUrl(workerUrl);

export interface MapViewProps {
  style: StyleSpecification;
  /** Called once with the map after its first load (for layers, fitting, tests). */
  onReady?: (map: MapLibreMap) => void;
}

/** The MapLibre canvas. Tile requests carry the web host's token; the style is owned by the caller. */
export function MapView({ style, onReady }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!,
      style,
      attributionControl: false,
      transformRequest: (url) => (url.startsWith(window.location.origin) || url.startsWith('app://') ? { url, headers: transport.tileHeaders } : { url }),
      // Chinese labels are drawn with the system's CJK font, so no glyph server is needed for them.
      localIdeographFontFamily: '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif',
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.once('load', () => onReady?.(map));
    // Exposed for end-to-end tests and debugging; the UI never reads it.
    (window as unknown as { __vepMap?: MapLibreMap }).__vepMap = map;
    return () => map.remove();
    // The map is created once; later style changes go through the map instance, not this effect.
  }, []);

  return <div ref={container} className="map" data-testid="map" />;
}
