import { useEffect, useState } from 'preact/hooks';
import { Notice, type NoticeMessage } from './Notice';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import { passphraseStrength, strengthKey, MIN_PASSPHRASE_LENGTH } from '@/utils/sync/passphrase';
import { parseServerUrl } from '@/utils/sync/server-url';
import { noticeText, statusLines } from '@/utils/sync/status';
import { stopSync } from '@/utils/sync/account';
import { readState } from '@/utils/sync/tables';
import type { TurnOnAnswer, TurnOnInput } from '@/utils/sync/turn-on';

/** What the section needs from the browser and the background, passed in by the page. */
export interface SyncServices {
  /** Asks for host access to `origins`, from the user's click. */
  requestHosts(origins: string[]): Promise<boolean>;
  removeHosts(origins: string[]): Promise<unknown>;
  /** Asks the background to turn sync on: only the background talks to the server. */
  turnOn(input: TurnOnInput): Promise<TurnOnAnswer>;
  syncNow(): Promise<void>;
}

/**
 * Turns sync off on this computer: the account, the keys and sync's state are forgotten (the
 * background then deletes its local copy) and host access to the server is given back. The
 * records stay, and so does the server's copy.
 */
export async function turnSyncOffHere(
  db: AllianceDb,
  { removeHosts }: Pick<SyncServices, 'removeHosts'>,
): Promise<void> {
  const account = await readState(db, 'account');
  await stopSync(db);
  const server = account && parseServerUrl(account.url);
  if (server?.ok) await removeHosts(server.origins).catch(() => undefined);
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
      <h2 id="sync-title">{ui.t('sync_title')}</h2>
      {state.status !== 'ready' ? (
        <p class="muted">{ui.t('sync_reading')}</p>
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
    const refuse = (problem: string) =>
      setMessage({ kind: 'error', text: ui.t('sync_nothingChanged', { problem }) });
    const server = parseServerUrl(url);
    if (!server.ok) return refuse(ui.t(server.error));
    if (!passphrase) return refuse(ui.t('sync_needPassphrase'));
    if (!kept) return refuse(ui.t('sync_needKept'));
    // Asked for first, while the click still counts as the user's.
    const granted = await services.requestHosts(server.origins).catch(() => false);
    if (!granted) return refuse(ui.t('sync_needAccess', { host: new URL(server.url).host }));
    setBusy(true);
    setMessage({ kind: 'info', text: ui.t('sync_checking') });
    try {
      const answer = await services.turnOn({
        url: server.url,
        username: username.trim(),
        password,
        passphrase,
      });
      if (!answer.ok) return refuse(noticeText(ui, answer.problem));
      setPassphrase('');
      setPassword('');
      setMessage({
        kind: 'ok',
        text: ui.t(answer.created ? 'sync_onStarted' : 'sync_onJoined'),
      });
    } catch (error) {
      refuse(errorText(ui, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      <p class="muted">{ui.t('sync_offIntro')}</p>
      <div class="stack">
        <label for="sync-url">{ui.t('sync_urlLabel')}</label>
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
          {ui.t('sync_urlHint')}
        </span>
      </div>
      <div class="fields">
        <div class="field">
          <label for="sync-username">{ui.t('sync_usernameLabel')}</label>
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
          <label for="sync-password">{ui.t('sync_passwordLabel')}</label>
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
        <label for="sync-passphrase">{ui.t('sync_passphraseLabel')}</label>
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
            ? ui.t(strength.enough ? 'sync_strength' : 'sync_strengthLow', {
                level: ui.t(strengthKey(strength.level)),
                bits: strength.bits,
                min: MIN_PASSPHRASE_LENGTH,
              })
            : ui.t('sync_passphraseHint')}
        </span>
      </div>
      <p id="sync-recovery" class="reminder">
        {ui.t('sync_recovery')}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={kept}
          onChange={(event) => setKept(event.currentTarget.checked)}
        />
        <span>{ui.t('sync_kept')}</span>
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {ui.t('sync_turnOn')}
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
  status: Parameters<typeof statusLines>[1];
  pending: number;
}

function SyncOn({ db, services, say: setMessage, account, status, pending }: SyncOnProps) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // A status written a moment ago must not read as "in the future".
  const lines = statusLines(ui, status, pending, Math.max(now, status?.updatedAt ?? 0));

  const turnOff = async () => {
    try {
      await turnSyncOffHere(db, services);
      setMessage({ kind: 'ok', text: ui.t('sync_offDone') });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(ui, error) });
    }
  };

  return (
    <div class="stack">
      <dl class="facts">
        <dt>{ui.t('sync_server')}</dt>
        <dd>{account.url}</dd>
        {account.username && (
          <>
            <dt>{ui.t('sync_user')}</dt>
            <dd>{account.username}</dd>
          </>
        )}
        <dt>{ui.t('sync_status')}</dt>
        <dd data-testid="sync-status" aria-live="polite">
          {lines.map((line) => (
            <span key={line.text} class={line.problem ? 'error' : undefined}>
              {line.text}{' '}
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
          {ui.t('sync_now')}
        </button>
        <button type="button" onClick={() => void turnOff()}>
          {ui.t('sync_turnOff')}
        </button>
      </div>
    </div>
  );
}
