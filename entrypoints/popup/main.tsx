import { render } from 'preact';
import { App } from './App';
import { getDb } from '@/utils/db';
import '@/components/theme.css';
import '@/components/roles.css';
import './popup.css';

// Open the database while the page draws: opening it takes longer than reading the summary.
void getDb()
  .open()
  .catch(() => undefined);

render(<App />, document.getElementById('app')!);
