import { useEffect, useState } from 'preact/hooks';
import { Notice, type NoticeMessage } from './Notice';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { stopSync } from '@/utils/sync/account';
import { passphraseStrength } from '@/utils/sync/passphrase';
import { parseServerUrl } from '@/utils/sync/server-url';
import { describeSyncError, statusLines } from '@/utils/sync/status';
import { readState } from '@/utils/sync/tables';
import type { TurnOnInput } from '@/utils/sync/turn-on';

/** What the section needs from the browser and the server, passed in by the page. */
export interface SyncServices {
  /** Asks for host access to `origins`, from the user's click. */
  requestHosts(origins: string[]): Promise<boolean>;
  removeHosts(origins: string[]): Promise<unknown>;
  turnOn(input: TurnOnInput): Promise<{ created: boolean }>;
  syncNow(): Promise<void>;
}

interface SyncSectionProps {
  db: AllianceDb;
  services: SyncServices;
}

/** How often "Last synced … ago" is redrawn. */
const TICK_MS = 30_000;

/**
 * Sync, off until the user turns it on (docs/sync.md): the server, its credentials and the
 * passphrase; once on, the status in words, "Sync now" and turning it off.
 */
export function SyncSection({ db, services }: SyncSectionProps) {
  // Kept here, not in the form or the status: turning sync on replaces the one with the other,
  // and the message that says how it went must outlive that.
  const [message, setMessage] = useState<NoticeMessage>();
  const state = useLiveQuery(
    () =>
      db.transaction('r', db.syncState, db.syncChanges, async () => ({
        account: await readState(db, 'account'),
        status: await readState(db, 'status'),
        pending: await db.syncChanges.count(),
      })),
    [db],
  );
  return (
    <section class="card stack" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync between your browsers</h2>
      {state.status !== 'ready' ? (
        <p class="muted">Reading sync’s state…</p>
      ) : state.value.account ? (
        <SyncOn
          db={db}
          services={services}
          say={setMessage}
          {...state.value}
          account={state.value.account}
        />
      ) : (
        <SyncForm services={services} say={setMessage} />
      )}
      <Notice message={message} />
    </section>
  );
}

/** Shows how an action went, below the section. */
type Say = (message: NoticeMessage | undefined) => void;

function SyncForm({ services, say: setMessage }: { services: SyncServices; say: Say }) {
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [kept, setKept] = useState(false);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const server = parseServerUrl(url);
    if (!server.ok)
      return setMessage({ kind: 'error', text: `${server.error} Nothing was changed.` });
    if (!passphrase)
      return setMessage({ kind: 'error', text: 'Type the sync passphrase. Nothing was changed.' });
    if (!kept)
      return setMessage({
        kind: 'error',
        text: 'Tick the box once your passphrase is kept somewhere safe: without it the synced data cannot be read. Nothing was changed.',
      });
    // Asked for first, while the click still counts as the user's.
    const granted = await services.requestHosts(server.origins).catch(() => false);
    if (!granted)
      return setMessage({
        kind: 'error',
        text: `Sync needs your permission to reach ${new URL(server.url).host}. Nothing was changed.`,
      });
    setBusy(true);
    setMessage({ kind: 'info', text: 'Checking the server and your passphrase…' });
    try {
      const { created } = await services.turnOn({
        url: server.url,
        username: username.trim(),
        password,
        passphrase,
      });
      setPassphrase('');
      setPassword('');
      setMessage({
        kind: 'ok',
        text: created
          ? 'Sync is on. This computer started the synced data: turn sync on in your other browsers with the same passphrase.'
          : 'Sync is on. The data on the server will be added to this computer’s.',
      });
    } catch (error) {
      const text = describeSyncError(error);
      setMessage({
        kind: 'error',
        text: /Nothing was changed/.test(text) ? text : `${text} Nothing was changed.`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      <p class="muted">
        Sync is off: nothing leaves this computer. Turned on, it keeps your records the same in
        every browser where you turn it on, through a CouchDB database you choose. Everything is
        encrypted here with your passphrase before it is sent: the server’s owner cannot read it.
      </p>
      <div class="stack">
        <label for="sync-url">Database address</label>
        <input
          id="sync-url"
          type="url"
          inputMode="url"
          autocomplete="url"
          spellcheck={false}
          placeholder="https://couch.example.com/alliance-map"
          aria-describedby="sync-url-hint"
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <span id="sync-url-hint" class="muted small">
          A CouchDB database of its own, over HTTPS (plain HTTP only on this computer).
        </span>
      </div>
      <div class="fields">
        <div class="field">
          <label for="sync-username">User name</label>
          <input
            id="sync-username"
            type="text"
            autocomplete="username"
            spellcheck={false}
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sync-password">Server password</label>
          <input
            id="sync-password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
      </div>
      <div class="stack">
        <label for="sync-passphrase">Sync passphrase</label>
        <input
          id="sync-passphrase"
          type="password"
          autocomplete="new-password"
          spellcheck={false}
          aria-describedby="sync-strength sync-recovery"
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
        <span id="sync-strength" class="small" data-testid="sync-strength">
          {passphrase
            ? `Strength: ${strength.label} (about ${strength.bits} bits)${strength.enough ? '' : ' — not enough to start syncing; joining data you already synced is fine'}.`
            : 'Use the same passphrase in every browser. Four or five unrelated words make a strong one.'}
        </span>
      </div>
      <p id="sync-recovery" class="reminder">
        Nobody can recover this passphrase: not Alliance Map, not the server’s owner. If you forget
        it, the synced copy cannot be read; the records on each computer stay readable there. It is
        never stored: only keys made from it are kept on this computer.
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={kept}
          onChange={(event) => setKept(event.currentTarget.checked)}
        />
        <span>I have kept my passphrase somewhere safe.</span>
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Turn on sync
        </button>
      </div>
    </form>
  );
}

interface SyncOnProps {
  db: AllianceDb;
  services: SyncServices;
  say: Say;
  account: { url: string; username: string };
  status: Parameters<typeof statusLines>[0];
  pending: number;
}

function SyncOn({ db, services, say: setMessage, account, status, pending }: SyncOnProps) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // A status written a moment ago must not read as "in the future".
  const lines = statusLines(status, pending, Math.max(now, status?.updatedAt ?? 0));

  const turnOff = async () => {
    try {
      await stopSync(db);
      const server = parseServerUrl(account.url);
      if (server.ok) await services.removeHosts(server.origins).catch(() => undefined);
      setMessage({
        kind: 'ok',
        text: 'Sync is off on this computer. Your records here are kept; the server’s copy is left as it was.',
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeSyncError(error) });
    }
  };

  return (
    <div class="stack">
      <dl class="facts">
        <dt>Server</dt>
        <dd>{account.url}</dd>
        {account.username && (
          <>
            <dt>User</dt>
            <dd>{account.username}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd data-testid="sync-status" aria-live="polite">
          {lines.map((line) => (
            <span key={line} class={line === status?.error ? 'error' : undefined}>
              {line}{' '}
            </span>
          ))}
        </dd>
      </dl>
      <div class="row">
        <button
          type="button"
          onClick={() => {
            setMessage(undefined);
            void services.syncNow();
          }}
        >
          Sync now
        </button>
        <button type="button" onClick={() => void turnOff()}>
          Turn off sync on this computer
        </button>
      </div>
    </div>
  );
}
