import { render } from 'preact';
import { App } from './App';
import { dataChangedItem } from '@/utils/settings';
import '@/components/theme.css';
import '@/components/map/map.css';

// Asked while the settings are read, not after: the map opens on its last picture when the
// data did not change since (utils/map/snapshot.ts).
const openingVersion = dataChangedItem.getValue();

render(<App openingVersion={openingVersion} />, document.getElementById('app')!);
