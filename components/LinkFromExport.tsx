import { useState } from 'preact/hooks';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { findNoProfileNamesakes } from '@/utils/db/name-search';
import { linkProfile, type SeenIdentity } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import { rich } from './rich';

interface LinkFromExportProps {
  db: AllianceDb;
  /** The profile open in the tab, with the name the page shows. */
  identity: SeenIdentity;
}

/** "Dana Lee (Acme) is in your records without a profile. Is this them?" */
function linkQuestion(name: string, facts: string) {
  return rich(ui.t('linkExport_question'), {
    name: <strong>{name}</strong>,
    facts: facts ? <span class="muted"> ({facts})</span> : '',
  });
}

/**
 * Offers to link the profile in the tab to someone an old LinkedIn export named without a
 * profile URL: same name, accents and case aside. Nothing is linked until the user says it is
 * them; "Not them" hides the offer for this view.
 */
export function LinkFromExport({ db, identity }: LinkFromExportProps) {
  const name = identity.name ?? '';
  const live = useLiveQuery(() => findNoProfileNamesakes(db, name), [name]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const offered = liveValue(live, []).filter((person) => !dismissed.has(person.slug));

  const link = async (slug: string, label: string) => {
    try {
      await linkProfile(db, slug, identity, Date.now());
      setStatus({ kind: 'ok', text: ui.t('linkExport_linked', { name: label }) });
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(ui, error) });
    }
  };

  if (!offered.length && !status) return null;
  return (
    <section class="stack card" aria-labelledby="link-export-title">
      <h2 id="link-export-title">{ui.t('linkExport_title')}</h2>
      {offered.map((person) => {
        const facts = [person.headline, person.company].filter(Boolean).join(' · ');
        return (
          <div key={person.slug} class="stack">
            <p>{linkQuestion(person.name, facts)}</p>
            <div class="row">
              <button
                type="button"
                class="primary"
                onClick={() => void link(person.slug, person.name)}
              >
                {ui.t('linkExport_yes')}
              </button>
              <button
                type="button"
                onClick={() => setDismissed((before) => new Set([...before, person.slug]))}
              >
                {ui.t('linkExport_no')}
              </button>
            </div>
          </div>
        );
      })}
      <p role="status" class={status?.kind === 'error' ? 'error' : 'ok'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
