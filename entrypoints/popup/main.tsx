import { render } from 'preact';
import { App } from './App';
import { getDb } from '@/utils/db';
import { openViews } from '@/utils/derived-cache';
import '@/components/theme.css';
import '@/components/roles.css';
import './popup.css';

// Open the databases while the page draws: the copies' for the summary (which the background
// keeps current), the data's for the quick tag of the person in the tab.
openViews();
void getDb()
  .open()
  .catch(() => undefined);

render(<App />, document.getElementById('app')!);
