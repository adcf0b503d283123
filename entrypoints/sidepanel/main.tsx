import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import '@/components/roles.css';
import './sidepanel.css';

render(<App />, document.getElementById('app')!);
