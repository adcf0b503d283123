import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import { getDb } from '@/utils/db';
import { holdSyncWhileUsed } from '@/utils/sync/hold-for-page';
import '@/components/theme.css';
import '@/components/roles.css';
import './popup.css';

// The user is here: sync holds its writes into the tables while they use the page.
holdSyncWhileUsed();
// Open the database while the page draws: the summary and the quick tag both read it.
void getDb()
  .open()
  .catch(() => undefined);

localizePage('extName');
render(<App />, document.getElementById('app')!);
