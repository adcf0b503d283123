import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import '@/components/theme.css';
import './welcome.css';

localizePage('welcome_pageTitle');
render(<App />, document.getElementById('app')!);
