import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import '@/components/theme.css';
import '@/components/options/import.css';
import './options.css';

localizePage('page_optionsTitle');
render(<App />, document.getElementById('app')!);
