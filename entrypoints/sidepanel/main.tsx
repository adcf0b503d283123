import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import { holdSyncWhileUsed } from '@/utils/sync/hold-for-page';
import '@/components/theme.css';
import '@/components/roles.css';
import './sidepanel.css';

// The user is here: sync holds its writes into the tables while they use the page.
holdSyncWhileUsed();
localizePage('extName');
render(<App />, document.getElementById('app')!);
