import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import { getDb } from '@/utils/db';
import '@/components/theme.css';
import '@/components/roles.css';
import './popup.css';

// Open the database while the page draws: the summary and the quick tag both read it.
void getDb()
  .open()
  .catch(() => undefined);

localizePage('extName');
render(<App />, document.getElementById('app')!);
