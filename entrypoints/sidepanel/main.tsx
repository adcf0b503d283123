import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import '@/components/theme.css';
import '@/components/roles.css';
import './sidepanel.css';

localizePage('extName');
render(<App />, document.getElementById('app')!);
