import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import '@/components/map/map.css';

render(<App />, document.getElementById('app')!);
