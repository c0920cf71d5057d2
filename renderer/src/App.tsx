import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StyleSpecification } from 'maplibre-gl';
import type { AppInfo } from '../../electron/host/api';
import { invoke } from './api';
import { MapView } from './map/MapView';

const baseStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0ea' } }],
};

export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void invoke('app:info').then(setInfo);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
      </header>
      <main className="app-main">
        <MapView style={baseStyle} />
      </main>
      <footer className="status-bar">{info ? `${info.name} ${info.version}` : t('app.loading')}</footer>
    </div>
  );
}
