import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import '@/components/options/import.css';
import './options.css';

render(<App />, document.getElementById('app')!);
